package dev.loopkit.cli;

import dev.loopkit.tck.CertificationListener;
import dev.loopkit.tck.RuleOutcome;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/** Prints one line per rule group as it finishes, so a long certification never looks hung. */
final class ConsoleProgress implements CertificationListener {

    private final PrintWriter out;
    private final Map<RuleOutcome.Status, Integer> counts = new EnumMap<>(RuleOutcome.Status.class);
    private long groupStart;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void groupStarted(String group) {
        counts.clear();
        groupStart = System.nanoTime();
        out.printf("  %-40s ", group + " ...");
        out.flush();
    }

    @Override
    public void ruleFinished(RuleOutcome outcome) {
        counts.merge(outcome.status(), 1, Integer::sum);
    }

    @Override
    public void groupFinished(String group) {
        out.printf("%3d passed, %d failed, %d skipped (%.1f s)%n", counts.getOrDefault(RuleOutcome.Status.PASSED, 0),
                counts.getOrDefault(RuleOutcome.Status.FAILED, 0), counts.getOrDefault(RuleOutcome.Status.SKIPPED, 0),
                (System.nanoTime() - groupStart) / 1e9);
        out.flush();
    }
}

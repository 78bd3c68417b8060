package dev.loopkit.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.Certification;
import dev.loopkit.tck.CertificationListener;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.RuleOutcome;
import dev.loopkit.tck.RuleSelection;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.TckSettings;
import dev.loopkit.tck.brokenio.BrokenIoProviders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TCK proves it can fail: the whole kit runs through the JUnit Platform launcher against each
 * deliberately broken provider, and exactly the listed rules must fail, no more, no fewer. The
 * correct controls built from the same pieces must pass everything.
 */
class BrokenProvidersTest {

    /** Enough for every rule of a working loop on a loaded 2-core machine; only hanging rules pay it. */
    private static final TckSettings BROKEN = new TckSettings(Duration.ofSeconds(3), 2_000);
    /**
     * stop() ignored hangs almost every rule and each hang costs the whole timeout; the rules it
     * passes only ask the provider and never run a loop, which takes milliseconds even under load.
     */
    private static final TckSettings HANGS_MOST_RULES = new TckSettings(Duration.ofSeconds(1), 2_000);

    private static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, Callable<CertificationResult>> RESULTS = new LinkedHashMap<>();
    /** Runs the rule groups of providers that hang many rules; they wait, so they need no core. */
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool();

    /**
     * What a provider must break. {@code racing} are rules whose outcome depends on a race with
     * the defect (a missing wake-up is only seen when the loop is already asleep; a peer that keeps
     * reading may or may not drain fast enough to keep a writer under its high water mark): they
     * may fail or pass; every other rule must do exactly what {@code failing} says.
     */
    private record Expectation(Supplier<EventLoopProvider> provider, TckSettings settings, boolean hangsManyRules,
            List<String> failing, List<String> racing) {
    }

    private static void expect(Supplier<EventLoopProvider> provider, String... failing) {
        expect(provider, List.of(failing), List.of());
    }

    private static void expect(Supplier<EventLoopProvider> provider, List<String> failing, List<String> racing) {
        EXPECTED.put(provider.get().getClass().getSimpleName(),
                new Expectation(provider, BROKEN, false, failing, racing));
    }

    /** A provider whose defect hangs many rules: its rule groups are certified side by side. */
    private static void expectHangs(Supplier<EventLoopProvider> provider, TckSettings settings, String... failing) {
        EXPECTED.put(provider.get().getClass().getSimpleName(),
                new Expectation(provider, settings, true, List.of(failing), List.of()));
    }

    static {
        expect(BrokenProviders.Correct::new);
        expect(BrokenProviders.OwnTasksComplete::new);
        expect(BrokenProviders.LifoCallSoon::new, "LC-05", "LC-06", "SC-01", "SC-02", "SC-09", "FU-02", "EH-01",
                "EH-10");
        expect(BrokenProviders.TimersIgnoreTime::new, "SC-03", "SC-06", "SC-11");
        expectHangs(BrokenProviders.StopIgnored::new, HANGS_MOST_RULES, allBut("LC-01", "LC-02", "LC-08", "LC-09",
                "LC-10", "LC-11", "LC-12", "LC-13", "LC-17", "SC-06", "SC-10", "FU-05", "FU-06", "FU-07", "FU-08",
                "FU-09", "FU-10", "FU-11", "FU-14", "TK-14", "EH-04", "EH-05", "EH-06", "EH-08", "EH-09", "PV-01",
                "PV-02", "PV-03", "PV-04", "PV-05", "PV-06", "PV-07", "PV-08", "PV-10"));
        expect(BrokenProviders.CloseWhileRunningAllowed::new, "LC-07");
        expect(BrokenProviders.ClosedLoopAcceptsWork::new, "LC-09", "LC-10", "TS-07", "PV-10");
        expect(BrokenProviders.InlineFutureCallbacks::new, "FU-01", "FU-03", "TK-06", "TK-15");
        expect(BrokenProviders.FutureCompletesTwice::new, "FU-09");
        expect(BrokenProviders.CancelNotPropagated::new, "TK-04", "TK-05", "TK-06", "TK-07", "TK-08");
        expect(BrokenProviders.TasksNeverRegistered::new, "RG-01", "RG-04", "RG-05");
        expect(BrokenProviders.StepsWithoutEnterTask::new, "TK-06", "RG-06");
        expectHangs(BrokenProviders.CurrentTaskNotCleared::new, BROKEN, "LC-19", "TK-02", "TK-04", "TK-05", "TK-06", "TK-10",
                "TK-11", "TK-15", "TK-17", "RG-03", "RG-04", "RG-06", "RG-07", "RG-08", "RG-10");
        // Its racing rules hang whenever the loop was already asleep: certified group by group too.
        EXPECTED.put("NoWakeup", new Expectation(BrokenProviders.NoWakeup::new, BROKEN, true,
                List.of("TS-02", "TS-03"),
                List.of("TS-01", "TS-04", "EX-01", "EX-02", "EX-03", "EX-04", "EX-05", "EX-06", "EX-07")));
        expect(BrokenProviders.ThrowingCallbackStopsLoop::new, "EH-02");
        expect(BrokenProviders.HandlerNeverCalled::new, "FU-13", "EH-01", "EH-04");
        expectHangs(BrokenProviders.ClockBackwards::new, BROKEN, "LC-15", "SC-03", "SC-04", "SC-05", "SC-06", "SC-08", "SC-10",
                "SC-11", "SC-12", "TK-02", "TK-17", "RG-06", "RG-10", "EH-02");
        expect(BrokenProviders.DebugWithoutChecks::new, "TS-05");
        expect(BrokenProviders.SlowThresholdIgnored::new, "EH-09");
        expect(BrokenProviders.ExecutorOutlivesClose::new, "EX-04", "EX-05");
        expect(BrokenProviders.ExecutorRunsOnLoopThread::new, "EX-01", "EX-03", "EX-05", "EX-06", "EX-07");
        expect(BrokenProviders.SameTaskNames::new, "TK-09");
        expect(BrokenProviders.ReusesOneLoop::new, allBut("LC-01", "LC-02", "LC-09", "LC-10", "LC-11", "LC-12",
                "LC-13", "SC-10", "FU-05", "FU-06", "FU-07", "FU-08", "FU-09", "FU-10", "FU-11", "FU-14", "TK-14",
                "EH-04", "EH-06", "EH-09", "PV-01", "PV-04", "PV-05", "PV-06", "PV-07", "PV-08", "PV-10"));
        expect(BrokenProviders.BlankName::new, "PV-01");
        // A second TCP back end (blocking sockets on virtual threads), correct and with one I/O defect each.
        expect(BrokenIoProviders.CorrectThreadedTcp::new);
        expect(BrokenIoProviders.DropsEveryOtherChunk::new, "IO-02");
        expect(BrokenIoProviders.NeverPausesWriting::new, "IO-03");
        expect(BrokenIoProviders.IgnoresPauseReading::new, List.of("IO-04"), List.of("IO-03"));
        expect(BrokenIoProviders.IgnoresWriteEof::new, "IO-05");
        expect(BrokenIoProviders.WriteAfterCloseSilent::new, "IO-08");
        expect(BrokenIoProviders.ResetReportedAsClean::new, "IO-07");
        expect(BrokenProviders.NotRegistered::new, "PV-06");
    }

    /**
     * One certification per core: more would only make every rule slower on a busy CI machine.
     * Providers that hang many rules are the exception, see {@link #certifyGroupsAtOnce}.
     */
    @BeforeAll
    static void certifyAllInParallel() {
        new ClassFileImporter().importClasses(BrokenProviders.class);
        ExecutorService runners = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            EXPECTED.forEach((name, expectation) -> {
                if (expectation.hangsManyRules()) {
                    RESULTS.put(name, certifyGroupsAtOnce(expectation));
                } else {
                    Future<CertificationResult> result = runners.submit(() -> Certification.certify(
                            expectation.provider().get(), expectation.settings(), CertificationListener.NONE));
                    RESULTS.put(name, result::get);
                }
            });
        } finally {
            runners.shutdown();
        }
    }

    @AfterAll
    static void stopWaiters() {
        WAITERS.shutdown();
    }

    /**
     * Certifies a provider that hangs many rules one rule group per thread, all at once: a hung
     * rule only waits out its timeout, so the groups' waits overlap instead of adding up.
     */
    private static Callable<CertificationResult> certifyGroupsAtOnce(Expectation expectation) {
        Map<String, Future<CertificationResult>> byGroup = new LinkedHashMap<>();
        for (RuleGroup group : Rules.groups()) {
            byGroup.put(group.prefix(), WAITERS.submit(() -> Certification.certify(expectation.provider().get(),
                    expectation.settings().withRules(RuleSelection.group(group.prefix())),
                    CertificationListener.NONE)));
        }
        return () -> {
            List<RuleOutcome> outcomes = new ArrayList<>();
            CertificationResult part = null;
            for (Map.Entry<String, Future<CertificationResult>> group : byGroup.entrySet()) {
                part = group.getValue().get();
                part.outcomes().stream().filter(o -> o.rule().group().equals(group.getKey())).forEach(outcomes::add);
            }
            return new CertificationResult(part.providerName(), part.providerClass(), part.providerSource(),
                    part.startedAt(), outcomes);
        };
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenProviderFailsExactlyItsRules() {
        return EXPECTED.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            CertificationResult result = RESULTS.get(entry.getKey()).call();
            List<String> racing = entry.getValue().racing();
            List<String> decided = result.failedRuleIds().stream().filter(id -> !racing.contains(id)).toList();
            assertEquals(entry.getValue().failing(), decided, () -> entry.getKey() + " failed:\n"
                    + String.join("\n", result.failures().stream()
                            .map(o -> o.rule().id() + " " + o.message().lines().findFirst().orElse("")).toList()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> thereAreAtLeastTwentyBrokenProviders() {
        long broken = EXPECTED.values().stream().filter(e -> !e.failing().isEmpty()).count();
        long brokenIo = EXPECTED.values().stream()
                .filter(e -> e.failing().stream().anyMatch(id -> id.startsWith("IO-"))).count();
        return Stream.of(DynamicTest.dynamicTest(broken + " broken providers",
                        () -> assertEquals(true, broken >= 20, broken + " < 20")),
                DynamicTest.dynamicTest(brokenIo + " broken I/O back ends",
                        () -> assertEquals(true, brokenIo >= 5, brokenIo + " < 5")));
    }

    /** Every required rule but {@code passing} (optional rules are skipped for these providers). */
    private static String[] allBut(String... passing) {
        List<String> failing = new ArrayList<>(Rules.all().stream().filter(r -> r.required()).map(r -> r.id())
                .toList());
        failing.removeAll(List.of(passing));
        return failing.toArray(String[]::new);
    }
}

package dev.loopkit.cli;

import dev.loopkit.policy.Candidate;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.policy.ProviderDiscovery;
import dev.loopkit.policy.ProviderSelectionException;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.Certification;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.RuleOutcome;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.TckSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loopkit certify}: runs the TCK against providers and writes the reports. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Runs the loopkit conformance TCK (" + "every rule of the catalogue) against each chosen"
            + " provider, prints a per-rule table and a summary, and writes JUnit XML and a Markdown report.",
            "Exit status 0 only when every required rule passes for every provider.",
            "Each rule is bounded by -Dloopkit.tck.timeout=SECONDS (env LOOPKIT_TCK_TIMEOUT, default 10)."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every required rule passed", "1:a required rule failed",
            "2:bad arguments: a missing jar, an unknown provider, no provider found"})
final class CertifyCommand implements Callable<Integer> {

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Certify only this provider (default: every available provider found).")
    String providerName;

    @Option(names = "--classpath", paramLabel = "JARS",
            description = "Vendor jars or directories holding the providers, separated by '${sys:path.separator}';"
                    + " without --provider, only their providers are certified.")
    String classPath;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "tck-report",
            description = "Where the JUnit XML and Markdown reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<EventLoopProvider> providers;
        try {
            providers = chooseProviders(VendorClassPath.loaderFor(classPath));
        } catch (IllegalArgumentException | ProviderSelectionException e) {
            err.println("loopkit certify: " + e.getMessage());
            return 2;
        }
        TckSettings settings = TckSettings.fromEnvironment();
        out.printf("loopkit TCK %s: %d rules, timeout %d s per rule%n", MarkdownReport.tckVersion(),
                Rules.all().size(), settings.timeout().toSeconds());
        boolean allCertified = true;
        for (EventLoopProvider provider : providers) {
            allCertified &= certify(provider, settings, out);
        }
        return allCertified ? 0 : 1;
    }

    private List<EventLoopProvider> chooseProviders(ClassLoader loader) {
        if (providerName != null) {
            return List.of(LoopPolicy.builder().classLoader(loader).providerName(providerName, "--provider").build()
                    .provider());
        }
        List<EventLoopProvider> found = ProviderDiscovery.discover(loader).stream()
                .filter(c -> c.status() == Candidate.Status.AVAILABLE)
                .filter(c -> classPath == null || c.provider().getClass().getClassLoader() == loader)
                .map(Candidate::provider).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no available provider found" + (classPath == null ? ""
                    : " in " + classPath) + "; run 'loopkit providers' to see why");
        }
        return found;
    }

    private boolean certify(EventLoopProvider provider, TckSettings settings, PrintWriter out) throws IOException {
        String name = provider.name();
        out.printf("%ncertifying '%s' (%s)%n", name, provider.getClass().getName());
        Path dir = Files.createDirectories(reportDir.resolve(fileName(name)));
        CertificationResult result = Certification.certify(provider, settings, new ConsoleProgress(out),
                new LegacyXmlReportGeneratingListener(dir, out));
        out.println();
        for (RuleOutcome outcome : result.outcomes()) {
            out.printf("  %-6s %-7s %s%n", outcome.rule().id(), outcome.status().name().toLowerCase(),
                    outcome.rule().statement());
        }
        Path markdown = dir.resolve("loopkit-tck-" + fileName(name) + ".md");
        Files.writeString(markdown, MarkdownReport.render(result, provider.getClass()));
        out.printf("%n'%s': %s: %d passed, %d failed, %d skipped of %d rules%n", name,
                result.certified() ? "CERTIFIED" : "NOT CERTIFIED", result.count(RuleOutcome.Status.PASSED),
                result.count(RuleOutcome.Status.FAILED), result.count(RuleOutcome.Status.SKIPPED),
                result.outcomes().size());
        for (RuleOutcome failure : result.failures()) {
            out.printf("  FAILED %s %s%n         %s%n", failure.rule().id(), failure.rule().statement(),
                    failure.message().lines().findFirst().orElse(""));
        }
        out.printf("reports: %s and %s%n", markdown, dir.resolve("TEST-junit-jupiter.xml"));
        out.flush();
        return result.certified();
    }

    private static String fileName(String providerName) {
        String cleaned = providerName.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }
}

/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.cli;

import dev.loopkit.policy.Candidate;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.policy.ProviderDiscovery;
import dev.loopkit.policy.ProviderSelectionException;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.RuleSelection;
import dev.loopkit.tck.RuleOutcome;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.TckSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopkit certify}: runs the TCK against providers, each in a JVM of its own so that the
 * vendor's code can neither end nor hang the command, and writes the reports.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = {"Runs the loopkit conformance TCK (every rule of the catalogue, or those of --rules) against"
            + " each chosen provider, in a JVM of its own, prints a per-rule table and a summary, and writes JUnit"
            + " XML and a Markdown report.",
            "Exit status 0 only when every required rule passes for every provider; a provider that exits, hangs"
                + " or crashes its JVM fails the rule it was in.",
            "Each rule is bounded by -Dloopkit.tck.timeout=SECONDS (env LOOPKIT_TCK_TIMEOUT, default 10)."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every required rule passed", "1:a required rule failed or did not run",
            "2:bad arguments: a missing jar, an unknown provider or rule, no provider found, an unusable report"
                + " directory"})
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

    @Option(names = "--rules", paramLabel = "LIST",
            description = "Run only these rules, by id or group, '!' to leave one out, e.g. LC,SC,!SC-11"
                    + " (default: every rule; a partial run never certifies).")
    String rules;

    @Option(names = "--json", description = "Print one JSON document on standard output when done, instead of"
            + " the progress and tables: versions, and per provider the verdict, counts, failing rules and the"
            + " reports' paths. Errors still go to standard error.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only each provider's verdict, its failing rules and"
            + " where its reports are.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Candidate> providers;
        TckSettings settings;
        try {
            settings = TckSettings.fromEnvironment();
            if (rules != null) {
                settings = settings.withRules(RuleSelection.parse(rules));
            }
            ClassLoader loader = VendorClassPath.loaderFor(classPath);
            usableReportDir();
            providers = chooseProviders(loader);
        } catch (IllegalArgumentException | ProviderSelectionException e) {
            err.println("loopkit certify: " + e.getMessage());
            err.flush();
            return 2;
        }
        PrintWriter summary = json ? new PrintWriter(Writer.nullWriter()) : out;
        PrintWriter progress = json || quiet ? new PrintWriter(Writer.nullWriter()) : out;
        progress.printf("loopkit TCK %s: %d rules%s, timeout %d s per rule%n", MarkdownReport.tckVersion(),
                Rules.all().size(), settings.rules().isAll() ? "" : " (running " + settings.rules() + ")",
                settings.timeout().toSeconds());
        List<JsonOutput.Certification> results = new ArrayList<>();
        for (Candidate provider : providers) {
            results.add(certify(provider, settings, progress, summary));
        }
        boolean allCertified = results.stream().allMatch(JsonOutput.Certification::certified);
        if (json) {
            JsonOutput.print(out, new JsonOutput.Certify(CliVersion.get(), MarkdownReport.tckVersion(),
                    Rules.all().size(), settings.rules().toString(), allCertified, results));
        }
        return allCertified ? 0 : 1;
    }

    /** Creates the report directory, or explains why it cannot be used. */
    private void usableReportDir() {
        try {
            Files.createDirectories(reportDir);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("--report-dir " + reportDir + " cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); pass a writable directory");
        }
        if (!Files.isDirectory(reportDir) || !Files.isWritable(reportDir)) {
            throw new IllegalArgumentException("--report-dir " + reportDir + " is not a writable directory;"
                    + " pass a writable directory");
        }
    }

    private List<Candidate> chooseProviders(ClassLoader loader) {
        if (providerName != null) {
            return List.of(LoopPolicy.builder().classLoader(loader).providerName(providerName, "--provider").build()
                    .selection().chosen());
        }
        List<Candidate> found = ProviderDiscovery.discover(loader).stream()
                .filter(c -> c.status() == Candidate.Status.AVAILABLE)
                .filter(c -> classPath == null || c.provider().getClass().getClassLoader() == loader)
                .toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no available provider found" + (classPath == null ? ""
                    : " in " + classPath) + "; run 'loopkit providers' to see why");
        }
        return found;
    }

    /** Certifies one provider: progress and the per-rule table to {@code progress}, verdict to {@code summary}. */
    private JsonOutput.Certification certify(Candidate provider, TckSettings settings, PrintWriter progress,
            PrintWriter summary) throws IOException, InterruptedException {
        String name = provider.name();
        progress.printf("%ncertifying '%s' (%s)%n", name, provider.className());
        progress.flush();
        Path dir = reportDir.resolve(ReportFiles.directoryName(name));
        Files.createDirectories(dir);
        Path xml = dir.resolve("TEST-junit-jupiter.xml");
        Files.deleteIfExists(xml);
        CertificationResult result = new IsolatedCertification(provider.className(), classPath, settings, dir,
                new ConsoleProgress(progress)).run(name, provider.source());
        progress.println();
        for (RuleOutcome outcome : result.outcomes()) {
            progress.printf("  %-6s %-7s %s%n", outcome.rule().id(), outcome.status().name().toLowerCase(Locale.ROOT),
                    outcome.rule().statement());
        }
        progress.println();
        Path markdown = dir.resolve("loopkit-tck-" + ReportFiles.directoryName(name) + ".md");
        Files.writeString(markdown, MarkdownReport.render(result, provider.provider().getClass()));
        summary.printf("'%s': %s: %d passed, %d failed, %d skipped of %d rules%n", name,
                result.certified() ? "CERTIFIED" : "NOT CERTIFIED", result.count(RuleOutcome.Status.PASSED),
                result.count(RuleOutcome.Status.FAILED), result.count(RuleOutcome.Status.SKIPPED),
                result.outcomes().size());
        for (RuleOutcome failure : result.failures()) {
            summary.printf("  FAILED %s %s%n         %s%n", failure.rule().id(), failure.rule().statement(),
                    failure.message().lines().findFirst().orElse(""));
        }
        boolean wroteXml = Files.exists(xml);
        summary.printf("reports: %s and %s%n", markdown, wroteXml ? xml
                : "no JUnit XML (the certification JVM ended before writing it)");
        summary.flush();
        return JsonOutput.Certification.of(result, markdown, wroteXml ? xml : null);
    }
}

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

import dev.loopkit.tck.CertificationListener;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.LogCapture;
import dev.loopkit.tck.Rule;
import dev.loopkit.tck.RuleOutcome;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.TckSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Certifies one provider in a JVM of its own ({@link CertifyWorker}) and decides the verdict here,
 * from the events it reports: a provider that calls {@code System.exit}, halts or crashes that JVM,
 * or hangs it beyond the kit's own bounds, fails the rule it was in, and the rules it never reached
 * fail as not run. Not thread-safe: one certification at a time per instance.
 */
final class IsolatedCertification {

    /** How often the worker's events are read, and so how soon progress shows. */
    private static final long POLL_MILLIS = 100;
    /**
     * Between two events the worker may be quiet for twice a rule's timeout and this much more: a
     * rule that times out takes its timeout, then a grace period to wind down.
     */
    private static final Duration SILENCE_BEYOND_TIMEOUTS = Duration.ofSeconds(5);
    /** After "done", how long the worker may take to exit before it is ended. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);
    /** Progress tells that a rule is still running every this often. */
    private static final Duration STILL_RUNNING_EVERY = Duration.ofSeconds(5);

    private final String providerClass;
    private final String classPath;
    private final TckSettings settings;
    private final Path reportDir;
    private final Progress progress;
    private final Map<String, RuleOutcome> outcomes = new LinkedHashMap<>();
    /** The rule running now, or null between rules. */
    private String currentRule;
    /** The last rule that started: where a JVM that ended early was (in it, if it never finished). */
    private String lastStarted;
    private long currentSince;
    private long lastReminder;
    private final StringBuilder partial = new StringBuilder();
    private boolean constructing;
    private boolean done;

    /** The command's view of a running certification: the listener's events and reminders. */
    interface Progress extends CertificationListener {
        /** {@code rule} has been running for {@code elapsed}. */
        void stillRunning(String rule, Duration elapsed);
    }

    IsolatedCertification(String providerClass, String classPath, TckSettings settings, Path reportDir,
            Progress progress) {
        this.providerClass = providerClass;
        this.classPath = classPath == null ? "" : classPath;
        this.settings = settings;
        this.reportDir = reportDir;
        this.progress = progress;
    }

    /**
     * Runs the worker and returns every rule's outcome.
     *
     * @param providerName the provider's name, for the result
     * @param providerSource its jar or directory, for the result
     * @return the result, with a failed outcome for every rule the worker did not finish
     * @throws IOException if the worker cannot be started or its events read
     */
    CertificationResult run(String providerName, String providerSource) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Path events = Files.createTempFile(reportDir, "events", ".txt");
        Path log = reportDir.resolve("certify.log");
        Process worker = new ProcessBuilder(command(events)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String ending;
        try (Reader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            ending = follow(worker, reader);
        } finally {
            worker.destroyForcibly();
            Files.deleteIfExists(events);
        }
        List<RuleOutcome> all = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            all.add(outcomes.containsKey(rule.id()) ? outcomes.get(rule.id()) : unfinished(rule, ending, log));
        }
        return new CertificationResult(providerName, providerClass, providerSource, started, all);
    }

    /** The outcome of a rule the worker never reported as finished. */
    private RuleOutcome unfinished(Rule rule, String ending, Path log) {
        if (ending.isEmpty()) {
            return new RuleOutcome(rule, RuleOutcome.Status.FAILED, "the rule's test did not run");
        }
        String seeLog = " (its output: " + log + ")";
        if (rule.id().equals(lastStarted)) {
            return new RuleOutcome(rule, RuleOutcome.Status.FAILED, ending + " while this rule ran" + seeLog);
        }
        String when = lastStarted != null ? " after " + lastStarted + " started"
                : constructing ? " while the provider was being constructed" : " before the provider was constructed";
        return new RuleOutcome(rule, RuleOutcome.Status.FAILED, "not run: " + ending + when + seeLog);
    }

    /** Follows the worker until it is done; returns "" or what ended it early. */
    private String follow(Process worker, Reader reader) throws IOException, InterruptedException {
        long silenceLimit = settings.timeout().multipliedBy(2).plus(SILENCE_BEYOND_TIMEOUTS).toNanos();
        long lastEvent = System.nanoTime();
        while (true) {
            boolean exited = worker.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (readAvailable(reader)) {
                lastEvent = System.nanoTime();
            }
            if (done) {
                if (!exited && !worker.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    worker.destroyForcibly();
                }
                return "";
            }
            if (exited) {
                return "the certification JVM exited with status " + worker.exitValue()
                        + " (System.exit, Runtime.halt or a crash in the provider's code)";
            }
            long now = System.nanoTime();
            if (now - lastEvent > silenceLimit) {
                worker.destroyForcibly().waitFor();
                return "the certification JVM hung (no progress for "
                        + TimeUnit.NANOSECONDS.toSeconds(now - lastEvent) + " s) and was killed";
            }
            if (currentRule != null && now - lastReminder > STILL_RUNNING_EVERY.toNanos()) {
                lastReminder = now;
                progress.stillRunning(currentRule, Duration.ofNanos(now - currentSince));
            }
        }
    }

    /**
     * Reads what the worker has written so far and applies every complete line; returns true if
     * there was one. A line still being written (a long failure message takes several writes) waits
     * in {@link #partial} for its end.
     */
    private boolean readAvailable(Reader reader) throws IOException {
        char[] chunk = new char[8192];
        int count;
        while ((count = reader.read(chunk)) > 0) {
            partial.append(chunk, 0, count);
        }
        boolean any = false;
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            apply(WorkerEvents.parse(partial.substring(0, end)));
            partial.delete(0, end + 1);
            any = true;
        }
        return any;
    }

    private void apply(WorkerEvents.Event event) {
        switch (event.kind()) {
            case WorkerEvents.CONSTRUCTING -> constructing = true;
            case WorkerEvents.GROUP_START -> progress.groupStarted(event.field(0));
            case WorkerEvents.RULE_START -> Rules.find(event.field(0)).ifPresent(rule -> {
                currentRule = rule.id();
                lastStarted = rule.id();
                currentSince = System.nanoTime();
                lastReminder = currentSince;
                progress.ruleStarted(rule);
            });
            case WorkerEvents.RULE_END -> Rules.find(event.field(0)).ifPresent(rule -> {
                RuleOutcome outcome = new RuleOutcome(rule, RuleOutcome.Status.valueOf(event.field(1)),
                        event.field(2));
                outcomes.put(rule.id(), outcome);
                currentRule = null;
                progress.ruleFinished(outcome);
            });
            case WorkerEvents.GROUP_END -> progress.groupFinished(event.field(0));
            case WorkerEvents.DONE -> done = true;
            default -> {
                // An event of a newer worker: nothing to do with it here.
            }
        }
    }

    private List<String> command(Path events) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What ./run gives the command itself: the fastest coroutines where the JDK has them, and
        // what a native provider needs (channels' file descriptors, its JNI library).
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        command.add("--add-exports");
        command.add("java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("--enable-native-access=ALL-UNNAMED");
        // The kit reads the loop's log through its own SLF4J provider (EH-11..13), which passes
        // every event on to the usual one.
        command.add("-Dslf4j.provider=" + LogCapture.class.getName());
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("loopkit.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        if (!settings.rules().isAll()) {
            command.add("-Dloopkit.tck.rules=" + settings.rules());
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CertifyWorker.class.getName());
        command.add(providerClass);
        command.add(classPath);
        command.add(reportDir.toString());
        command.add(events.toString());
        return command;
    }
}

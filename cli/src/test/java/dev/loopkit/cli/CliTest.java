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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run loopkit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Runs {@code command} with -Dloopkit.provider={@code name}, as an operator would start it, then restores it. */
    private static Run withProviderProperty(String name, Supplier<Run> command) {
        String previous = System.setProperty("loopkit.provider", name);
        try {
            return command.get();
        } finally {
            if (previous == null) {
                System.clearProperty("loopkit.provider");
            } else {
                System.setProperty("loopkit.provider", previous);
            }
        }
    }

    @Test
    void certifyPassesTheDefaultLoopAndWritesBothReports() throws Exception {
        Run run = loopkit("certify", "--provider", "default", "--report-dir", dir.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("LC Lifecycle ..."), "progress per rule group: " + run.out());
        assertTrue(run.out().contains("'default': CERTIFIED: 191 passed, 0 failed, 0 skipped of 191 rules"), run.out());
        String markdown = Files.readString(dir.resolve("default/loopkit-tck-default.md"));
        assertTrue(markdown.contains("**CERTIFIED**"), markdown);
        assertTrue(markdown.matches("(?s).*\\| Provider jar \\| `loopkit-default-.*\\.jar`, SHA-256 `[0-9a-f]{64}` \\|.*"),
                markdown);
        assertTrue(markdown.contains("| TCK | loopkit-tck "), markdown);
        assertTrue(markdown.contains("| Reproduce | the TCK jar's SHA-256 is reproducible: build loopkit "), markdown);
        String xml = Files.readString(dir.resolve("default/TEST-junit-jupiter.xml"));
        assertTrue(xml.contains("tests=\"191\"") && xml.contains("failures=\"0\""), xml.substring(0, 400));
    }

    @Test
    void certifyFailsAVendorJarThatBreaksARuleAndNamesTheRule() throws Exception {
        Path vendor = coarseClockVendor();
        Run run = loopkit("certify", "--classpath", vendor.toString(), "--report-dir", dir.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("'coarse': NOT CERTIFIED: 151 passed, 1 failed, 39 skipped"), run.out());
        assertTrue(run.out().contains("FAILED SC-15 time() has sub-millisecond resolution"), run.out());
        String markdown = Files.readString(dir.resolve("coarse/loopkit-tck-coarse.md"));
        assertTrue(markdown.contains("**NOT CERTIFIED**: 1 required rule failed"), markdown);
        assertTrue(markdown.contains("- **SC-15**"), markdown);
        assertTrue(markdown.contains("(a directory: no checksum)"), markdown);
    }

    @Test
    void badArgumentsAreClearErrorsWithStatusTwo() {
        Run unknown = loopkit("certify", "--provider", "nope", "--report-dir", dir.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--provider=nope names no provider; known names: default"), unknown.err());

        Run missing = loopkit("certify", "--classpath", dir.resolve("missing.jar").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("--classpath names an entry that does not exist: "), missing.err());

        Run empty = loopkit("certify", "--classpath", dir.toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("no available provider found in "), empty.err());
    }

    @Test
    void providersAndCertifyAnswerAProviderThatCannotBeChosenAlikeOnStandardErrorWithStatus2() {
        Run certify = loopkit("certify", "--provider", "no-such-loop", "--report-dir", dir.toString());
        Run providers = withProviderProperty("no-such-loop", () -> loopkit("providers"));
        assertEquals(2, certify.status(), certify.out() + certify.err());
        assertEquals(2, providers.status(), providers.out() + providers.err());
        assertTrue(certify.err().startsWith("loopkit certify: ") && certify.err().contains("no-such-loop"), certify.err());
        assertTrue(providers.err().startsWith("loopkit providers: ") && providers.err().contains("no-such-loop"),
                providers.err());
    }

    @Test
    void providersJsonStillNamesEveryProviderWhenNoneCanBeChosen() throws Exception {
        Run providers = withProviderProperty("no-such-loop", () -> loopkit("providers", "--json"));
        assertEquals(2, providers.status(), providers.out() + providers.err());
        JsonNode json = new ObjectMapper().readTree(providers.out());
        assertTrue(json.get("chosen").isNull(), providers.out());
        assertTrue(json.get("error").asText().contains("no-such-loop"), providers.out());
        assertTrue(json.get("providers").findValuesAsText("name").contains("default"), providers.out());
    }

    @Test
    void certifyQuietPrintsOnlyTheVerdictAndWhereTheReportsAre() {
        Run run = loopkit("certify", "--provider", "default", "--rules", "LC-01", "--quiet",
                "--report-dir", dir.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertEquals(List.of("'default': NOT CERTIFIED: 1 passed, 0 failed, 190 skipped of 191 rules",
                "reports: " + dir.resolve("default/loopkit-tck-default.md") + " and "
                        + dir.resolve("default/TEST-junit-jupiter.xml")), run.out().lines().toList());
    }

    @Test
    void providersPrintsThePolicysExplanation() {
        Run run = loopkit("providers");
        assertEquals(0, run.status(), run.err());
        // The command ships both providers; the native one wins where Netty's epoll library loads.
        boolean epoll = System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
        assertTrue(run.out().contains("loopkit chose provider '" + (epoll ? "epoll" : "default") + "'"), run.out());
        assertTrue(run.out().contains("dev.loopkit.impl.DefaultProvider"), run.out());
        assertTrue(run.out().contains("dev.loopkit.epoll.EpollProvider"), run.out());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String[] args : new String[][] {{"--help"}, {"providers", "--help"}, {"certify", "--help"}}) {
            Run run = loopkit(args);
            assertEquals(0, run.status(), String.join(" ", args));
            assertTrue(run.out().startsWith("Usage: loopkit"), run.out());
        }
        assertTrue(loopkit("certify", "--help").out().contains("--report-dir=DIR"));
    }

    @Test
    void aProviderThatExitsTheJvmInARuleIsNotCertifiedAndTheRuleIsNamed() throws Exception {
        Path vendor = vendor("exiting", "new ExitingLoop()", """
                package vendor;
                final class ExitingLoop extends dev.loopkit.spi.BaseEventLoop {
                    // Exits the JVM the first time the loop runs.
                    protected void processEvents(long timeout) {
                        System.exit(0);
                    }
                    protected void wakeup() { }
                    protected void closeBackend() { }
                }
                """, "");
        Run run = loopkit("certify", "--classpath", vendor.toString(), "--report-dir", dir.toString(),
                "--rules", "LC-05,LC-06");
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("'exiting': NOT CERTIFIED"), run.out());
        assertTrue(run.out().contains("FAILED LC-05 ") && run.out().contains("the certification JVM exited with"
                + " status 0 (System.exit, Runtime.halt or a crash in the provider's code) while this rule ran"),
                run.out());
        assertTrue(run.out().contains("FAILED LC-06 ") && run.out().contains("not run: the certification JVM exited"
                + " with status 0"), run.out());
        assertTrue(run.out().contains("no JUnit XML"), run.out());
        assertTrue(Files.readString(dir.resolve("exiting/loopkit-tck-exiting.md")).contains("**NOT CERTIFIED**"));
    }

    @Test
    void aProviderThatHangsItsJvmIsKilledAndNotCertified() throws Exception {
        // The second construction blocks for ever: discovery (here) builds it once, the worker again.
        Path vendor = vendor("hanging", "new HangingLoop()", """
                package vendor;
                final class HangingLoop extends dev.loopkit.spi.BaseEventLoop {
                    protected void processEvents(long timeout) { }
                    protected void wakeup() { }
                    protected void closeBackend() { }
                }
                """, """
                private static final java.nio.file.Path COUNT = java.nio.file.Path.of(%s);
                public HangingProvider() throws Exception {
                    java.nio.file.Files.writeString(COUNT, "x", java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                    if (java.nio.file.Files.readString(COUNT).length() > 1) {
                        new java.util.concurrent.CountDownLatch(1).await();
                    }
                }
                """.formatted('"' + dir.resolve("constructions").toString().replace("\\", "/") + '"'));
        String previous = System.setProperty("loopkit.tck.timeout", "1");
        try {
            Run run = loopkit("certify", "--classpath", vendor.toString(), "--report-dir", dir.toString(),
                    "--rules", "LC-01");
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("'hanging': NOT CERTIFIED"), run.out());
            assertTrue(run.out().contains("not run: the certification JVM hung (no progress for"), run.out());
            assertTrue(run.out().contains("while the provider was being constructed"), run.out());
        } finally {
            if (previous == null) {
                System.clearProperty("loopkit.tck.timeout");
            } else {
                System.setProperty("loopkit.tck.timeout", previous);
            }
        }
    }

    @Test
    void unusableReportDirectoriesAndRuleListsAreArgumentErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Run notADirectory = loopkit("certify", "--provider", "default", "--report-dir", file.toString());
        assertEquals(2, notADirectory.status(), notADirectory.out() + notADirectory.err());
        assertTrue(notADirectory.err().contains("--report-dir " + file + " cannot be created"), notADirectory.err());
        assertTrue(notADirectory.err().contains("pass a writable directory"), notADirectory.err());

        Run badRules = loopkit("certify", "--provider", "default", "--report-dir", dir.toString(), "--rules",
                "LC,XX-99");
        assertEquals(2, badRules.status(), badRules.out() + badRules.err());
        assertTrue(badRules.err().contains("no rule or group is named XX-99"), badRules.err());
    }

    @Test
    void reportFileNamesStayInsideTheReportDirectory() {
        assertEquals("__", ReportFiles.directoryName(".."));
        assertEquals("_", ReportFiles.directoryName("."));
        assertEquals("_hidden", ReportFiles.directoryName(".hidden"));
        assertEquals("a_b_c", ReportFiles.directoryName("a/b\\c"));
        assertEquals("unnamed", ReportFiles.directoryName("  "));
        assertEquals("uv.loop-2", ReportFiles.directoryName("uv.loop-2"));
    }

    /** A vendor's class directory whose loop reads the wall clock in milliseconds. */
    private Path coarseClockVendor() throws Exception {
        return vendor("coarse", "new CoarseClockLoop()", """
                package vendor;
                final class CoarseClockLoop extends dev.loopkit.spi.BaseEventLoop {
                    // Polls every millisecond, so it never needs a wake-up.
                    protected void processEvents(long timeout) {
                        if (timeout != 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                        }
                    }
                    protected void wakeup() { }
                    protected void closeBackend() { }
                    @Override public long time() {
                        return System.currentTimeMillis() * 1_000_000L;
                    }
                }
                """, "");
    }

    /**
     * A vendor's class directory with a provider {@code vendor.<Name>Provider} called {@code name}
     * whose loops are {@code newLoop}, the loop's source, and extra provider members.
     */
    private Path vendor(String name, String newLoop, String loopSource, String providerMembers) throws Exception {
        String providerClass = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Provider";
        String loopClass = loopSource.replaceAll("(?s).*final class (\\w+).*", "$1");
        Path src = Files.createDirectories(dir.resolve("src/vendor"));
        Files.writeString(src.resolve(providerClass + ".java"), """
                package vendor;
                public final class %s implements dev.loopkit.spi.EventLoopProvider {
                    %s
                    public String name() { return "%s"; }
                    public dev.loopkit.api.EventLoop newEventLoop() { return %s; }
                }
                """.formatted(providerClass, providerMembers, name, newLoop));
        Files.writeString(src.resolve(loopClass + ".java"), loopSource);
        Path classes = Files.createDirectories(dir.resolve("vendor-classes-" + name));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "-cp",
                location(EventLoop.class) + File.pathSeparator + location(EventLoopProvider.class),
                src.resolve(providerClass + ".java").toString(), src.resolve(loopClass + ".java").toString()));
        StringWriter errors = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(errors),
                new PrintWriter(errors), args.toArray(String[]::new));
        assertEquals(0, status, errors.toString());
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(EventLoopProvider.class.getName()), "vendor." + providerClass + "\n");
        return classes;
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

package dev.loopkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void certifyPassesTheDefaultLoopAndWritesBothReports() throws Exception {
        Run run = loopkit("certify", "--provider", "default", "--report-dir", dir.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("LC Lifecycle ..."), "progress per rule group: " + run.out());
        assertTrue(run.out().contains("'default': CERTIFIED: 127 passed, 0 failed, 0 skipped of 127 rules"), run.out());
        String markdown = Files.readString(dir.resolve("default/loopkit-tck-default.md"));
        assertTrue(markdown.contains("**CERTIFIED**"), markdown);
        assertTrue(markdown.matches("(?s).*\\| Provider jar \\| `loopkit-default-.*\\.jar`, SHA-256 `[0-9a-f]{64}` \\|.*"),
                markdown);
        assertTrue(markdown.contains("| TCK | loopkit-tck "), markdown);
        String xml = Files.readString(dir.resolve("default/TEST-junit-jupiter.xml"));
        assertTrue(xml.contains("tests=\"127\"") && xml.contains("failures=\"0\""), xml.substring(0, 400));
    }

    @Test
    void certifyFailsAVendorJarThatBreaksARuleAndNamesTheRule() throws Exception {
        Path vendor = lenientVendor();
        Run run = loopkit("certify", "--classpath", vendor.toString(), "--report-dir", dir.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("'lenient': NOT CERTIFIED: 110 passed, 1 failed, 16 skipped"), run.out());
        assertTrue(run.out().contains("FAILED LC-07 close() of a running loop fails"), run.out());
        String markdown = Files.readString(dir.resolve("lenient/loopkit-tck-lenient.md"));
        assertTrue(markdown.contains("**NOT CERTIFIED**: 1 required rule failed"), markdown);
        assertTrue(markdown.contains("- **LC-07**"), markdown);
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
    void providersPrintsThePolicysExplanation() {
        Run run = loopkit("providers");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("loopkit chose provider 'default'"), run.out());
        assertTrue(run.out().contains("dev.loopkit.impl.DefaultProvider"), run.out());
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

    /** A vendor's class directory whose loop lets close() of a running loop pass silently. */
    private Path lenientVendor() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/vendor"));
        Files.writeString(src.resolve("LenientProvider.java"), """
                package vendor;
                public final class LenientProvider implements dev.loopkit.spi.EventLoopProvider {
                    public String name() { return "lenient"; }
                    public dev.loopkit.api.EventLoop newEventLoop() { return new LenientLoop(); }
                }
                """);
        Files.writeString(src.resolve("LenientLoop.java"), """
                package vendor;
                final class LenientLoop extends dev.loopkit.spi.BaseEventLoop {
                    // Polls every millisecond, so it never needs a wake-up.
                    protected void processEvents(long timeout) {
                        if (timeout != 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                        }
                    }
                    protected void wakeup() { }
                    protected void closeBackend() { }
                    @Override public void close() {
                        if (!isRunning()) {
                            super.close();
                        }
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("vendor-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "-cp",
                location(EventLoop.class) + java.io.File.pathSeparator + location(EventLoopProvider.class),
                src.resolve("LenientProvider.java").toString(), src.resolve("LenientLoop.java").toString()));
        StringWriter errors = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(errors),
                new PrintWriter(errors), args.toArray(String[]::new));
        assertEquals(0, status, errors.toString());
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(EventLoopProvider.class.getName()), "vendor.LenientProvider\n");
        return classes;
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

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
package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular vendor (its provider registered with {@code provides} in its module-info, no services
 * file) is certified with the TCK on the module path, in a forked JVM: PV-06 finds the
 * registration through the TCK's own {@code uses}.
 */
class ModularVendorTest {

    private static final String MODULE_INFO = """
            module com.vendor.loop {
                requires dev.loopkit.tck;
                provides dev.loopkit.spi.EventLoopProvider with com.vendor.loop.VendorProvider;
            }
            """;
    private static final String PROVIDER = """
            package com.vendor.loop;

            public final class VendorProvider implements dev.loopkit.spi.EventLoopProvider {
                public String name() { return "modular"; }
                public dev.loopkit.api.EventLoop newEventLoop() { return new VendorLoop(); }
            }
            """;
    private static final String LOOP = """
            package com.vendor.loop;

            import java.util.concurrent.locks.LockSupport;

            final class VendorLoop extends dev.loopkit.spi.BaseEventLoop {
                private volatile Thread owner;
                private volatile boolean woken;

                protected void processEvents(long timeoutNanos) {
                    owner = Thread.currentThread();
                    if (timeoutNanos != 0 && !woken) {
                        if (timeoutNanos < 0) {
                            LockSupport.park(this);
                        } else {
                            LockSupport.parkNanos(this, timeoutNanos);
                        }
                    }
                    woken = false;
                }

                protected void wakeup() {
                    woken = true;
                    Thread thread = owner;
                    if (thread != null) {
                        LockSupport.unpark(thread);
                    }
                }

                protected void closeBackend() { }
            }
            """;
    private static final String CERTIFY = """
            package com.vendor.loop;

            import dev.loopkit.tck.Certification;
            import dev.loopkit.tck.CertificationListener;
            import dev.loopkit.tck.CertificationResult;
            import dev.loopkit.tck.RuleSelection;
            import dev.loopkit.tck.TckSettings;

            public final class Certify {
                public static void main(String[] args) {
                    CertificationResult result = Certification.certify(new VendorProvider(),
                            new TckSettings(java.time.Duration.ofSeconds(10), 2_000, RuleSelection.parse("PV,LC")),
                            CertificationListener.NONE);
                    result.failures().forEach(f -> System.out.println("FAILED " + f.rule().id() + " " + f.message()));
                    System.out.println("passed " + result.count(dev.loopkit.tck.RuleOutcome.Status.PASSED)
                            + ", failed " + result.failures().size() + ", module " + VendorProvider.class.getModule());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aModularVendorIsCertifiedOnTheModulePath() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String type : List.of("dev.loopkit.api.EventLoop", "dev.loopkit.spi.EventLoopProvider",
                "dev.loopkit.tck.Certification", "org.junit.jupiter.api.Test",
                "org.junit.jupiter.engine.JupiterTestEngine", "org.junit.platform.commons.util.ReflectionUtils",
                "org.junit.platform.engine.TestEngine", "org.junit.platform.launcher.Launcher",
                "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API",
                "com.tngtech.archunit.ArchConfiguration", "org.slf4j.LoggerFactory",
                "dev.loopkit.toolkit.SelfSignedCertificate")) {
            jars.add(location(type));
        }
        String kit = String.join(File.pathSeparator, jars);
        Path vendor = Files.createDirectories(dir.resolve("com.vendor.loop"));
        compile(vendor, kit, List.of(new String[] {"module-info", MODULE_INFO},
                new String[] {"com/vendor/loop/VendorProvider", PROVIDER},
                new String[] {"com/vendor/loop/VendorLoop", LOOP}, new String[] {"com/vendor/loop/Certify", CERTIFY}));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "--module-path", kit + File.pathSeparator + vendor,
                "--add-modules", "ALL-MODULE-PATH", "--module", "com.vendor.loop/com.vendor.loop.Certify")
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the forked JVM did not finish");
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("stderr.txt")));
        assertTrue(out.contains("failed 0, module module com.vendor.loop"), out);
    }

    private static void compile(Path classes, String modulePath, List<String[]> sources) throws Exception {
        Path src = Files.createDirectories(classes.resolveSibling("src"));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "--module-path",
                modulePath));
        for (String[] source : sources) {
            Path file = src.resolve(source[0] + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source[1]);
            args.add(file.toString());
        }
        StringWriter errors = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(errors),
                new PrintWriter(errors), args.toArray(String[]::new));
        assertEquals(0, status, errors.toString());
    }

    /** The jar or class directory of a class on the test's class path, named so as not to import it. */
    private static String location(String className) throws Exception {
        Class<?> type = Class.forName(className, false, ModularVendorTest.class.getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

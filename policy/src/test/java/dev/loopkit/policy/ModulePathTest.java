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
package dev.loopkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The same discovery on the module path, in a forked JVM: loopkit's jars and the default loop as
 * named modules, found through {@code uses}/{@code provides} with no services file involved.
 */
class ModulePathTest {

    private static final String PROBE = """
            package probe;

            public final class Probe {
                public static void main(String[] args) {
                    System.out.println(dev.loopkit.policy.Loops.explain().explain());
                    System.out.println("boot layer: " + dev.loopkit.policy.LoopPolicy.builder()
                            .moduleLayer(ModuleLayer.boot()).build().selection().chosen().name());
                    System.out.println("result: " + dev.loopkit.policy.Loops.run(() ->
                            dev.loopkit.api.EventLoops.getRunningLoop().getClass().getModule().getName()));
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theEnvironmentChoosesAProviderFoundOnTheModulePath() throws Exception {
        String out = runProbe(Map.of("LOOPKIT_PROVIDER", "default"));
        assertTrue(out.startsWith("loopkit chose provider 'default' (env LOOPKIT_PROVIDER=default)"), out);
        assertTrue(out.contains("dev.loopkit.impl.DefaultProvider  module dev.loopkit.impl"), out);
        assertTrue(out.contains("result: dev.loopkit.impl"), out);
        assertTrue(out.contains("boot layer: default"), "discovery through a ModuleLayer: " + out);
    }

    @Test
    void withoutANameTheOnlyProviderOnTheModulePathWins() throws Exception {
        String out = runProbe(Map.of());
        assertTrue(out.startsWith("loopkit chose provider 'default' (highest priority among 1 usable provider)"), out);
    }

    private String runProbe(Map<String, String> environment) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("probe-classes"));
        String policy = VendorJars.location(Loops.class);
        String api = VendorJars.location(EventLoop.class);
        String spi = VendorJars.location(EventLoopProvider.class);
        VendorJars.compile(List.<String[]>of(new String[] {"probe.Probe", PROBE}), classes, policy, api, spi);
        String modulePath = String.join(File.pathSeparator, api, spi, policy,
                VendorJars.location(Class.forName("dev.loopkit.impl.DefaultProvider")),
                VendorJars.location(LoggerFactory.class));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--module-path", modulePath,
                "--add-modules", "dev.loopkit.policy", "-cp", classes.toString(), "probe.Probe"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().remove("LOOPKIT_PROVIDER");
        builder.environment().putAll(environment);
        builder.redirectError(dir.resolve("stderr.txt").toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the forked JVM did not finish");
        assertEquals(0, process.exitValue(), "forked JVM failed: " + out + Files.readString(dir.resolve("stderr.txt")));
        return out;
    }
}

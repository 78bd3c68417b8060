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
import dev.loopkit.tck.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution the build makes, installed as the README says (unpack, run {@code bin/loopkit})
 * into a temporary directory and run there, with no Maven and no class path from the build: run by
 * failsafe after {@code package}, from the archive and version the POM passes in.
 */
class DistributionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out) {
    }

    @Test
    void theArchiveUnpacksToACommandThatRunsWithoutMaven() throws Exception {
        String version = System.getProperty("loopkit.version");
        Path archive = Path.of(System.getProperty("loopkit.distribution"));
        assertTrue(Files.isRegularFile(archive), "the build made no distribution at " + archive);
        assertEquals(0, run("tar", "xzf", archive.toString(), "-C", dir.toString()).status(), "tar xzf " + archive);
        Path home = dir.resolve("loopkit-" + version);
        String loopkit = home.resolve("bin/loopkit").toString();
        assertTrue(Files.isExecutable(Path.of(loopkit)), "bin/loopkit is missing or not executable in " + archive);

        Run versionRun = run(loopkit, "--version");
        assertEquals(0, versionRun.status(), versionRun.out());
        assertTrue(versionRun.out().startsWith("loopkit " + version + "\nTCK " + version + "\n"), versionRun.out());
        Run runnableJar = run(javaCommand(), "-jar", home.resolve("lib/loopkit-cli.jar").toString(), "--version");
        assertEquals(versionRun, runnableJar, "java -jar lib/loopkit-cli.jar answers as bin/loopkit does");

        Run providers = run(loopkit, "providers", "--json");
        assertEquals(0, providers.status(), providers.out());
        JsonNode choice = JSON.readTree(providers.out());
        assertTrue(choice.get("error").isNull() && choice.get("chosen").isTextual(), providers.out());
        List<String> available = new ArrayList<>();
        choice.get("providers").forEach(p -> {
            if (p.get("status").asText().equals("available")) {
                available.add(p.get("name").asText());
            }
        });
        assertTrue(available.contains("default"), "the default loop is available: " + providers.out());
        assertEquals(choice.get("chosen").asText() + "\n", run(loopkit, "providers", "--quiet").out());
    }

    @Test
    void certifyWithJsonPrintsOneDocumentAndWritesTheReports() throws Exception {
        String version = System.getProperty("loopkit.version");
        assertEquals(0, run("tar", "xzf", System.getProperty("loopkit.distribution"), "-C", dir.toString()).status());
        String loopkit = dir.resolve("loopkit-" + version + "/bin/loopkit").toString();
        Path reports = dir.resolve("reports");

        Run certify = run(loopkit, "certify", "--provider", "default", "--rules", "LC", "--json",
                "--report-dir", reports.toString());
        // A partial run never certifies: status 1, while every rule it ran passed.
        assertEquals(1, certify.status(), certify.out());
        JsonNode result = JSON.readTree(certify.out());
        assertEquals(version, result.get("loopkitVersion").asText(), certify.out());
        JsonNode provider = result.get("providers").get(0);
        long lifecycleRules = Rules.all().stream().filter(rule -> rule.id().startsWith("LC-")).count();
        assertEquals("default", provider.get("name").asText(), certify.out());
        assertEquals(lifecycleRules, provider.get("passed").asLong(), certify.out());
        assertEquals(0, provider.get("failed").asLong(), certify.out());
        assertTrue(Files.isRegularFile(Path.of(provider.get("markdownReport").asText())), certify.out());
        assertTrue(Files.isRegularFile(Path.of(provider.get("junitXml").asText())), certify.out());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} with this JVM's JDK as JAVA_HOME; standard output and error together. */
    private Run run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "run", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> String.join(" ", command)
                    + " did not end within 120 s");
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(output));
    }
}

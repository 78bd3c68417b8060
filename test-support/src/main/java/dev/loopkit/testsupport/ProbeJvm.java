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
package dev.loopkit.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's probe (a class with a {@code main}) in a JVM of its own, started by {@code bash}
 * after a setup the parent JVM cannot make for itself (a small descriptor limit, an ignored signal).
 */
public final class ProbeJvm {

    private ProbeJvm() {
    }

    /**
     * Runs {@code probe} on this JVM's JDK and class path after the shell command {@code setup},
     * and returns what it printed, standard output and error together.
     *
     * @param dir where its output is kept
     * @param setup a shell command run first, e.g. {@code ulimit -n 256}
     * @param probe the class whose {@code main} runs
     * @return the probe's output
     * @throws AssertionError if it does not end within 60 s (it is then killed)
     */
    public static String run(Path dir, String setup, Class<?> probe) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(dir, probe.getSimpleName(), ".log");
        Process process = new ProcessBuilder("bash", "-c", setup + " && exec \"$0\" -cp \"$1\" \"$2\"", java,
                System.getProperty("java.class.path"), probe.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(probe.getSimpleName() + " did not end within 60 s:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(log);
    }
}

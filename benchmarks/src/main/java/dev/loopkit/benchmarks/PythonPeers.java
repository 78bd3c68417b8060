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
package dev.loopkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same workloads on CPython's asyncio and on uvloop ({@code python_peer.py}), run as child
 * processes by the same {@code ./run bench}. Debian's {@code python3-uvloop} installs for
 * {@code /usr/bin/python3}, so that interpreter is preferred to whatever {@code python3} is first
 * on the PATH.
 */
final class PythonPeers {

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)");
    private static final Pattern VERSION = Pattern.compile("\"version\": \"([^\"]*)\"");

    private PythonPeers() {
    }

    /** What one Python loop measured: nanoseconds per operation, and bytes per parked task. */
    record Result(String version, double chain, double trip, double resume, double heap) {
    }

    /**
     * Runs {@code loop} ({@code asyncio} or {@code uvloop}); empty, with the reason printed, where
     * Python or the loop is missing.
     */
    static Optional<Result> run(String loop, int runs) {
        String python = python();
        try {
            Path script = script("python_peer.py");
            Process process = new ProcessBuilder(python, script.toString(), loop,
                    Integer.toString(LoopBenchmarks.CHAIN), Integer.toString(AwaitBenchmarks.TRIPS),
                    Integer.toString(TaskBenchmarks.TASKS), Integer.toString(runs))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean ended = process.waitFor(5, TimeUnit.MINUTES);
            if (!ended || process.exitValue() != 0) {
                process.destroyForcibly();
                System.out.println("(" + loop + " peer skipped: " + lastLine(out) + ")");
                return Optional.empty();
            }
            return Optional.of(parse(lastLine(out)));
        } catch (IOException e) {
            System.out.println("(" + loop + " peer skipped: " + python + " cannot run: " + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Copies the Python script {@code name} of this package to a temporary file (deleted when the
     * JVM exits), for an interpreter to run.
     */
    static Path script(String name) throws IOException {
        try (InputStream in = PythonPeers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the benchmarks jar has no " + name + ": rebuild it with ./run bench");
            }
            Path script = Files.createTempFile("loopkit-" + name.replace(".py", "-"), ".py");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
            return script;
        }
    }

    /** The interpreter that has Debian's uvloop: {@code /usr/bin/python3}, else the first on the PATH. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static String lastLine(String out) {
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private static Result parse(String json) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Matcher number = NUMBER.matcher(json);
        while (number.find()) {
            numbers.put(number.group(1), Double.parseDouble(number.group(2)));
        }
        Matcher version = VERSION.matcher(json);
        if (!version.find() || numbers.size() != 4) {
            throw new IllegalStateException("the Python peer printed an unexpected result: " + json);
        }
        return new Result(version.group(1), numbers.get("chain"), numbers.get("trip"), numbers.get("resume"),
                numbers.get("heap"));
    }
}

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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} with 64 connections on given CPUs ({@code taskset}): the requests it
 * made, their rate, and the CPU time wrk itself used (the {@code times} of the shell that ran it),
 * which says how much of a shared machine the client takes.
 *
 * @param requests requests completed
 * @param rate requests per second
 * @param clientCpuNanos wrk's CPU time (user + system)
 */
record Wrk(long requests, double rate, long clientCpuNanos) {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    /** A line of the shell's {@code times}: user and system time, as {@code 0m1.230s 0m0.450s}. */
    private static final Pattern TIMES = Pattern.compile("(?m)^(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s$");

    /**
     * Runs {@code wrk -tTHREADS -c64} against {@code url} for {@code seconds} on {@code cpus}.
     *
     * @throws IllegalStateException if wrk fails, or the server answered wrongly or dropped
     *     connections
     */
    static Wrk run(String cpus, int threads, String url, int seconds) throws IOException, InterruptedException {
        // The shell's second line of times is its children's: wrk's, since taskset execs it.
        Process wrk = new ProcessBuilder("sh", "-c", "taskset -c \"$1\" wrk -t\"$2\" -c64 -d\"$3\"s \"$4\" && times",
                "sh", cpus, String.valueOf(threads), String.valueOf(seconds), url).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        if (out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IllegalStateException("the server answered wrongly or dropped connections: " + out);
        }
        Matcher times = TIMES.matcher(out);
        long cpu = -1;
        while (times.find()) {
            cpu = seconds(times.group(1), times.group(2)) + seconds(times.group(3), times.group(4));
        }
        if (cpu < 0) {
            throw new IllegalStateException("the shell printed no times after wrk: " + out);
        }
        return new Wrk(Long.parseLong(find(REQUESTS, out)), Double.parseDouble(find(RATE, out)), cpu);
    }

    /** wrk's CPU time per request. */
    double clientCpuNanosPerRequest() {
        return clientCpuNanos / (double) requests;
    }

    private static long seconds(String minutes, String seconds) {
        return Long.parseLong(minutes) * 60_000_000_000L + Math.round(Double.parseDouble(seconds) * 1e9);
    }

    private static String find(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no " + pattern.pattern() + ": " + out);
        }
        return matcher.group(1);
    }
}

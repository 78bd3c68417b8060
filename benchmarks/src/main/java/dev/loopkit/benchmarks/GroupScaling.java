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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How loopkit's HTTP example scales from one loop to a group of one loop per core: the example on
 * a {@code LoopGroup} of every core, loaded by wrk with a thread per core, against the same
 * example on one loop (CPU 0, wrk on CPU 1) measured by {@link HttpPeers}. On a machine whose
 * cores the client must share, the group cannot reach N times one loop: it is bounded by every
 * core spent on the server's and the client's work per request, both measured in the group's
 * run; the result carries that bound.
 */
final class GroupScaling {

    /**
     * One provider's scaling.
     *
     * @param server the loopkit server's name in the HTTP results
     * @param loops the group's loops, one per core
     * @param oneLoopRate requests/s of one loop with the client on a core of its own
     * @param oneLoopCpuNanos one loop's server CPU time per request
     * @param groupRate requests/s of the group, the client on the same cores
     * @param serverCpuNanos the group's server CPU time per request
     * @param clientCpuNanos wrk's CPU time per request in the group's run
     */
    record Result(String server, int loops, double oneLoopRate, double oneLoopCpuNanos, double groupRate,
            double serverCpuNanos, double clientCpuNanos) {

        /** The group's requests/s over one loop's. */
        double scaling() {
            return groupRate / oneLoopRate;
        }

        /** The most the group could serve here, every core busy: over one loop's requests/s. */
        double bound() {
            return loops * 1e9 / (serverCpuNanos + clientCpuNanos) / oneLoopRate;
        }

        /** The report's rows: the group's wall time per request against one loop's, and the bound's. */
        List<Comparison> rows() {
            String group = "HTTP plaintext, wall time per request, " + loops + "-loop group"
                    + (server.equals(LoadResult.LOOPKIT) ? "" : ", epoll loop");
            List<Comparison> rows = new ArrayList<>();
            rows.add(new Comparison(group, "ns", 1e9 / groupRate, "1 loop", 1e9 / oneLoopRate, 1 / GOAL));
            rows.add(new Comparison(group + ": bound here, (server + client CPU) / cores", "ns",
                    (serverCpuNanos + clientCpuNanos) / loops, "1 loop", 1e9 / oneLoopRate, 0));
            // What a core costs per request in the group against alone: at 1.0x the group scales with
            // its cores as long as the client is elsewhere.
            rows.add(new Comparison("HTTP plaintext, server CPU per request, " + loops + "-loop group"
                    + (server.equals(LoadResult.LOOPKIT) ? "" : ", epoll loop"), "ns", serverCpuNanos, "1 loop",
                    oneLoopCpuNanos, 0));
            return rows;
        }

        /** A line of the report's text. */
        String line() {
            return String.format(Locale.ROOT, "    %-14s %d loops %10.0f requests/s = %.2fx one loop (goal %.1fx);"
                    + " %.2f us server (one loop: %.2f) + %.2f us wrk CPU per request: at most %.2fx on %d shared"
                    + " cores%n", server, loops, groupRate, scaling(), GOAL, serverCpuNanos / 1_000,
                    oneLoopCpuNanos / 1_000, clientCpuNanos / 1_000, bound(), loops);
        }
    }

    /** The goal: a 2-loop group serves at least 1.8 times one loop. */
    static final double GOAL = 1.8;

    private GroupScaling() {
    }

    /**
     * Measures the group on each loopkit loop whose one-loop run is in {@code http}; empty where the
     * machine has one core or lacks wrk or taskset.
     */
    static List<Result> run(List<LoadResult> http, int warmup, int seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Result> results = new ArrayList<>();
        if (cores < 2 || HttpPeers.missingTool().isPresent()) {
            System.out.println("(loop group scaling skipped: it needs wrk, taskset and two cores)");
            return results;
        }
        for (LoadResult oneLoop : http) {
            String provider = switch (oneLoop.server()) {
                case LoadResult.LOOPKIT -> "default";
                case LoadResult.LOOPKIT_EPOLL -> "epoll";
                default -> null;
            };
            if (provider != null) {
                measure(oneLoop, provider, cores, warmup, seconds).ifPresent(results::add);
            }
        }
        return results;
    }

    private static Optional<Result> measure(LoadResult oneLoop, String provider, int cores, int warmup, int seconds) {
        String all = "0-" + (cores - 1);
        return PinnedServer.orSkipped("loop group of " + provider, () -> {
            HttpPeers.Load load = HttpPeers.load(all, HttpPeers.example(provider, cores), all, cores, warmup, seconds);
            Result result = new Result(oneLoop.server(), cores, oneLoop.operationsPerSecond(),
                    oneLoop.cpuNanosPerOperation(), load.run().rate(),
                    load.used().total().toNanos() / (double) load.run().requests(),
                    load.run().clientCpuNanosPerRequest());
            System.out.print(result.line());
            return result;
        });
    }
}

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

import java.util.Locale;

/**
 * What a load client measured against one pinned server ({@link PinnedServer}): operations per
 * second (HTTP requests, echo round trips) and the server's CPU time per operation.
 *
 * @param server the server's name in the report
 * @param operationsPerSecond operations completed per second
 * @param cpuNanosPerOperation the server's CPU time (user + system) per operation
 * @param systemShare the kernel's share of that time, 0 to 1
 */
record LoadResult(String server, double operationsPerSecond, double cpuNanosPerOperation, double systemShare) {

    /** Measured over {@code operations} done at {@code rate} per second with {@code used} CPU time. */
    static LoadResult of(String server, double rate, long operations, CpuTime used) {
        return new LoadResult(server, rate, used.total().toNanos() / (double) operations, used.systemShare());
    }

    /**
     * A line for the report, such as {@code loopkit 120000 requests/s 7.98 us server CPU per
     * request (62% in the kernel)}.
     */
    String line(String operations, String operation) {
        return String.format(Locale.ROOT, "%-14s %10.0f %s/s %8.2f us server CPU per %s (%.0f%% in the kernel)",
                server, operationsPerSecond, operations, cpuNanosPerOperation / 1_000, operation, systemShare * 100);
    }

    /** The server's CPU time per operation in user space: what its own code, the loop's included, costs. */
    double userNanosPerOperation() {
        return cpuNanosPerOperation * (1 - systemShare);
    }

    /** The name of loopkit's default loop's server in the results. */
    static final String LOOPKIT = "loopkit";
    /** The name of loopkit's epoll loop's server in the results. */
    static final String LOOPKIT_EPOLL = "loopkit epoll";
}

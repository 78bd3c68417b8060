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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HTTP plaintext with {@code wrk -t1 -c64}: loopkit's example server, the same server on Netty
 * (NIO and epoll, {@link NettyHttpServer}) and on uvloop ({@code python_http_peer.py}), one after
 * the other, each pinned to CPU 0 with wrk pinned to CPU 1 ({@code taskset}). Reports requests/s
 * and the server's CPU time per request (user + system, from {@link ProcessHandle}), after a
 * warm-up run.
 */
final class HttpPeers {

    /** The line the HTTP servers print once they listen. */
    static final Pattern URL = Pattern.compile("HTTP plaintext server on (http://\\S+)");

    private HttpPeers() {
    }

    /**
     * Runs wrk against every server for {@code seconds} after a warm-up of {@code warmup}; empty,
     * with the reason printed, where wrk, taskset or a second CPU is missing.
     */
    static List<LoadResult> run(int warmup, int seconds) {
        List<LoadResult> results = new ArrayList<>();
        Optional<String> missing = missingTool();
        if (missing.isPresent()) {
            System.out.println("(HTTP peers skipped: " + missing.get() + ")");
            return results;
        }
        List<String> jvm = PinnedServer.javaCommand();
        // The same example server on each of loopkit's loops: only the provider differs.
        measure(LoadResult.LOOPKIT, example("default", 1), warmup, seconds).ifPresent(results::add);
        measure(LoadResult.LOOPKIT_EPOLL, example("epoll", 1), warmup, seconds).ifPresent(results::add);
        measure("Netty NIO", PinnedServer.concat(jvm, NettyHttpServer.class.getName(), "nio"), warmup, seconds)
                .ifPresent(results::add);
        measure("Netty epoll", PinnedServer.concat(jvm, NettyHttpServer.class.getName(), "epoll"), warmup, seconds)
                .ifPresent(results::add);
        pythonScript().flatMap(script -> measure("uvloop", List.of(PythonPeers.python(), script.toString()), warmup,
                seconds)).ifPresent(results::add);
        return results;
    }

    /** The command of loopkit's HTTP example on {@code loops} loops of {@code provider}, on a free port. */
    static List<String> example(String provider, int loops) {
        return PinnedServer.concat(PinnedServer.javaCommand(), "-Dloopkit.provider=" + provider,
                "dev.loopkit.examples.HttpPlaintextServer", "0", String.valueOf(loops));
    }

    static Optional<String> missingTool() {
        return PinnedServer.missingPinning().or(() -> PinnedServer.missing("wrk", "-v", "wrk"));
    }

    private static Optional<Path> pythonScript() {
        try {
            return Optional.of(PythonPeers.script("python_http_peer.py"));
        } catch (IOException e) {
            System.out.println("(uvloop HTTP peer skipped: " + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * What wrk measured against a server after a warm-up, and the server's CPU time meanwhile.
     *
     * @param run wrk's figures
     * @param used the server's CPU time during the measured run
     */
    record Load(Wrk run, CpuTime used) {
    }

    /**
     * Starts {@code command} on {@code serverCpus} and loads it with wrk ({@code threads} threads)
     * on {@code clientCpus}: {@code warmup} seconds, then {@code seconds} measured.
     */
    static Load load(String serverCpus, List<String> command, String clientCpus, int threads, int warmup,
            int seconds) throws IOException, InterruptedException {
        try (PinnedServer server = PinnedServer.start(serverCpus, command)) {
            String url = server.awaitAddress(URL);
            Wrk.run(clientCpus, threads, url, warmup);
            CpuTime before = server.cpu();
            Wrk run = Wrk.run(clientCpus, threads, url, seconds);
            return new Load(run, server.cpu().minus(before));
        }
    }

    private static Optional<LoadResult> measure(String name, List<String> command, int warmup, int seconds) {
        return PinnedServer.orSkipped("HTTP peer " + name, () -> {
            Load load = load(PinnedServer.SERVER_CPU, command, PinnedServer.CLIENT_CPU, 1, warmup, seconds);
            LoadResult result = LoadResult.of(name, load.run().rate(), load.run().requests(), load.used());
            System.out.println("HTTP " + result.line("requests", "request"));
            return result;
        });
    }
}

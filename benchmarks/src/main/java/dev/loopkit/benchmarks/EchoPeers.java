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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP echo under load: {@link EchoClient} with {@value #CONNECTIONS} connections of
 * {@value EchoClient#MESSAGE}-byte messages on CPU 1 against each {@link EchoServer} (loopkit's
 * default and epoll loops, Netty NIO and epoll) and uvloop ({@code python_echo_peer.py}) on CPU 0,
 * one after the other. Reports round trips per second and the server's CPU time per round trip,
 * over the client's measured phase (after its warm-up).
 */
final class EchoPeers {

    /** As many connections as wrk's in the HTTP run. */
    static final int CONNECTIONS = 64;

    private static final Pattern PORT = Pattern.compile("TCP echo server on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern TRIPS = Pattern.compile("round trips: (\\d+) in ([0-9.]+) s");

    private EchoPeers() {
    }

    /**
     * Runs the client against every server for {@code seconds} after a warm-up of {@code warmup};
     * empty, with the reason printed, where the server and client cannot be pinned apart.
     */
    static List<LoadResult> run(int warmup, int seconds) {
        List<LoadResult> results = new ArrayList<>();
        Optional<String> missing = PinnedServer.missingPinning();
        if (missing.isPresent()) {
            System.out.println("(TCP echo peers skipped: " + missing.get() + ")");
            return results;
        }
        List<String> jvm = PinnedServer.javaCommand();
        String server = EchoServer.class.getName();
        measure(LoadResult.LOOPKIT, PinnedServer.concat(jvm, "-Dloopkit.provider=default", server, "loopkit"), warmup, seconds)
                .ifPresent(results::add);
        measure(LoadResult.LOOPKIT_EPOLL, PinnedServer.concat(jvm, "-Dloopkit.provider=epoll", server, "loopkit"), warmup,
                seconds).ifPresent(results::add);
        measure("Netty NIO", PinnedServer.concat(jvm, server, "netty-nio"), warmup, seconds).ifPresent(results::add);
        measure("Netty epoll", PinnedServer.concat(jvm, server, "netty-epoll"), warmup, seconds)
                .ifPresent(results::add);
        try {
            measure("uvloop", List.of(PythonPeers.python(), PythonPeers.script("python_echo_peer.py").toString()),
                    warmup, seconds).ifPresent(results::add);
        } catch (IOException e) {
            System.out.println("(uvloop echo peer skipped: " + e.getMessage() + ")");
        }
        return results;
    }

    private static Optional<LoadResult> measure(String name, List<String> command, int warmup, int seconds) {
        return PinnedServer.orSkipped("echo peer " + name, () -> echo(name, command, warmup, seconds));
    }

    private static LoadResult echo(String name, List<String> command, int warmup, int seconds)
            throws IOException, InterruptedException {
        try (PinnedServer server = PinnedServer.start(command)) {
            String port = server.awaitAddress(PORT);
            List<String> client = PinnedServer.concat(List.of("taskset", "-c", PinnedServer.CLIENT_CPU),
                    PinnedServer.javaCommand().toArray(String[]::new));
            client.addAll(List.of(EchoClient.class.getName(), port, String.valueOf(CONNECTIONS),
                    String.valueOf(warmup), String.valueOf(seconds)));
            Process load = new ProcessBuilder(client).redirectErrorStream(true).start();
            try {
                BufferedReader lines = new BufferedReader(new InputStreamReader(load.getInputStream(),
                        StandardCharsets.UTF_8));
                StringBuilder said = new StringBuilder();
                CpuTime before = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    said.append(line).append('\n');
                    if (line.equals("measuring")) {
                        before = server.cpu();
                    }
                    Matcher trips = TRIPS.matcher(line);
                    if (trips.find() && before != null) {
                        long count = Long.parseLong(trips.group(1));
                        LoadResult result = LoadResult.of(name, count / Double.parseDouble(trips.group(2)), count,
                                server.cpu().minus(before));
                        System.out.println("echo " + result.line("round trips", "round trip"));
                        return result;
                    }
                }
                throw new IllegalStateException("the echo client reported no round trips: " + said);
            } finally {
                load.destroy();
                load.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

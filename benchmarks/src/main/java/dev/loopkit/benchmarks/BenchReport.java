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

import dev.loopkit.api.EventLoop;
import io.netty.util.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./run bench [--quick]}: runs every JMH benchmark of this module (loopkit and its Java
 * peers in one JMH run, allocation per operation from JMH's {@code gc} profiler), the Python peers
 * (asyncio, uvloop), the heap per parked task, HTTP plaintext against the peer servers
 * ({@link HttpPeers}) and the memory per idle connection ({@link IdleConnections}), then prints
 * the ratios and writes {@code benchmarks/target/bench/report.md} and {@code chart.svg}.
 */
public final class BenchReport {

    private static final Path OUT = Path.of("benchmarks", "target", "bench");

    private BenchReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length > 1 || (args.length == 1 && !args[0].equals("--quick"))) {
            System.err.println("usage: ./run bench [--quick]  (got: " + String.join(" ", args) + ")");
            System.exit(2);
        }
        boolean quick = args.length == 1;
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms2g", "-Xmx2g", "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            // JMH and Netty call sun.misc.Unsafe; JDK 23+ would warn in every fork (older JDKs lack the flag).
            jvmArgs.add("--sun-misc-unsafe-memory-access=allow");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(LoopBenchmarks.class.getName())
                .include(AwaitBenchmarks.class.getName())
                .include(TaskBenchmarks.class.getName())
                // A fixed 2 GiB heap: 100,000 parked tasks per invocation otherwise spend their
                // iterations resizing the heap, and every benchmark gets the same collector setting.
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .forks(1);
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        } else {
            options.warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        Scores scores = new Scores(new Runner(options.build()).run());
        int runs = quick ? 3 : 5;
        Optional<PythonPeers.Result> asyncio = PythonPeers.run("asyncio", runs);
        Optional<PythonPeers.Result> uvloop = PythonPeers.run("uvloop", runs);
        double heap;
        try (EventLoop loop = LoopkitLoops.newLoop()) {
            heap = HeapPerParked.measure(TaskBenchmarks.TASKS, runs,
                    n -> ParkedTasks.spawn(loop, n)::resumeAndFinish);
        }
        double threadHeap = HeapPerParked.measure(TaskBenchmarks.TASKS, runs, ParkedVirtualThreads::spawn);
        List<LoadResult> http = HttpPeers.run(quick ? 1 : 3, quick ? 3 : 10);
        List<GroupScaling.Result> groups = GroupScaling.run(http, quick ? 1 : 3, quick ? 3 : 10);
        List<LoadResult> echo = EchoPeers.run(quick ? 1 : 3, quick ? 3 : 10);
        Optional<IdleConnections.Result> idle = IdleConnections.measure(quick ? 2_000 : 19_000);

        List<Comparison> rows = comparisons(scores, heap, threadHeap, asyncio, uvloop);
        rows.addAll(serverComparisons("HTTP plaintext, server CPU per request", http, 0.9));
        groups.forEach(group -> rows.addAll(group.rows()));
        rows.addAll(serverComparisons("TCP echo, server CPU per round trip", echo, 0));
        String table = table(rows, scores, asyncio, uvloop, http, groups, echo, quick)
                + idle.map(result -> "\n" + result.millionConnections()).orElse("");
        System.out.println();
        System.out.println(table);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("report.md"), table);
        Files.writeString(OUT.resolve("chart.svg"), RatioChart.svg("loopkit / peer, lower is better (JDK "
                + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + LocalDate.now() + ")", rows));
        System.out.println("written: " + OUT.resolve("report.md") + ", " + OUT.resolve("chart.svg"));
    }

    private static List<Comparison> comparisons(Scores scores, double heap, double threadHeap,
            Optional<PythonPeers.Result> asyncio, Optional<PythonPeers.Result> uvloop) {
        List<Comparison> rows = new ArrayList<>();
        String chain = "callSoon chain";
        double ours = scores.time("callSoonChain", "loopkit");
        rows.add(new Comparison(chain, "ns", ours, "Netty NIO", scores.time("callSoonChain", "netty-nio"), 1.0));
        rows.add(new Comparison(chain, "ns", ours, "Netty epoll", scores.time("callSoonChain", "netty-epoll"), 0));
        rows.add(new Comparison(chain, "ns", ours, "bare queue", scores.time("callSoonChain", "bare-queue"), 0));
        rows.add(new Comparison(chain, "ns", ours, "bare queue, a handle per call",
                scores.time("callSoonChain", "bare-queue-handles"), 0));
        String epollChain = "callSoon chain, epoll loop";
        rows.add(new Comparison(epollChain, "ns", scores.time("callSoonChain", "loopkit-epoll"), "Netty epoll",
                scores.time("callSoonChain", "netty-epoll"), 0));
        uvloop.ifPresent(p -> rows.add(new Comparison(chain, "ns", ours, "uvloop", p.chain(), 0)));
        asyncio.ifPresent(p -> rows.add(new Comparison(chain, "ns", ours, "asyncio", p.chain(), 0)));

        String threadsafe = "callSoonThreadsafe, 2 threads";
        double handed = scores.time("callSoonThreadsafe", "loopkit");
        rows.add(new Comparison(threadsafe, "ns", handed, "Netty NIO", scores.time("callSoonThreadsafe", "netty-nio"),
                0));
        rows.add(new Comparison(threadsafe, "ns", handed, "Netty epoll",
                scores.time("callSoonThreadsafe", "netty-epoll"), 0));
        rows.add(new Comparison(threadsafe, "ns", handed, "bare queue",
                scores.time("callSoonThreadsafe", "bare-queue"), 0));
        rows.add(new Comparison(threadsafe + ", epoll loop", "ns", scores.time("callSoonThreadsafe", "loopkit-epoll"),
                "Netty epoll", scores.time("callSoonThreadsafe", "netty-epoll"), 0));

        String timers = "1M timers, half cancelled";
        double timer = scores.time("timers", "loopkit");
        rows.add(new Comparison(timers, "ns", timer, "Netty NIO", scores.time("timers", "netty-nio"), 0));
        rows.add(new Comparison(timers, "ns", timer, "Netty epoll", scores.time("timers", "netty-epoll"), 0));

        String inline = "await round trip, inline";
        double trip = scores.time("inline", null);
        rows.add(new Comparison(inline, "ns", trip, "loop-queue virtual threads", scores.time("loopQueueFloor", null),
                2.0));
        uvloop.ifPresent(p -> rows.add(new Comparison(inline, "ns", trip, "uvloop", p.trip(), 0)));
        String handoff = "await round trip, handoff";
        double handedOff = scores.time("handoff", null);
        rows.add(new Comparison(handoff, "ns", handedOff, "goal 1 us", 1_000, 1.0));
        rows.add(new Comparison(handoff, "ns", handedOff, "JDK-scheduled virtual threads",
                scores.time("handoffFloor", null), 0));
        uvloop.ifPresent(p -> rows.add(new Comparison(handoff, "ns", handedOff, "uvloop", p.trip(), 0)));
        asyncio.ifPresent(p -> rows.add(new Comparison(handoff, "ns", handedOff, "asyncio", p.trip(), 0)));

        String resume = "resume+finish of 100k parked tasks";
        double resumed = scores.time("resumeAndFinish", null);
        uvloop.ifPresent(p -> rows.add(new Comparison(resume, "ns", resumed, "uvloop", p.resume(), 1.0)));
        asyncio.ifPresent(p -> rows.add(new Comparison(resume, "ns", resumed, "asyncio", p.resume(), 0)));
        String parked = "heap per parked task";
        rows.add(new Comparison(parked, "B", heap, "goal 1 KiB", 1_024, 1.0));
        rows.add(new Comparison(parked, "B", heap, "parked loop-queue virtual thread", threadHeap, 0));
        uvloop.ifPresent(p -> rows.add(new Comparison(parked, "B", heap, "uvloop", p.heap(), 0)));
        return rows;
    }

    /**
     * Each loopkit server's CPU per operation beside each peer server's (not beside the other
     * loopkit one), under {@code workload}, with the goal against Netty epoll where
     * {@code goal} is not 0; none for a loopkit server whose run failed.
     */
    private static List<Comparison> serverComparisons(String workload, List<LoadResult> results, double goal) {
        List<Comparison> rows = new ArrayList<>();
        for (String loop : List.of(LoadResult.LOOPKIT, LoadResult.LOOPKIT_EPOLL)) {
            String label = workload + (loop.equals(LoadResult.LOOPKIT) ? "" : ", epoll loop");
            results.stream().filter(r -> r.server().equals(loop)).findFirst().ifPresent(ours -> {
                for (LoadResult peer : results) {
                    if (!peer.server().startsWith(LoadResult.LOOPKIT)) {
                        rows.add(new Comparison(label, "ns", ours.cpuNanosPerOperation(), peer.server(),
                                peer.cpuNanosPerOperation(), peer.server().equals("Netty epoll") ? goal : 0));
                    }
                }
                // The kernel's time (TCP stack, system calls) is much the same for every server: the
                // user-space part is what a loop's own code costs.
                results.stream().filter(peer -> peer.server().equals("Netty epoll")).findFirst().ifPresent(peer ->
                        rows.add(new Comparison(label + ", user space only", "ns", ours.userNanosPerOperation(),
                                peer.server(), peer.userNanosPerOperation(), 0)));
            });
        }
        return rows;
    }

    private static String table(List<Comparison> rows, Scores scores, Optional<PythonPeers.Result> asyncio,
            Optional<PythonPeers.Result> uvloop, List<LoadResult> http, List<GroupScaling.Result> groups,
            List<LoadResult> echo, boolean quick) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "loopkit benchmarks%s: JDK %s, %d cores, Netty %s; %s; %s%n%n",
                quick ? " (quick mode: short iterations, wide errors)" : "", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Version.identify().values().stream()
                        .findFirst().map(Version::artifactVersion).orElse("?"),
                asyncio.map(PythonPeers.Result::version).orElse("asyncio: not run"),
                uvloop.map(PythonPeers.Result::version).orElse("uvloop: not run")));
        out.append("| workload | loopkit | peer | peer's | loopkit/peer | goal |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Comparison row : rows) {
            out.append(row.markdown()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nJMH scores (ns/op, 99.9%% error; B/op allocated, gc profiler):%n%n"));
        out.append(scores.details());
        out.append(String.format(Locale.ROOT, "%nHTTP plaintext, wrk -t1 -c64 on CPU 1, one server loop on CPU 0:%n%n"));
        for (LoadResult result : http) {
            out.append("    ").append(result.line("requests", "request")).append('\n');
        }
        if (!groups.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nHTTP plaintext on a loop group of every core, wrk -t%d -c64 on"
                    + " the same cores:%n%n", groups.get(0).loops()));
            groups.forEach(group -> out.append(group.line()));
        }
        out.append(String.format(Locale.ROOT, "%nTCP echo, %d connections of %d-byte messages on CPU 1, one server loop on"
                + " CPU 0:%n%n", EchoPeers.CONNECTIONS, EchoClient.MESSAGE));
        for (LoadResult result : echo) {
            out.append("    ").append(result.line("round trips", "round trip")).append('\n');
        }
        return out.toString();
    }

    /** JMH's results by benchmark method and peer. */
    private static final class Scores {
        private final Map<String, RunResult> byKey = new HashMap<>();
        private final List<String> order = new ArrayList<>();

        Scores(Collection<RunResult> results) {
            for (RunResult result : results) {
                String method = result.getParams().getBenchmark();
                method = method.substring(method.lastIndexOf('.') + 1);
                String key = key(method, result.getParams().getParam("peer"));
                byKey.put(key, result);
                order.add(key);
            }
        }

        private static String key(String method, String peer) {
            return peer == null ? method : method + " [" + peer + "]";
        }

        double time(String method, String peer) {
            RunResult result = byKey.get(key(method, peer));
            if (result == null) {
                throw new IllegalStateException("JMH reported no result for " + key(method, peer));
            }
            return result.getPrimaryResult().getScore();
        }

        String details() {
            StringBuilder out = new StringBuilder();
            for (String key : order) {
                RunResult result = byKey.get(key);
                Result<?> primary = result.getPrimaryResult();
                Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
                out.append(String.format(Locale.ROOT, "    %-44s %10.1f ± %8.1f ns/op %10.1f B/op%n", key,
                        primary.getScore(), primary.getScoreError(),
                        allocated == null ? Double.NaN : allocated.getScore()));
            }
            return out.toString();
        }
    }
}

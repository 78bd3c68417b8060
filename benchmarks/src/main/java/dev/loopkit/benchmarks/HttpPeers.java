package dev.loopkit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP plaintext with {@code wrk -t1 -c64}: loopkit's example server, the same server on Netty
 * (NIO and epoll, {@link NettyHttpServer}) and on uvloop ({@code python_http_peer.py}), one after
 * the other, each pinned to CPU 0 with wrk pinned to CPU 1 ({@code taskset}). Reports requests/s
 * and the server's CPU time per request (user + system, from {@link ProcessHandle}), after a
 * warm-up run.
 */
final class HttpPeers {

    private static final Pattern URL = Pattern.compile("HTTP plaintext server on (http://\\S+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    /** The name of loopkit's default loop's server in the results. */
    static final String LOOPKIT = "loopkit";
    /** The name of loopkit's epoll loop's server in the results. */
    static final String LOOPKIT_EPOLL = "loopkit epoll";

    private HttpPeers() {
    }

    /** What wrk measured against one server. */
    record Result(String server, double requestsPerSecond, double cpuNanosPerRequest) {
    }

    /**
     * Runs wrk against every server for {@code seconds} after a warm-up of {@code warmup}; empty,
     * with the reason printed, where wrk, taskset or a second CPU is missing.
     */
    static List<Result> run(int warmup, int seconds) {
        List<Result> results = new ArrayList<>();
        Optional<String> missing = missingTool();
        if (missing.isPresent()) {
            System.out.println("(HTTP peers skipped: " + missing.get() + ")");
            return results;
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<String> jvm = List.of(java, "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-exports",
                "java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-cp", classPath);
        // The same example server on each of loopkit's loops: only the provider differs.
        measure(LOOPKIT, concat(jvm, "-Dloopkit.provider=default", "dev.loopkit.examples.HttpPlaintextServer", "0"),
                warmup, seconds).ifPresent(results::add);
        measure(LOOPKIT_EPOLL, concat(jvm, "-Dloopkit.provider=epoll", "dev.loopkit.examples.HttpPlaintextServer",
                "0"), warmup, seconds).ifPresent(results::add);
        measure("Netty NIO", concat(jvm, NettyHttpServer.class.getName(), "nio"), warmup, seconds)
                .ifPresent(results::add);
        measure("Netty epoll", concat(jvm, NettyHttpServer.class.getName(), "epoll"), warmup, seconds)
                .ifPresent(results::add);
        pythonScript().flatMap(script -> measure("uvloop", List.of(PythonPeers.python(), script.toString()), warmup,
                seconds)).ifPresent(results::add);
        return results;
    }

    private static Optional<String> missingTool() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Optional.of("the server and wrk need a CPU each, and this machine has one");
        }
        for (String tool : List.of("wrk", "taskset")) {
            try {
                Process probe = new ProcessBuilder(tool, tool.equals("wrk") ? "-v" : "-V")
                        .redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                probe.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                return Optional.of(tool + " is not installed (apt-get install "
                        + (tool.equals("wrk") ? "wrk" : "util-linux") + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> pythonScript() {
        try {
            return Optional.of(PythonPeers.script("python_http_peer.py"));
        } catch (IOException e) {
            System.out.println("(uvloop HTTP peer skipped: " + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static Optional<Result> measure(String name, List<String> command, int warmup, int seconds) {
        Process server = null;
        try {
            server = new ProcessBuilder(concat(List.of("taskset", "-c", "0"), command.toArray(String[]::new)))
                    .redirectErrorStream(true).start();
            String url = awaitUrl(server);
            wrk(url, warmup);
            Duration before = cpu(server);
            String out = wrk(url, seconds);
            Duration used = cpu(server).minus(before);
            if (out.contains("Non-2xx") || out.contains("Socket errors")) {
                throw new IllegalStateException("the server answered wrongly or dropped connections: " + out);
            }
            long requests = Long.parseLong(find(REQUESTS, out, name));
            double rate = Double.parseDouble(find(RATE, out, name));
            System.out.printf("HTTP %-12s %10.0f requests/s, %6.2f us server CPU per request%n", name, rate,
                    used.toNanos() / (double) requests / 1_000);
            return Optional.of(new Result(name, rate, used.toNanos() / (double) requests));
        } catch (IOException | IllegalStateException e) {
            System.out.println("(HTTP peer " + name + " skipped: " + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (server != null) {
                server.destroy();
                try {
                    if (!server.waitFor(10, TimeUnit.SECONDS)) {
                        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The URL the server prints once it listens; fails if it exits or says nothing for 60 s. */
    private static String awaitUrl(Process server) throws InterruptedException {
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher matcher = URL.matcher(line);
                    if (matcher.find()) {
                        // Keep draining what the server prints, so it never blocks on a full pipe.
                        Thread.ofVirtual().start(() -> drain(lines));
                        return matcher.group(1);
                    }
                    said.append(line).append('\n');
                }
            } catch (IOException e) {
                said.append(e.getMessage());
            }
            throw new IllegalStateException("the server exited without listening: " + said);
        });
        try {
            return url.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the server printed no address within 60 s", e);
        }
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // Discarded: only the address line matters.
            }
        } catch (IOException e) {
            // The server is gone; nothing more to drain.
        }
    }

    private static String wrk(String url, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("taskset", "-c", "1", "wrk", "-t1", "-c64", "-d" + seconds + "s", url)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static Duration cpu(Process server) {
        return server.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not report the server's CPU time"));
    }

    private static String find(Pattern pattern, String out, String name) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no " + pattern.pattern() + " for " + name + ": " + out);
        }
        return matcher.group(1);
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}

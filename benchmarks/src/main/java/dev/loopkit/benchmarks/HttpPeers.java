package dev.loopkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        measure(LoadResult.LOOPKIT, PinnedServer.concat(jvm, "-Dloopkit.provider=default", "dev.loopkit.examples.HttpPlaintextServer", "0"),
                warmup, seconds).ifPresent(results::add);
        measure(LoadResult.LOOPKIT_EPOLL, PinnedServer.concat(jvm, "-Dloopkit.provider=epoll", "dev.loopkit.examples.HttpPlaintextServer",
                "0"), warmup, seconds).ifPresent(results::add);
        measure("Netty NIO", PinnedServer.concat(jvm, NettyHttpServer.class.getName(), "nio"), warmup, seconds)
                .ifPresent(results::add);
        measure("Netty epoll", PinnedServer.concat(jvm, NettyHttpServer.class.getName(), "epoll"), warmup, seconds)
                .ifPresent(results::add);
        pythonScript().flatMap(script -> measure("uvloop", List.of(PythonPeers.python(), script.toString()), warmup,
                seconds)).ifPresent(results::add);
        return results;
    }

    private static Optional<String> missingTool() {
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

    private static Optional<LoadResult> measure(String name, List<String> command, int warmup, int seconds) {
        try (PinnedServer server = PinnedServer.start(command)) {
            String url = server.awaitAddress(URL);
            wrk(url, warmup);
            Duration before = server.cpu();
            String out = wrk(url, seconds);
            Duration used = server.cpu().minus(before);
            if (out.contains("Non-2xx") || out.contains("Socket errors")) {
                throw new IllegalStateException("the server answered wrongly or dropped connections: " + out);
            }
            long requests = Long.parseLong(find(REQUESTS, out, name));
            double rate = Double.parseDouble(find(RATE, out, name));
            System.out.printf("HTTP %-12s %10.0f requests/s, %6.2f us server CPU per request%n", name, rate,
                    used.toNanos() / (double) requests / 1_000);
            return Optional.of(new LoadResult(name, rate, used.toNanos() / (double) requests));
        } catch (IOException | IllegalStateException e) {
            System.out.println("(HTTP peer " + name + " skipped: " + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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

    private static String find(Pattern pattern, String out, String name) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no " + pattern.pattern() + " for " + name + ": " + out);
        }
        return matcher.group(1);
    }
}

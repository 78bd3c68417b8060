package dev.loopkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The same two workloads on CPython's asyncio, run as a child process in the same benchmark run
 * when {@code python3} is on the PATH: the model loopkit follows, measured beside it.
 */
final class PythonAsyncioPeer {

    private static final String SCRIPT = """
            import asyncio, sys, time, statistics
            N_CALLBACKS, N_TRIPS, RUNS = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

            def chain(loop, n):
                left = [n]
                def step():
                    left[0] -= 1
                    if left[0] > 0:
                        loop.call_soon(step)
                    else:
                        loop.stop()
                loop.call_soon(step)
                t0 = time.perf_counter_ns(); loop.run_forever(); return time.perf_counter_ns() - t0

            async def ping_pong(n):
                loop = asyncio.get_running_loop()
                box = {}
                async def b():
                    for _ in range(n):
                        box['b'] = loop.create_future()
                        await box['b']
                        box['a'].set_result(None)
                async def a():
                    for _ in range(n):
                        box['a'] = loop.create_future()
                        box['b'].set_result(None)
                        await box['a']
                tb = loop.create_task(b()); await asyncio.sleep(0)
                t0 = time.perf_counter_ns(); await a(); await tb
                return time.perf_counter_ns() - t0

            loop = asyncio.new_event_loop()
            chain(loop, N_CALLBACKS)
            cb = statistics.median(N_CALLBACKS / (chain(loop, N_CALLBACKS) / 1e9) for _ in range(RUNS))
            loop.run_until_complete(ping_pong(N_TRIPS))
            rt = statistics.median(N_TRIPS / (loop.run_until_complete(ping_pong(N_TRIPS)) / 1e9) for _ in range(RUNS))
            loop.close()
            print(f"{sys.version.split()[0]} {cb} {rt}")
            """;

    private PythonAsyncioPeer() {
    }

    record Result(String version, double callbacksPerSecond, double roundTripsPerSecond) {
    }

    static Optional<Result> run(long callbacks, long roundTrips, int runs) {
        try {
            Process process = new ProcessBuilder("python3", "-c", SCRIPT, Long.toString(callbacks / 4),
                    Long.toString(roundTrips / 4), Integer.toString(runs))
                    .redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String[] fields = out.substring(out.lastIndexOf('\n') + 1).split(" ");
            if (process.exitValue() != 0 || fields.length != 3) {
                System.out.println("(asyncio peer failed: " + out + ")");
                return Optional.empty();
            }
            return Optional.of(new Result(fields[0], Double.parseDouble(fields[1]), Double.parseDouble(fields[2])));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

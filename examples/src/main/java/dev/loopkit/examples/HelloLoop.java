package dev.loopkit.examples;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.spi.EventLoopProvider;
import java.time.Duration;
import java.util.ServiceLoader;

/**
 * The README's first example: finds a loop through {@link ServiceLoader} (never naming a vendor),
 * then runs two tasks concurrently, a timer, and blocking work on the default executor.
 */
public final class HelloLoop {

    private HelloLoop() {
    }

    /** Completes after {@code delay}, like asyncio.sleep. */
    static Future<Void> sleep(EventLoop loop, Duration delay) {
        Future<Void> done = loop.createFuture();
        loop.callLater(delay, () -> done.setResult(null));
        return done;
    }

    public static void main(String[] args) {
        EventLoopProvider provider = ServiceLoader.load(EventLoopProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no EventLoopProvider on the class path"));
        System.out.println("provider: " + provider.name() + " (" + provider.getClass().getName() + ")");
        System.out.println("coroutines: " + Coroutines.mechanism());

        try (EventLoop loop = provider.newEventLoop()) {
            long start = loop.time();
            String summary = loop.runUntilComplete(Coroutines.of(() -> {
                Task<String> slow = loop.createTask(Coroutines.of(() -> {
                    Async.await(sleep(loop, Duration.ofMillis(200)));
                    return "slow done";
                }), "slow", null);
                Task<String> fast = loop.createTask(Coroutines.of(() -> {
                    Async.await(sleep(loop, Duration.ofMillis(100)));
                    return "fast done";
                }), "fast", null);
                System.out.println("running tasks: " + Tasks.allTasks(loop).size());
                Future<Long> sum = loop.runInExecutor(null, () -> {
                    long total = 0;
                    for (int i = 1; i <= 1_000_000; i++) {
                        total += i;
                    }
                    return total;
                });
                return Async.await(fast) + ", " + Async.await(slow) + ", sum=" + Async.await(sum);
            }));
            long elapsedMs = (loop.time() - start) / 1_000_000;
            System.out.println(summary + " after ~" + (elapsedMs / 100 * 100) + " ms (the two sleeps overlapped)");
        }
    }
}

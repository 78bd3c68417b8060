package dev.loopkit.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting, from the benchmark thread, for a workload a loop finishes. */
final class Completion {

    /** A workload that has not finished in this long has hung: the run fails instead of waiting forever. */
    private static final long LIMIT_SECONDS = 120;

    private Completion() {
    }

    /** Waits for {@code done}, failing with what it waited for if the loop does not finish it. */
    static void await(CompletableFuture<?> done, String what) {
        try {
            done.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + LIMIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** Waits for {@code thread} to end, failing with its name if it does not. */
    static void join(Thread thread) {
        try {
            if (!thread.join(Duration.ofSeconds(LIMIT_SECONDS))) {
                throw new IllegalStateException(thread + " did not end within " + LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + thread, e);
        }
    }
}

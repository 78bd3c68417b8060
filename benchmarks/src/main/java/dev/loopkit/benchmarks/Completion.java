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

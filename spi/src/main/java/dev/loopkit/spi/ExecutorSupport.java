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
package dev.loopkit.spi;

import dev.loopkit.api.Future;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BaseEventLoop}'s executors (asyncio's {@code run_in_executor},
 * {@code set_default_executor}, {@code shutdown_default_executor}): the default executor is made
 * on first use, and results come back to the loop thread through {@code callSoonThreadsafe}.
 *
 * <p>Loop thread only, but for the completions executor threads hand back.
 */
final class ExecutorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(BaseEventLoop.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BaseEventLoop loop;
    private ExecutorService defaultExecutor;
    private boolean shutdownCalled;

    ExecutorSupport(BaseEventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code call} on {@code executor} (or the default one, for null); the loop checked itself. */
    <T> Future<T> run(Executor executor, Callable<T> call) {
        Executor target = executor;
        if (target == null) {
            if (shutdownCalled) {
                throw new IllegalStateException("Executor shutdown has been called: runInExecutor(null, ...) needs the"
                        + " default executor; pass an executor or call setDefaultExecutor(...) first");
            }
            target = defaultExecutor();
        }
        BuiltinFuture<T> future = loop.newFuture();
        FutureTask<T> work = new FutureTask<>(call) {
            @Override
            protected void done() {
                completeFromExecutor(future, this);
            }
        };
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                work.cancel(false);
            }
        });
        try {
            target.execute(work);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("Executor " + target + " rejected the call " + call, e);
        }
        return future;
    }

    void setDefault(ExecutorService executor) {
        this.defaultExecutor = Objects.requireNonNull(executor, "executor");
        this.shutdownCalled = false;
    }

    Future<Void> shutdownDefault() {
        shutdownCalled = true;
        BuiltinFuture<Void> finished = loop.newFuture();
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            finished.setResult(null);
            return finished;
        }
        Thread.ofVirtual().name("loopkit-executor-shutdown").start(() -> {
            executor.close(); // shuts it down and waits for the calls already submitted to finish
            completeThreadsafe(() -> {
                if (!finished.done()) {
                    finished.setResult(null);
                }
            });
        });
        return finished;
    }

    /** What close() of the loop does: no new work, and the threads end once idle. */
    void closeWithLoop() {
        shutdownCalled = true;
        ExecutorService executor = defaultExecutor;
        defaultExecutor = null;
        if (executor != null) {
            executor.shutdown();
        }
    }

    private ExecutorService defaultExecutor() {
        ExecutorService executor = defaultExecutor;
        if (executor == null) {
            int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), work -> Thread.ofPlatform().daemon()
                            .name("loopkit-executor-" + THREADS.incrementAndGet()).unstarted(work));
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = pool;
            executor = pool;
        }
        return executor;
    }

    private <T> void completeFromExecutor(BuiltinFuture<T> future, FutureTask<T> work) {
        completeThreadsafe(() -> {
            if (future.done()) {
                return;
            }
            switch (work.state()) {
                case SUCCESS -> future.setResult(work.resultNow());
                case FAILED -> future.setException(work.exceptionNow());
                default -> future.cancel(); // done() is only called once the work has ended
            }
        });
    }

    /** Runs {@code completion} on the loop thread, unless the loop has been closed meanwhile. */
    private void completeThreadsafe(Runnable completion) {
        try {
            loop.callSoonThreadsafe(completion);
        } catch (IllegalStateException closedMeanwhile) {
            LOG.debug("Loop {} closed before an executor result arrived; dropped", loop);
        }
    }
}

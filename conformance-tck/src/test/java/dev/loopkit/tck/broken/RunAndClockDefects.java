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
package dev.loopkit.tck.broken;

import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.api.Tasks;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.spi.TaskRegistry;
import dev.loopkit.testsupport.ForwardingLoop;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Loops whose one defect is in how they run (the caller's thread, its interrupt status), in the
 * order or deadline arithmetic of their queues, or in how they describe themselves.
 */
final class RunAndClockDefects {

    private RunAndClockDefects() {
    }

    /**
     * Takes its pending tasks out of the registry at close(), so that allTasks is empty, but
     * neither reports them nor closes their coroutines: their threads stay parked for ever.
     */
    static final class PendingTasksDroppedAtClose extends ForwardingLoop {
        @Override
        public void close() {
            if (!isRunning()) {
                Tasks.allTasks(this).forEach(TaskRegistry::unregisterTask);
            }
            delegate().close();
        }
    }

    /** callLater adds the delay to time() as it is: a delay meaning "never" wraps into the past. */
    static final class TimersOverflow extends ForwardingLoop {
        @Override
        public TimerHandle callLater(Duration delay, Runnable callback, Context context) {
            long nanos;
            try {
                nanos = delay.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            return callAt(time() + nanos, callback, context);
        }
    }

    /** Refuses to run on a virtual thread, as a back end that would pin its carrier might. */
    static final class RefusesVirtualThreads extends ForwardingLoop {
        @Override
        public void runForever() {
            refuseVirtualThreads();
            delegate().runForever();
        }

        @Override
        public <T> T runUntilComplete(Future<T> future) {
            refuseVirtualThreads();
            return delegate().runUntilComplete(future);
        }

        @Override
        public <T> T runUntilComplete(Coroutine<T> coroutine) {
            refuseVirtualThreads();
            return delegate().runUntilComplete(coroutine);
        }

        private static void refuseVirtualThreads() {
            if (Thread.currentThread().isVirtual()) {
                throw new IllegalStateException("this loop needs a platform thread");
            }
        }
    }

    /** Stops on an interrupt, then clears it "to leave the thread clean". */
    static final class ClearsInterrupt extends ForwardingLoop {
        @Override
        public void runForever() {
            try {
                delegate().runForever();
            } finally {
                Thread.interrupted();
            }
        }
    }

    /** toString() names the class only, not the loop's state. */
    static final class OpaqueToString extends ForwardingLoop {
        @Override
        public String toString() {
            return "OpaqueToString";
        }
    }

    /** Keeps what callSoonThreadsafe queues apart until the next iteration, behind callSoon's callbacks. */
    static final class ThreadsafeQueueOvertaken extends ForwardingLoop {
        private final Queue<Runnable> submitted = new ConcurrentLinkedQueue<>();

        @Override
        public Handle callSoonThreadsafe(Runnable callback, Context context) {
            Context runIn = context != null ? context : Context.copyCurrent();
            submitted.add(() -> runIn.run(callback));
            return delegate().callSoonThreadsafe(() -> {
                Runnable next = submitted.poll();
                if (next != null) {
                    delegate().callSoon(next, null);
                }
            }, null);
        }

        @Override
        public void close() {
            delegate().close();
            submitted.clear();
        }
    }
}

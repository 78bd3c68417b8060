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
import dev.loopkit.api.Handle;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.spi.BuiltinTask;
import dev.loopkit.spi.TaskRegistry;
import dev.loopkit.testsupport.ForwardingLoop;
import dev.loopkit.testsupport.RecordingLoop;

/** Loops whose one defect is in the contexts they run tasks and callbacks in, or in eager tasks. */
final class ContextDefects {

    private ContextDefects() {
    }

    /** A task gets an empty context instead of a copy of its creator's. */
    static final class TasksStartInEmptyContext extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
            return super.createTask(coroutine, name, context != null ? context : new Context());
        }
    }

    /** callSoon runs a callback in an empty context instead of a copy of the caller's. */
    static final class CallbacksIgnoreContext extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return delegate().callSoon(callback, context != null ? context : new Context());
        }
    }

    /** callSoon runs a callback in a copy of the context it was given, so what it sets is lost. */
    static final class ExplicitContextCopied extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return delegate().callSoon(callback, context != null ? context.copy() : null);
        }
    }

    /** The eager task factory is taken for no factory: every task starts on the next iteration. */
    static final class EagerFactoryIgnored extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
            if (getTaskFactory() == Tasks.eagerTaskFactory()) {
                checkClosed();
                return new BuiltinTask<>(coroutine, this, name, context);
            }
            return super.createTask(coroutine, name, context);
        }
    }

    /** An eager task that suspends in its first step leaves the registry, as if it were done. */
    static final class EagerSuspendedTasksUnlisted extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
            Task<T> task = super.createTask(coroutine, name, context);
            if (getTaskFactory() == Tasks.eagerTaskFactory() && isRunning() && !task.done()) {
                TaskRegistry.unregisterTask(task);
            }
            return task;
        }
    }
}

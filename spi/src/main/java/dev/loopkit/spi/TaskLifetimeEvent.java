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

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.EventType;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR: a built-in task from its creation to its end, with its name and how it ended. Off by
 * default (a busy loop makes many tasks): turn it on with
 * {@code -XX:StartFlightRecording:dev.loopkit.TaskLifetime#enabled=true}. A task created while it
 * was off is not recorded.
 */
@Name("dev.loopkit.TaskLifetime")
@Label("Task Lifetime")
@Category({"loopkit", "Event Loop"})
@Description("A task from its creation to the end of its coroutine")
@Enabled(false)
@StackTrace(false)
final class TaskLifetimeEvent extends jdk.jfr.Event {

    private static final EventType TYPE = EventType.getEventType(TaskLifetimeEvent.class);

    @Label("Task")
    @Description("The task's name")
    String task;

    @Label("Outcome")
    @Description("result, cancelled, or the exception's class")
    String outcome;

    /** {@return an event begun now, or null when no recording wants this event (costing nothing more)} */
    static TaskLifetimeEvent beginIfEnabled() {
        if (!TYPE.isEnabled()) {
            return null;
        }
        TaskLifetimeEvent event = new TaskLifetimeEvent();
        event.begin();
        return event;
    }

    /** Ends the event for {@code task}, which is done, and commits it. */
    void finish(BuiltinTask<?> task) {
        end();
        if (shouldCommit()) {
            this.task = task.getName();
            this.outcome = task.outcome();
            commit();
        }
    }
}

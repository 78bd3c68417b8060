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

import dev.loopkit.api.Context;
import dev.loopkit.api.TimerHandle;

/** A callback in a {@link BaseEventLoop}'s {@link TimerQueue}, due at {@link #when()}. */
final class ScheduledHandle extends CallbackHandle implements TimerHandle, Comparable<ScheduledHandle> {

    private final long when;
    private final long sequence;
    /** True while the handle sits in the timer queue's heap. Loop thread only. */
    boolean queued;

    ScheduledHandle(BaseEventLoop loop, Runnable callback, Context context, long when, long sequence) {
        super(loop, callback, context);
        this.when = when;
        this.sequence = sequence;
    }

    @Override
    public long when() {
        return when;
    }

    @Override
    void onCancelled() {
        if (queued) {
            loop.timers().cancelledInQueue();
        }
    }

    /** Orders by due time, then by scheduling order, so equal times run FIFO. */
    @Override
    public int compareTo(ScheduledHandle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "ScheduledHandle[when=" + when + ", " + describeCallback() + "]";
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The timers of a {@link BaseEventLoop}: a binary heap ordered by due time then scheduling order.
 * Cancelled timers stay in the heap (cancel is O(1)) and are dropped when they reach the head, or
 * all at once when they make up more than half of a heap of over 100 timers (asyncio's rule), so
 * the purge is amortised O(1) per cancel. Loop thread only.
 */
final class TimerQueue {

    static final int MIN_PURGE_SIZE = 100;

    private PriorityQueue<ScheduledHandle> heap = new PriorityQueue<>();
    private int cancelled;
    private long nextSequence;

    ScheduledHandle schedule(BaseEventLoop loop, long when, Runnable callback, Context context) {
        ScheduledHandle handle = new ScheduledHandle(loop, callback, context, when, nextSequence++);
        handle.queued = true;
        heap.add(handle);
        return handle;
    }

    void cancelledInQueue() {
        cancelled++;
    }

    /** Returns the earliest live timer, dropping cancelled ones from the head; or null. */
    ScheduledHandle peek() {
        if (heap.size() > MIN_PURGE_SIZE && cancelled * 2 > heap.size()) {
            purge();
        }
        ScheduledHandle head;
        while ((head = heap.peek()) != null && head.cancelled()) {
            heap.poll();
            head.queued = false;
            cancelled--;
        }
        return head;
    }

    /** Removes and returns the earliest live timer due at or before {@code now}; or null. */
    ScheduledHandle pollDue(long now) {
        ScheduledHandle head = peek();
        if (head == null || head.when() > now) {
            return null;
        }
        heap.poll();
        head.queued = false;
        return head;
    }

    int size() {
        return heap.size();
    }

    /** {@return how many timers are queued and not cancelled} */
    int live() {
        return heap.size() - cancelled;
    }

    /** Drops every timer (the loop is closing: nothing will cancel or poll them again). */
    void clear() {
        heap.clear();
        cancelled = 0;
    }

    private void purge() {
        List<ScheduledHandle> live = new ArrayList<>();
        for (ScheduledHandle handle : heap) {
            if (handle.cancelled()) {
                handle.queued = false;
            } else {
                live.add(handle);
            }
        }
        heap = new PriorityQueue<>(live);
        cancelled = 0;
    }
}

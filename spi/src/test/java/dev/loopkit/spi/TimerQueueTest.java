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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private final ParkingEventLoop loop = new ParkingEventLoop();
    private final TimerQueue timers = loop.timers();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void cancelIsConstantTimeUntilCancelledTimersAreTheMajority() {
        List<ScheduledHandle> handles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            handles.add(timers.schedule(loop, 1_000 + i, () -> { }, null));
        }
        for (int i = 1; i <= 150; i++) {
            handles.get(i).cancel();
        }
        timers.peek();
        assertEquals(300, timers.size(), "half cancelled: no purge yet, cancel stays O(1)");
        handles.get(151).cancel();
        timers.peek();
        assertEquals(149, timers.size(), "more than half cancelled: one purge drops them all");
    }

    @Test
    void smallQueuesAreNeverPurgedButCancelledHeadsAreDropped() {
        ScheduledHandle first = timers.schedule(loop, 10, () -> { }, null);
        ScheduledHandle second = timers.schedule(loop, 20, () -> { }, null);
        ScheduledHandle third = timers.schedule(loop, 30, () -> { }, null);
        second.cancel();
        third.cancel();
        assertSame(first, timers.peek());
        assertEquals(3, timers.size());
        first.cancel();
        assertNull(timers.peek());
        assertEquals(0, timers.size());
    }

    @Test
    void pollDueReturnsOnlyDueTimersInOrder() {
        ScheduledHandle late = timers.schedule(loop, 50, () -> { }, null);
        ScheduledHandle early = timers.schedule(loop, 10, () -> { }, null);
        ScheduledHandle sameTimeLater = timers.schedule(loop, 10, () -> { }, null);
        assertSame(early, timers.pollDue(49));
        assertSame(sameTimeLater, timers.pollDue(49));
        assertNull(timers.pollDue(49));
        assertSame(late, timers.pollDue(50));
    }
}

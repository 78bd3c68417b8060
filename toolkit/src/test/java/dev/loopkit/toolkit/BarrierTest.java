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
package dev.loopkit.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Task;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Barrier against asyncio 3.11's: rounds, arrival indices, reset and abort. */
class BarrierTest {

    @Test
    void everyoneGoesOnOnceAllPartiesAreHereRoundAfterRound() {
        List<Object> outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Barrier barrier = new Barrier(3);
            List<Object> seen = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                List<Task<Integer>> parties = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    parties.add(loop.createTask(Coroutines.of(barrier::await)));
                }
                Asyncio.sleep(Duration.ZERO);
                seen.add("waiting: " + barrier.nWaiting());
                parties.add(loop.createTask(Coroutines.of(barrier::await)));
                List<Object> indices = Async.await(Asyncio.gather(List.copyOf(parties), false));
                seen.add(new TreeSet<>(indices.stream().map(Integer.class::cast).toList()));
            }
            return seen;
        });
        assertEquals(List.of("waiting: 2", new TreeSet<>(List.of(0, 1, 2)), "waiting: 2",
                new TreeSet<>(List.of(0, 1, 2))), outcome);
    }

    @Test
    void resetAndAbortBreakTheWaitersAndAbortStays() {
        List<String> outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Barrier barrier = new Barrier(2);
            Task<Integer> waiting = loop.createTask(Coroutines.of(barrier::await));
            Asyncio.sleep(Duration.ZERO);
            barrier.reset();
            seen.add(assertThrows(BrokenBarrierException.class, () -> Async.await(waiting)).getMessage());
            Task<Integer> again = loop.createTask(Coroutines.of(barrier::await));
            Asyncio.sleep(Duration.ZERO);
            seen.add("filling again: " + barrier.nWaiting());
            barrier.abort();
            seen.add(assertThrows(BrokenBarrierException.class, () -> Async.await(again)).getMessage());
            seen.add(assertThrows(BrokenBarrierException.class, barrier::await).getMessage());
            seen.add("broken: " + barrier.broken());
            return seen;
        });
        assertEquals(List.of("Abort or reset of barrier", "filling again: 1", "Abort or reset of barrier",
                "Barrier aborted", "broken: true"), outcome);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage().contains("> 0"));
    }
}

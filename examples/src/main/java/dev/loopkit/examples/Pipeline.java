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
package dev.loopkit.examples;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.policy.Loops;
import dev.loopkit.toolkit.Asyncio;
import dev.loopkit.toolkit.Futures;
import dev.loopkit.toolkit.Queue;
import dev.loopkit.toolkit.QueueShutDownException;
import dev.loopkit.toolkit.TaskGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The README's toolkit example, as it runs: a producer and a consumer over a bounded {@link Queue}
 * inside a {@link TaskGroup} under a {@code timeout}, then a {@link CompletableFuture} round trip
 * from a plain thread to a running loop. The lines between the README markers are copied into the
 * README verbatim, and a test keeps the two the same.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** Five items through a queue of two, produced and consumed by two tasks of one group. */
    static List<String> producerConsumer() {
        // README:pipeline
        return Loops.run(() -> {
            Queue<Integer> queue = new Queue<>(2);
            List<String> consumed = new ArrayList<>();
            Asyncio.timeout(Duration.ofSeconds(30), scope -> TaskGroup.run(group -> {
                group.createTask(Coroutines.of(() -> {       // producer: waits while the queue is full
                    for (int item = 1; item <= 5; item++) {
                        queue.put(item);
                    }
                    queue.shutdown(false);                     // no more items: the consumer stops once empty
                    return null;
                }));
                group.createTask(Coroutines.of(() -> {       // consumer
                    try {
                        while (true) {
                            consumed.add("item " + queue.get());
                        }
                    } catch (QueueShutDownException drained) {
                        return null;
                    }
                }));
                return null;
            }));
            return consumed;                                   // [item 1, item 2, item 3, item 4, item 5]
        });
        // README:end
    }

    /** A plain thread hands a coroutine to a running loop and waits for its answer. */
    static String roundTrip() throws Exception {
        // README:round-trip
        EventLoop loop = Loops.newEventLoop();
        Thread loopThread = Thread.ofPlatform().name("loop").start(loop::runForever);
        CompletableFuture<String> answer = Futures.runCoroutineThreadsafe(
                Coroutines.of(() -> Asyncio.sleep(Duration.ofMillis(10), "hello from the loop")), loop);
        String text = answer.get();                            // a plain thread waits as for any CompletableFuture
        loop.callSoonThreadsafe(loop::stop);
        loopThread.join();
        loop.close();
        return text;
        // README:end
    }

    public static void main(String[] args) throws Exception {
        System.out.println(producerConsumer());
        System.out.println(roundTrip());
    }
}

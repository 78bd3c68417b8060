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

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.api.EventLoops;
import dev.loopkit.policy.Loops;
import dev.loopkit.toolkit.Asyncio;
import java.time.Duration;

/**
 * The README's first example: lets the policy pick a loop (never naming a vendor) and say why,
 * then runs two tasks concurrently, a timer, and blocking work on the default executor.
 */
public final class HelloLoop {

    private HelloLoop() {
    }

    public static void main(String[] args) {
        System.out.println(Loops.explain().explain());
        System.out.println("coroutines: " + Coroutines.mechanism());

        String summary = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            long start = loop.time();
            Task<String> slow = loop.createTask(Coroutines.of(() -> {
                return Asyncio.sleep(Duration.ofMillis(200), "slow done");
            }), "slow", null);
            Task<String> fast = loop.createTask(Coroutines.of(() -> {
                return Asyncio.sleep(Duration.ofMillis(100), "fast done");
            }), "fast", null);
            System.out.println("running tasks: " + Tasks.allTasks(loop).size());
            Future<Long> sum = loop.runInExecutor(null, () -> {
                long total = 0;
                for (int i = 1; i <= 1_000_000; i++) {
                    total += i;
                }
                return total;
            });
            String results = Async.await(fast) + ", " + Async.await(slow) + ", sum=" + Async.await(sum);
            long elapsedMs = (loop.time() - start) / 1_000_000;
            return results + " after ~" + (elapsedMs / 100 * 100) + " ms (the two sleeps overlapped)";
        });
        System.out.println(summary);
    }
}

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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopkit.api.Async;
import dev.loopkit.api.Context;
import dev.loopkit.api.ContextVar;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Context and thread-bound state carried where asyncio carries a context: toThread, run_coroutine_threadsafe. */
class ContextPropagationTest {

    private static final ContextVar<String> REQUEST = new ContextVar<>("request");
    private static final ThreadLocal<String> USER = new ThreadLocal<>();

    @Test
    void toThreadRunsTheBlockingCallInACopyOfTheCoroutinesContext() {
        String outcome = Loops.run(() -> {
            REQUEST.set("coroutine's");
            Thread loopThread = Thread.currentThread();
            String seen = Futures.toThread(() -> {
                String value = REQUEST.get("unset") + (Thread.currentThread() == loopThread ? " on the loop" : "");
                REQUEST.set("changed on the executor");
                return value;
            });
            return seen + ", then " + REQUEST.get();
        });
        assertEquals("coroutine's, then coroutine's", outcome);
    }

    @Test
    void aCoroutineRunFromAPlainThreadSeesThatThreadsContext() throws Exception {
        EventLoop loop = Loops.newEventLoop();
        Thread loopThread = Thread.ofPlatform().name("context-test-loop").start(loop::runForever);
        try {
            CompletableFuture<String> outcome = new Context().call(() -> {
                REQUEST.set("caller's");
                return Futures.runCoroutineThreadsafe(Coroutines.of(() -> {
                    Asyncio.sleep(Duration.ZERO);
                    return REQUEST.get("unset");
                }), loop);
            });
            assertEquals("caller's", outcome.get(30, TimeUnit.SECONDS));
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(Duration.ofSeconds(30));
            loop.close();
        }
    }

    @Test
    void aThreadLocalIsCarriedIntoACoroutineAndStaysThroughItsAwaits() {
        ThreadContext<String> user = ThreadContext.of(USER);
        List<String> seen = new ArrayList<>();
        String creatorsAfter = Loops.run(() -> {
            USER.set("alice"); // on the creating coroutine's own thread
            Future<?> child = EventLoops.getRunningLoop().createTask(Coroutines.of(user.carry(() -> {
                seen.add("start: " + USER.get());
                Asyncio.sleep(Duration.ZERO);
                seen.add("after an await: " + USER.get());
                USER.set("changed by the child");
                return null;
            })));
            Async.await(child);
            return USER.get();
        });
        assertEquals(List.of("start: alice", "after an await: alice"), seen);
        assertEquals("alice", creatorsAfter, "the creator's value once the child changed its own");
    }

    @Test
    void aThreadLocalIsCarriedIntoACallbackAndTheLoopThreadsOwnIsPutBack() {
        ThreadContext<String> user = ThreadContext.of(USER);
        List<String> seen = new ArrayList<>();
        Thread[] loopThread = new Thread[1];
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            USER.set("bob"); // on the coroutine's thread, which schedules the callback
            Future<Void> ran = loop.createFuture();
            loop.callSoon(user.carry(() -> {
                loopThread[0] = Thread.currentThread();
                seen.add("callback: " + USER.get());
                ran.setResult(null);
            }));
            Async.await(ran);
            Future<Void> after = loop.createFuture();
            loop.callSoon(() -> {
                seen.add("next callback: " + USER.get());
                after.setResult(null);
            });
            Async.await(after);
            assertNotSame(Thread.currentThread(), loopThread[0], "the callback ran on the coroutine's thread");
            return null;
        });
        assertEquals(List.of("callback: bob", "next callback: null"), seen);
        assertNull(USER.get(), "the test thread's own value");
    }
}

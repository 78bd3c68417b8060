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
package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Context;
import dev.loopkit.api.ContextVar;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Context} and {@link ContextVar} against asyncio's {@code contextvars}, alone and on the
 * default loop under both coroutine mechanisms (the TCK's CX rules certify what a loop owes them).
 */
class ContextVarTest extends LoopTestSupport {

    private static final ContextVar<String> REQUEST = new ContextVar<>("request");
    private static final ContextVar<Integer> DEPTH = new ContextVar<>("depth", 0);

    @Test
    void getAnswersTheValueThenTheFallbackThenTheDefaultAndOtherwiseSaysWhatToDo() {
        new Context().run(() -> {
            NoSuchElementException missing = assertThrows(NoSuchElementException.class, REQUEST::get);
            assertEquals("ContextVar[name='request'] has no value in the current context and no default:"
                    + " set() it first, or create it with a default", missing.getMessage());
            assertEquals("fallback", REQUEST.get("fallback"));
            assertEquals(0, DEPTH.get());
            assertEquals(7, DEPTH.get(7), "the fallback wins over the variable's default");
            REQUEST.set(null);
            assertNull(REQUEST.get("fallback"), "null is a value like any other");
        });
    }

    @Test
    void resetRestoresThePreviousValueOrNoneAndEachTokenWorksOnce() {
        Context context = new Context();
        context.run(() -> {
            ContextVar.Token<String> first = REQUEST.set("a");
            ContextVar.Token<String> second = REQUEST.set("b");
            REQUEST.reset(second);
            assertEquals("a", REQUEST.get());
            IllegalStateException reused = assertThrows(IllegalStateException.class, () -> REQUEST.reset(second));
            assertEquals("Token[used, var=ContextVar[name='request']] has already been used once", reused.getMessage());
            REQUEST.reset(first);
            assertFalse(context.contains(REQUEST), "a reset to before the first set() removes the value");
        });
    }

    @Test
    void aTokenBelongsToItsVariableAndItsContext() {
        ContextVar<String> other = new ContextVar<>("other");
        ContextVar.Token<String> token = new Context().run(() -> REQUEST.set("a"));
        new Context().run(() -> {
            IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class, () -> REQUEST.reset(token));
            assertTrue(elsewhere.getMessage().endsWith("was created in a different Context"), elsewhere.getMessage());
            @SuppressWarnings({"unchecked", "rawtypes"})
            ContextVar.Token<String> foreign = (ContextVar.Token) token;
            IllegalArgumentException wrongVariable = assertThrows(IllegalArgumentException.class,
                    () -> other.reset(foreign));
            assertTrue(wrongVariable.getMessage().endsWith("was created by a different ContextVar"),
                    wrongVariable.getMessage());
        });
    }

    @Test
    void aCopyStartsWithTheSameValuesAndThenGoesItsOwnWay() {
        Context original = new Context();
        original.run(() -> REQUEST.set("shared"));
        Context copy = original.copy();
        copy.run(() -> REQUEST.set("copy's"));
        assertEquals("shared", original.get(REQUEST, null));
        assertEquals("copy's", copy.get(REQUEST, null));
        assertEquals(1, copy.size());
        assertEquals("Context[request=copy's]", copy.toString());
    }

    @Test
    void aContextCannotBeEnteredTwiceAndRunPutsThePreviousOneBack() {
        Context outer = new Context();
        Context inner = new Context();
        outer.run(() -> {
            REQUEST.set("outer");
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> outer.run(() -> { }));
            assertEquals("cannot enter context: Context[request=outer] is already entered", twice.getMessage());
            inner.run(() -> assertEquals("unset", REQUEST.get("unset")));
            assertEquals("outer", REQUEST.get(), "the outer context is current again after the inner run");
        });
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineSeesItsTasksContextOnItsOwnThreadThroughEveryAwait(CoroutineMechanism mechanism) {
        Context taskContext = new Context();
        List<String> seen = new ArrayList<>();
        Task<String> task = loop.createTask(new ThreadCoroutine<>(() -> {
            REQUEST.set("step 1");
            for (int i = 2; i <= 3; i++) {
                Async.await(sleep(loop, Duration.ZERO));
                seen.add(REQUEST.get());
                REQUEST.set("step " + i);
            }
            Future<String> fromCallback = loop.createFuture();
            loop.callSoon(() -> fromCallback.setResult("callback saw " + REQUEST.get()));
            return Async.await(fromCallback);
        }, mechanism), null, taskContext);
        assertEquals("callback saw step 3", loop.runUntilComplete(task),
                "a callback scheduled by the coroutine runs in a copy of the task's context");
        assertEquals(List.of("step 1", "step 2"), seen);
        assertEquals("step 3", taskContext.get(REQUEST, null), "what the coroutine set is in its task's context");
    }

    @Test
    void anEagerTasksContextIsACopyOfItsCreatorsAndItsCreatorsIsCurrentAgainAfterIt() {
        loop.setTaskFactory(Tasks.eagerTaskFactory());
        String outcome = loop.runUntilComplete(Coroutines.of(() -> {
            REQUEST.set("creator");
            Task<String> eager = loop.createTask(Coroutines.of(() -> {
                String inherited = REQUEST.get();
                REQUEST.set("eager");
                return inherited;
            }));
            return eager.result() + ", then " + REQUEST.get();
        }));
        assertEquals("creator, then creator", outcome);
    }

    @Test
    void aTaskKeepsTheContextItWasGiven() {
        Context given = new Context();
        Task<Integer> task = loop.createTask(Coroutines.of(() -> 1), "named", given);
        assertSame(given, task.getContext());
        loop.runUntilComplete(task);
    }
}

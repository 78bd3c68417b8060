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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.optional;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.Check;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SG: signal handlers (asyncio's {@code add_signal_handler}, {@code remove_signal_handler}).
 * Optional: run only for providers declaring capability {@code signals}. The rules raise
 * {@code SIGWINCH}, whose default action is to do nothing, so that a loop that fails to handle
 * it cannot stop the certifier; signals belong to the process, so the rules of certifications
 * running side by side take turns.
 */
@API(status = INTERNAL, since = "0.1")
public final class SignalRules implements RuleGroup {

    /** The signal the rules raise: harmless when nobody handles it. */
    private static final String SIGNAL = "SIGWINCH";
    private static final Signal RAISED = new Signal("WINCH");
    /** How long a rule waits for a raised signal's handler to run on the loop. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);
    /** One signal rule at a time in this process, whichever certification runs it. */
    private static final ReentrantLock TURN = new ReentrantLock();

    @Override
    public String prefix() {
        return "SG";
    }

    @Override
    public String title() {
        return "Signals";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                optional("SG-01", Capabilities.SIGNALS, "a signal handler runs on the loop thread, once per signal"
                        + " the process receives; removeSignalHandler answers whether it removed one",
                        "unix_events._UnixSelectorEventLoop.add_signal_handler / _handle_signal",
                        "that the JVM's signal thread hands the callback to the loop with callSoonThreadsafe rather"
                                + " than running it itself",
                        inTurn(tck -> {
                            EventLoop loop = tck.loop();
                            Thread[] loopThread = new Thread[1];
                            List<Thread> ranOn = new ArrayList<>();
                            loop.addSignalHandler(SIGNAL, () -> {
                                synchronized (ranOn) {
                                    ranOn.add(Thread.currentThread());
                                }
                                loop.stop();
                            });
                            try {
                                loop.callSoon(() -> {
                                    loopThread[0] = Thread.currentThread();
                                    Signal.raise(RAISED);
                                });
                                TimerHandle bound = loop.callLater(DELIVERY_TIMEOUT, loop::stop);
                                loop.runForever();
                                bound.cancel();
                                synchronized (ranOn) {
                                    assertEquals(1, ranOn.size(), "handler runs within " + DELIVERY_TIMEOUT.toSeconds()
                                            + " s of one " + SIGNAL);
                                    assertSame(loopThread[0], ranOn.get(0), "the thread the handler ran on: "
                                            + ranOn.get(0).getName());
                                }
                                assertTrue(loop.removeSignalHandler(SIGNAL), "removeSignalHandler of a handled"
                                        + " signal");
                                assertFalse(loop.removeSignalHandler(SIGNAL), "removeSignalHandler of a signal"
                                        + " no longer handled");
                            } finally {
                                loop.removeSignalHandler(SIGNAL);
                            }
                        })),
                optional("SG-02", Capabilities.SIGNALS, "addSignalHandler refuses an unknown signal, a name without"
                        + " SIG and one the JVM or OS keeps (SIGKILL) with IllegalArgumentException, and a closed"
                        + " loop with IllegalStateException; removeSignalHandler of an unhandled signal answers"
                        + " false", "add_signal_handler's ValueError / RuntimeError; _check_closed",
                        "that Signal.handle's refusal reaches the caller, and the closed-loop check comes first",
                        inTurn(tck -> {
                            EventLoop loop = tck.newLoop();
                            Runnable nothing = () -> {
                            };
                            assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler("SIGNOSUCH",
                                    nothing), "an unknown signal");
                            assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler("WINCH",
                                    nothing), "a name without SIG");
                            assertThrows(IllegalArgumentException.class, () -> loop.addSignalHandler("SIGKILL",
                                    nothing), "SIGKILL");
                            assertFalse(loop.removeSignalHandler(SIGNAL), "removeSignalHandler of an unhandled"
                                    + " signal");
                            loop.close();
                            IllegalStateException closed = assertThrows(IllegalStateException.class,
                                    () -> loop.addSignalHandler(SIGNAL, nothing), "a closed loop");
                            assertEquals("Event loop is closed", closed.getMessage());
                        })),
                optional("SG-03", Capabilities.SIGNALS, "removeSignalHandler and close() give the signal back to the"
                        + " handler the process had before", "remove_signal_handler's signal.signal(sig, handler);"
                        + " close() removing every signal handler",
                        "that the loop remembers the handler it replaced and puts it back, on removal and when it"
                                + " closes",
                        inTurn(tck -> {
                            SignalHandler before = s -> {
                            };
                            SignalHandler original = Signal.handle(RAISED, before);
                            try {
                                EventLoop removing = tck.newLoop();
                                removing.addSignalHandler(SIGNAL, () -> {
                                });
                                removing.removeSignalHandler(SIGNAL);
                                assertSame(before, Signal.handle(RAISED, before), "the handler after"
                                        + " removeSignalHandler");
                                EventLoop closing = tck.newLoop();
                                closing.addSignalHandler(SIGNAL, () -> {
                                });
                                closing.close();
                                assertSame(before, Signal.handle(RAISED, before), "the handler after close()");
                            } finally {
                                Signal.handle(RAISED, original);
                            }
                        })));
    }

    /** Runs {@code check} while no other signal rule runs in this process. */
    private static Check inTurn(Check check) {
        return tck -> {
            TURN.lock();
            try {
                check.verify(tck);
            } finally {
                TURN.unlock();
            }
        };
    }
}

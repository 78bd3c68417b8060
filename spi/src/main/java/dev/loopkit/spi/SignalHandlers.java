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

import dev.loopkit.api.EventLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process's signal handlers that loops installed (asyncio's {@code add_signal_handler} on
 * {@code signal.signal}): the JVM has one handler per signal, so this table has one loop per
 * signal, and keeps the handler the process had before the first loop took the signal (for
 * {@code SIGINT}, {@code SIGTERM} and {@code SIGHUP} the JVM's own, which runs the shutdown hooks),
 * to put it back when the last one lets the signal go.
 *
 * <p>The JVM calls a handler on a thread of its own; the handler hands the callback to its loop
 * with {@code callSoonThreadsafe}. Thread-safety: every method may be called from any thread.
 */
final class SignalHandlers {

    /** A loop's handler of one signal, and what was there before any loop's. */
    private record Installed(BaseEventLoop loop, Signal signal, SignalHandler original) {
    }

    /** By signal name without its prefix, as the JVM names signals ({@code INT}). Guarded by the class. */
    private static final Map<String, Installed> BY_SIGNAL = new HashMap<>();
    private static final String PREFIX = "SIG";
    /**
     * The signals the JVM keeps for its shutdown hooks: when the process ignores one of them at
     * start (a job started in the background ignores SIGINT, {@code nohup} ignores SIGHUP), the
     * JVM leaves it ignored whatever handler is registered, and says so only by handing back
     * {@code SIG_IGN} as the handler replaced.
     */
    private static final Set<String> KEPT_IGNORED_WHEN_IGNORED = Set.of("INT", "TERM", "HUP");

    private SignalHandlers() {
    }

    /**
     * Makes {@code signal} run {@code callback} on {@code loop}'s thread, replacing any loop's
     * handler of it.
     *
     * @param loop the loop; {@code outer} is what it hands out, and what runs the callback
     */
    static synchronized void add(BaseEventLoop loop, EventLoop outer, String name, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        Signal signal = parse(name);
        SignalHandler replaced;
        try {
            replaced = Signal.handle(signal, received -> deliver(outer, name, callback));
        } catch (IllegalArgumentException reserved) {
            throw new IllegalArgumentException("signal " + name + " is the JVM's or the OS's (" + reserved.getMessage()
                    + "): handle another one, such as SIGINT, SIGTERM or SIGHUP", reserved);
        }
        if (replaced == SignalHandler.SIG_IGN && KEPT_IGNORED_WHEN_IGNORED.contains(signal.getName())) {
            Signal.handle(signal, SignalHandler.SIG_IGN);
            throw new IllegalArgumentException("signal " + name + " is ignored by this process (it was started in the"
                    + " background or under nohup), and the JVM never delivers an ignored " + name
                    + ": start the program in the foreground, or handle another signal");
        }
        Installed earlier = BY_SIGNAL.get(signal.getName());
        BY_SIGNAL.put(signal.getName(), new Installed(loop, signal, earlier == null ? replaced : earlier.original()));
    }

    /**
     * Lets {@code signal} go if {@code loop}'s handler holds it, restoring the process's own.
     *
     * @return whether it did
     */
    static synchronized boolean remove(BaseEventLoop loop, String name) {
        Signal signal = parse(name);
        Installed installed = BY_SIGNAL.get(signal.getName());
        if (installed == null || installed.loop() != loop) {
            return false;
        }
        restore(installed);
        return true;
    }

    /** Lets every signal {@code loop} holds go: the loop is closing. */
    static synchronized void removeAll(BaseEventLoop loop) {
        for (Installed installed : BY_SIGNAL.values().toArray(Installed[]::new)) {
            if (installed.loop() == loop) {
                restore(installed);
            }
        }
    }

    private static void restore(Installed installed) {
        Signal.handle(installed.signal(), installed.original());
        BY_SIGNAL.remove(installed.signal().getName());
    }

    private static void deliver(EventLoop loop, String name, Runnable callback) {
        try {
            loop.callSoonThreadsafe(callback);
        } catch (IllegalStateException closed) {
            // The loop closed between the signal and now; closing let the signal go already.
        }
    }

    /** The JVM's signal named {@code name} ({@code SIGINT}), or a message saying what is wrong. */
    private static Signal parse(String name) {
        Objects.requireNonNull(name, "signal");
        if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
            throw new IllegalArgumentException("signal names start with SIG, as in Python's signal module: give"
                    + " SIGINT, SIGTERM, SIGHUP, ..., not '" + name + "'");
        }
        try {
            return new Signal(name.substring(PREFIX.length()));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown signal " + name + ": this system has no such signal", unknown);
        }
    }
}

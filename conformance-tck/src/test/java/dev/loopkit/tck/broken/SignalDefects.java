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
package dev.loopkit.tck.broken;

import dev.loopkit.testsupport.ForwardingLoop;
import java.util.HashSet;
import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Loops whose one defect is in their signal handlers, each forwarding everything else to the base loop. */
final class SignalDefects {

    private SignalDefects() {
    }

    /** The handler runs on a thread of its own instead of the loop thread. */
    static final class HandlerOffTheLoop extends ForwardingLoop {
        @Override
        public void addSignalHandler(String signal, Runnable callback) {
            delegate().addSignalHandler(signal, () -> Thread.ofPlatform().start(callback));
        }
    }

    /** A signal the JVM keeps for itself is taken for handled: the refusal is swallowed. */
    static final class ReservedSignalsAccepted extends ForwardingLoop {
        @Override
        public void addSignalHandler(String signal, Runnable callback) {
            try {
                delegate().addSignalHandler(signal, callback);
            } catch (IllegalArgumentException refused) {
                // "handled"
            }
        }
    }

    /**
     * Installs its handlers with the JVM itself and forgets what they replaced: removing one
     * leaves the default action, and close() leaves them all installed.
     */
    static final class ForgetsTheOriginalHandler extends ForwardingLoop {
        private final Set<String> handled = new HashSet<>();

        @Override
        public void addSignalHandler(String signal, Runnable callback) {
            checkClosed();
            if (!signal.startsWith("SIG")) {
                throw new IllegalArgumentException("no SIG prefix: " + signal);
            }
            Signal.handle(new Signal(signal.substring(3)), received -> delegate().callSoonThreadsafe(callback));
            handled.add(signal);
        }

        @Override
        public boolean removeSignalHandler(String signal) {
            if (!handled.remove(signal)) {
                return false;
            }
            Signal.handle(new Signal(signal.substring(3)), SignalHandler.SIG_DFL);
            return true;
        }
    }
}

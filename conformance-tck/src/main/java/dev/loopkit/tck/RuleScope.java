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
package dev.loopkit.tck;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one rule's run and what went wrong on them: the rule's own thread and every
 * thread started from it (platform or virtual) carry the scope in an inheritable thread-local, so an
 * exception that kills one of them is attributed to the rule instead of being printed to stderr.
 *
 * <p>The JVM-wide default uncaught-exception handler is installed once, on first use, and hands
 * exceptions of threads outside any rule to the handler that was there before (or, when there was
 * none, logs them as the JVM would print them). Thread-safe.
 */
final class RuleScope {

    private static final Logger LOG = LoggerFactory.getLogger(RuleScope.class);
    private static final InheritableThreadLocal<RuleScope> CURRENT = new InheritableThreadLocal<>();
    private static boolean handlerInstalled;

    /** An exception that ended one of the rule's threads. */
    record Uncaught(String threadName, Throwable error) {
    }

    private final String ruleId;
    private final List<Uncaught> uncaught = new ArrayList<>();
    private final List<LoggedEvent> logged = new ArrayList<>();
    private boolean ended;

    RuleScope(String ruleId) {
        this.ruleId = ruleId;
        installHandler();
    }

    /** Makes the calling thread, and every thread it starts from now on, part of this scope. */
    void enter() {
        CURRENT.set(this);
    }

    /** Returns what ended the rule's threads so far. */
    synchronized List<Uncaught> uncaught() {
        return List.copyOf(uncaught);
    }

    /** Returns the scope of the calling thread, or null outside any rule. */
    static RuleScope current() {
        return CURRENT.get();
    }

    /** Records {@code event} in the scope of the calling thread; outside any rule it is only logged. */
    static void log(LoggedEvent event) {
        RuleScope scope = CURRENT.get();
        if (scope != null) {
            synchronized (scope) {
                scope.logged.add(event);
            }
        }
    }

    /** Returns what the rule's threads logged so far. */
    synchronized List<LoggedEvent> logged() {
        return List.copyOf(logged);
    }

    /** The rule's verdict is made: later exceptions are logged with the rule's id instead. */
    synchronized void end() {
        ended = true;
    }

    private void record(Thread thread, Throwable error) {
        synchronized (this) {
            if (!ended) {
                uncaught.add(new Uncaught(thread.getName(), error));
                return;
            }
        }
        LOG.warn("Uncaught exception in thread '{}', started by rule {}, after the rule had ended", thread.getName(),
                ruleId, error);
    }

    private static synchronized void installHandler() {
        if (handlerInstalled) {
            return;
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            RuleScope scope = CURRENT.get();
            if (scope != null) {
                scope.record(thread, error);
            } else if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                LOG.error("Exception in thread '{}'", thread.getName(), error);
            }
        });
        handlerInstalled = true;
    }
}

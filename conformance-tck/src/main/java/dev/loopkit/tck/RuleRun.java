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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one rule's check so that its verdict depends on the provider alone: on a thread of its own,
 * bounded by the kit's timeout, with every exception that kills a thread the rule started
 * attributed to the rule. A rule that times out has its thread interrupted and its loops stopped
 * and closed, and its failure names where it hung and which threads it left running.
 */
final class RuleRun {

    /** How long a timed-out rule gets to wind down once interrupted and told to stop. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final int FRAMES_SHOWN = 6;

    private RuleRun() {
    }

    /**
     * Runs {@code check} for {@code rule} against {@code tck}'s provider and closes {@code tck}.
     *
     * @throws Exception what the check threw, or an {@link AssertionFailedError} for a timeout or an
     *     exception on one of the rule's threads
     */
    static void run(Rule rule, Check check, TckContext tck) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RuleScope scope = new RuleScope(rule.id());
        FutureTask<Void> verification = new FutureTask<>(() -> {
            scope.enter();
            check.verify(tck);
            return null;
        });
        Thread runner = new Thread(verification, "loopkit-tck-" + rule.id());
        runner.setDaemon(true);
        Duration timeout = tck.settings().timeout();
        try {
            runner.start();
            long start = System.nanoTime();
            if (!join(runner, timeout)) {
                throw timedOut(rule, tck, runner, before, Duration.ofNanos(System.nanoTime() - start));
            }
            verification.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } finally {
            tck.close();
            scope.end();
        }
        List<RuleScope.Uncaught> uncaught = scope.uncaught();
        if (!uncaught.isEmpty()) {
            AssertionFailedError error = new AssertionFailedError(uncaught.size() + " uncaught exception"
                    + (uncaught.size() == 1 ? "" : "s") + " on threads the rule started, first in thread '"
                    + uncaught.get(0).threadName() + "': " + uncaught.get(0).error(), uncaught.get(0).error());
            uncaught.stream().skip(1).forEach(u -> error.addSuppressed(u.error()));
            throw error;
        }
    }

    private static AssertionFailedError timedOut(Rule rule, TckContext tck, Thread runner, Set<Thread> before,
            Duration waited) {
        Duration timeout = tck.settings().timeout();
        String hungAt = frames(runner.getStackTrace());
        String runnerState = runner.getState().toString();
        boolean callerInterrupted = Thread.currentThread().isInterrupted();
        runner.interrupt();
        tck.stopRunningLoops();
        boolean wound = join(runner, GRACE);
        tck.close();
        String leftRunning = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !before.contains(e.getKey()) && e.getKey().isAlive())
                .map(RuleRun::describe)
                .collect(Collectors.joining("\n"));
        StringBuilder message = new StringBuilder(rule.id()).append(" did not finish within ")
                .append(timeout.toMillis() / 1000.0).append(" s (raise it with -Dloopkit.tck.timeout=SECONDS); it was ")
                .append(runnerState).append(" after ").append(waited.toMillis()).append(" ms")
                .append(callerInterrupted ? ", and the wait ended because the certifying thread was interrupted" : "")
                .append(hungAt.isEmpty() ? "" : ", at:" + hungAt);
        if (!wound) {
            message.append("\nit did not end within ").append(GRACE.toSeconds())
                    .append(" s of being interrupted and having its loops stopped");
        }
        if (!leftRunning.isEmpty()) {
            message.append("\nthreads started during the rule and still running:\n").append(leftRunning);
        }
        return new AssertionFailedError(message.toString());
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return "  '" + thread.getKey().getName() + "' (" + thread.getKey().getState() + ")" + frames(thread.getValue());
    }

    private static String frames(StackTraceElement[] stack) {
        return Arrays.stream(stack).limit(FRAMES_SHOWN).map(f -> "\n      at " + f).collect(Collectors.joining());
    }

    /** Waits for {@code thread} to end; an interrupt of the caller ends the wait early, kept set. */
    private static boolean join(Thread thread, Duration bound) {
        try {
            return thread.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    private static Exception rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof Exception e ? e : new IllegalStateException(failure);
    }
}

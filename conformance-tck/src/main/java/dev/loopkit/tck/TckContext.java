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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.spi.EventLoopProvider;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What one rule's test works with: fresh loops of the provider under test (closed afterwards) and
 * small helpers. The whole test is bounded by {@link TckSettings#timeout()}, so a loop that hangs
 * fails its rule instead of the run. One context per test, used by the rule's thread; the kit
 * closes it from its own.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TckContext implements AutoCloseable {

    private static final long POLL_NANOS = 1_000_000;

    private final Supplier<EventLoopProvider> providers;
    private EventLoopProvider provider;
    private final TckSettings settings;
    /** Written by the rule's thread, read by the kit's thread when the rule times out. */
    private final List<EventLoop> loops = new CopyOnWriteArrayList<>();
    private EventLoop loop;

    /**
     * @param providers makes the provider under test, on the rule's own thread at first use, so
     *     that even its constructor is bounded by the rule's timeout
     * @param settings the kit's settings
     */
    TckContext(Supplier<EventLoopProvider> providers, TckSettings settings) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** {@return the provider under test, the same instance throughout the test} */
    public EventLoopProvider provider() {
        if (provider == null) {
            provider = Objects.requireNonNull(providers.get(), "the conformance test's provider() returned null");
        }
        return provider;
    }

    /**
     * {@return what the rule's threads (the loop's among them) have logged through SLF4J so far, in
     * order} When the log cannot be read, because SLF4J does not run with {@link LogCapture}, the
     * rule is skipped with the advice to select it.
     */
    public List<LoggedEvent> logged() {
        Assumptions.assumeTrue(LogCapture.isActive(), "the loop's log cannot be read: run the kit with"
                + " -Dslf4j.provider=" + LogCapture.class.getName() + " (loopkit certify does)");
        RuleScope scope = RuleScope.current();
        return scope == null ? List.of() : scope.logged();
    }

    /** {@return the kit's settings} */
    public TckSettings settings() {
        return settings;
    }

    /** {@return this test's loop, created on first call and closed after the test} */
    public EventLoop loop() {
        if (loop == null) {
            loop = newLoop();
        }
        return loop;
    }

    /** {@return another fresh loop of the provider, closed after the test} */
    public EventLoop newLoop() {
        EventLoop created = Objects.requireNonNull(provider().newEventLoop(),
                () -> provider().getClass().getName() + ".newEventLoop() returned null");
        loops.add(created);
        return created;
    }

    /**
     * Runs exactly one iteration of {@code target} (asyncio's stop-then-run_forever idiom).
     *
     * @param target a loop that is not running
     */
    public static void runOnce(EventLoop target) {
        target.stop();
        target.runForever();
    }

    /**
     * A future of {@code target} completed by a timer after {@code delay} (asyncio.sleep).
     *
     * @param target the loop whose timer completes the future
     * @param delay how long until it completes
     * @return a future of {@code target}, done after {@code delay}
     */
    public static Future<Void> sleep(EventLoop target, Duration delay) {
        Future<Void> done = target.createFuture();
        target.callLater(delay, () -> done.setResult(null));
        return done;
    }

    /**
     * Waits, bounded, for a state the rule needs: calls {@code condition} every millisecond or so
     * until it returns true, for at most three quarters of the rule's timeout, so that a state that
     * never comes fails with what was expected rather than with the rule's timeout. A condition
     * that throws fails the wait with that exception.
     *
     * @param what the state waited for, as the failure message names it (e.g. "the server's
     *     connectionMade")
     * @param condition true once the state is reached
     */
    public void waitFor(String what, BooleanSupplier condition) {
        long bound = settings.timeout().toNanos() / 4 * 3;
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > bound) {
                throw new AssertionFailedError("waited " + Duration.ofNanos(bound).toMillis() + " ms for " + what
                        + ", which never came");
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionFailedError("interrupted while waiting for " + what);
            }
        }
    }

    /**
     * Waits, bounded like {@link #waitFor}, until the garbage collector has cleared every one of
     * {@code references}, asking for a collection at each try: the deterministic side of rules about
     * what a loop lets go of (they wait for the state itself, never for a fixed time).
     *
     * <p>Then it waits until the JVM has also queued every reference those collections cleared, the
     * loop's own among them (a loop learns that a future it watches was collected from a reference
     * queue, and the JVM fills the queues on a thread of its own, after the collection): a phantom
     * reference to a fresh object, cleared by a later collection, reaches its queue only after
     * every reference cleared before it. Without this, a rule could look for the loop's reports
     * of some objects while the JVM had queued only part of them.
     *
     * @param what what is to be collected, as the failure message names it
     * @param references weak references to the objects nothing else should keep
     */
    public void waitUntilCollected(String what, Collection<? extends Reference<?>> references) {
        waitFor(what + " to be garbage-collected", () -> {
            System.gc();
            return references.stream().allMatch(reference -> reference.get() == null);
        });
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> probe = new PhantomReference<>(new Object(), queue);
        // One collection finds the probe; then only the JVM's reference thread is waited for (a
        // collection at every poll would stop every other rule of this JVM as often).
        int[] polls = {0};
        waitFor("the references cleared with " + what + " to be queued", () -> {
            if (polls[0]++ % 100 == 0) {
                System.gc();
            }
            return queue.poll() != null;
        });
        Reference.reachabilityFence(probe);
    }

    /** Asks every loop of the test that is still running to stop (a rule that timed out). */
    void stopRunningLoops() {
        for (EventLoop created : loops) {
            try {
                if (created.isRunning()) {
                    created.callSoonThreadsafe(created::stop);
                }
            } catch (RuntimeException ignored) {
                // A broken loop may refuse; the rule's own failure already says why.
            }
        }
    }

    /**
     * Closes every loop the test created that is not running; one still running (it hung) is asked
     * to stop instead.
     */
    @Override
    public void close() {
        stopRunningLoops();
        for (EventLoop created : loops) {
            try {
                if (!created.isRunning()) {
                    created.close();
                }
            } catch (RuntimeException ignored) {
                // A broken loop may refuse; the rule's own failure already says why.
            }
        }
    }
}

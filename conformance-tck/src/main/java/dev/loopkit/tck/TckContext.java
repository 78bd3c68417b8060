package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.spi.EventLoopProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * What one rule's test works with: fresh loops of the provider under test (closed afterwards) and
 * small helpers. The whole test is bounded by {@link TckSettings#timeout()}, so a loop that hangs
 * fails its rule instead of the run. One context per test; not thread-safe.
 */
public final class TckContext implements AutoCloseable {

    private final EventLoopProvider provider;
    private final TckSettings settings;
    private final List<EventLoop> loops = new ArrayList<>();
    private EventLoop loop;

    TckContext(EventLoopProvider provider, TckSettings settings) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Returns the provider under test. */
    public EventLoopProvider provider() {
        return provider;
    }

    /** Returns the kit's settings. */
    public TckSettings settings() {
        return settings;
    }

    /** Returns this test's loop, created on first call and closed after the test. */
    public EventLoop loop() {
        if (loop == null) {
            loop = newLoop();
        }
        return loop;
    }

    /** Returns another fresh loop of the provider, closed after the test. */
    public EventLoop newLoop() {
        EventLoop created = Objects.requireNonNull(provider.newEventLoop(),
                () -> provider.getClass().getName() + ".newEventLoop() returned null");
        loops.add(created);
        return created;
    }

    /** Runs exactly one iteration of {@code target} (asyncio's stop-then-run_forever idiom). */
    public static void runOnce(EventLoop target) {
        target.stop();
        target.runForever();
    }

    /** A future of {@code target} completed by a timer after {@code delay} (asyncio.sleep). */
    public static Future<Void> sleep(EventLoop target, Duration delay) {
        Future<Void> done = target.createFuture();
        target.callLater(delay, () -> done.setResult(null));
        return done;
    }

    /** Runs {@code body}, failing if it takes longer than the kit's timeout. */
    public void bounded(String what, Executable body) {
        assertTimeoutPreemptively(settings.timeout(), body, () -> what + " did not finish within "
                + settings.timeout().toSeconds() + " s (raise it with -Dloopkit.tck.timeout=SECONDS)");
    }

    /** Returns {@code body}'s value, failing if it takes longer than the kit's timeout. */
    public <T> T bounded(String what, ThrowingSupplier<T> body) {
        return assertTimeoutPreemptively(settings.timeout(), body, () -> what + " did not finish within "
                + settings.timeout().toSeconds() + " s (raise it with -Dloopkit.tck.timeout=SECONDS)");
    }

    /** Closes every loop the test created; a loop still running (it hung) is asked to stop. */
    @Override
    public void close() {
        for (EventLoop created : loops) {
            try {
                if (created.isRunning()) {
                    created.callSoonThreadsafe(created::stop);
                } else {
                    created.close();
                }
            } catch (RuntimeException ignored) {
                // A broken loop may refuse; the rule's own failure already says why.
            }
        }
    }
}

package dev.loopkit.benchmarks;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.util.ServiceLoader;

/**
 * The loops the loopkit benchmarks measure, found as an application finds them: the
 * {@code default} provider's unless a benchmark names another ({@code epoll}).
 */
final class LoopkitLoops {

    private LoopkitLoops() {
    }

    /** A new loop of the {@code default} provider. */
    static EventLoop newLoop() {
        return newLoop("default");
    }

    /**
     * A new loop of the provider named {@code provider}.
     *
     * @throws IllegalStateException if it is not on the class path or not available in this JVM
     */
    static EventLoop newLoop(String provider) {
        EventLoopProvider found = ServiceLoader.load(EventLoopProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(candidate -> candidate.name().equals(provider)).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the provider '" + provider + "' is not on the class path: build with ./run bench"));
        if (!found.isAvailable()) {
            throw new IllegalStateException("the provider '" + provider + "' is not available here: "
                    + found.unavailabilityReason().orElse("isAvailable() returned false"));
        }
        return found.newEventLoop();
    }
}

package dev.loopkit.benchmarks;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import java.util.ServiceLoader;

/** The loop every loopkit benchmark measures: the {@code default} provider's, found as an application finds it. */
final class DefaultLoops {

    private DefaultLoops() {
    }

    /** A new loop of the {@code default} provider. */
    static EventLoop newLoop() {
        return ServiceLoader.load(EventLoopProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("default")).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the default provider is not on the class path: build with ./run bench"))
                .newEventLoop();
    }
}

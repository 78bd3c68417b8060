package dev.loopkit.streams.archfixture;

import dev.loopkit.spi.BuiltinFuture;

/** Breaks "streams see only api"; used only to prove that rule can fail. */
public final class StreamsThatSeeTheSpi {

    private StreamsThatSeeTheSpi() {
    }

    static String name(BuiltinFuture<?> future) {
        return future.toString();
    }
}

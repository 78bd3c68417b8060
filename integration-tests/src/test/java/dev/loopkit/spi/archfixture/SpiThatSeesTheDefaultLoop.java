package dev.loopkit.spi.archfixture;

import dev.loopkit.impl.DefaultProvider;

/** Breaks "spi sees only api" and "nobody sees the default loop"; used only to prove they can fail. */
public final class SpiThatSeesTheDefaultLoop {

    private SpiThatSeesTheDefaultLoop() {
    }

    static String name() {
        return new DefaultProvider().name();
    }
}

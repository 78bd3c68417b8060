package dev.loopkit.api.archfixture;

import dev.loopkit.spi.BaseEventLoop;

/** Breaks "api depends on nothing of loopkit"; used only to prove that rule can fail. */
public final class ApiThatSeesTheSpi {

    private ApiThatSeesTheSpi() {
    }

    static String name(BaseEventLoop loop) {
        return loop.toString();
    }
}

package dev.loopkit.epoll.archfixture;

import dev.loopkit.impl.SelectorEventLoop;

/** Breaks "the epoll loop sees only api, spi and Netty"; used only to prove that rule can fail. */
public final class EpollThatSeesTheDefaultLoop {

    private EpollThatSeesTheDefaultLoop() {
    }

    static SelectorEventLoop open() {
        return new SelectorEventLoop();
    }
}

package dev.loopkit.policy.archfixture;

import dev.loopkit.epoll.EpollEventLoop;

/** Breaks "nobody sees the epoll loop"; used only to prove that rule can fail. */
public final class PolicyThatSeesTheEpollLoop {

    private PolicyThatSeesTheEpollLoop() {
    }

    static EpollEventLoop open() {
        return new EpollEventLoop();
    }
}

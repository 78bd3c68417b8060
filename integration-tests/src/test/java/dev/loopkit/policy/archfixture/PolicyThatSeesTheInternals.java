package dev.loopkit.policy.archfixture;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.internal.RunningLoops;

/** Breaks "only api and spi see api.internal"; used only to prove that rule can fail. */
public final class PolicyThatSeesTheInternals {

    private PolicyThatSeesTheInternals() {
    }

    static EventLoop running() {
        return RunningLoops.get();
    }
}

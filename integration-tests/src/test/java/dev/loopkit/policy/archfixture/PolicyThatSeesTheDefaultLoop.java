package dev.loopkit.policy.archfixture;

import dev.loopkit.impl.SelectorEventLoop;

/** Breaks "policy sees only the contracts"; used only to prove that rule can fail. */
public final class PolicyThatSeesTheDefaultLoop {

    private PolicyThatSeesTheDefaultLoop() {
    }

    static SelectorEventLoop open() {
        return new SelectorEventLoop();
    }
}

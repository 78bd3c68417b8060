package dev.loopkit.toolkit.archfixture;

import dev.loopkit.spi.BuiltinFuture;

/** Breaks "toolkit sees only api"; used only to prove that rule can fail. */
public final class ToolkitThatSeesTheSpi {

    private ToolkitThatSeesTheSpi() {
    }

    static String name(BuiltinFuture<?> future) {
        return future.toString();
    }
}

package dev.loopkit.impl;

import java.nio.channels.SelectionKey;

/** What a channel registered with a {@link SelectorEventLoop}'s selector does when it is ready. */
interface SelectorHandler {

    /** The key's channel is ready for {@code key.readyOps()}. Called on the loop thread. */
    void onReady(SelectionKey key);

    /** The loop is closing: release the channel at once, calling no protocol. */
    void closeForShutdown();
}

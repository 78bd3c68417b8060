package dev.loopkit.spi;

/**
 * What uses a channel a {@link ReadinessEventLoop} opened: a transport, a server or a connect in
 * progress. Its {@code toString} names it in the error for a user who hands the channel to
 * {@code addReader} or a {@code sock*} operation.
 */
interface OwnedChannel {

    /** The loop is closing: release the channel at once, calling no protocol. */
    void closeForShutdown();
}

/**
 * The loopkit SPI: what a third-party loop vendor implements. A provider
 * ({@link dev.loopkit.spi.EventLoopProvider}, found by {@code ServiceLoader}), the
 * {@link dev.loopkit.spi.BaseEventLoop} that gives a vendor the whole public behaviour for a few
 * hooks, the built-in future and task a vendor may reuse, and the task registry.
 */
module dev.loopkit.spi {
    requires transitive dev.loopkit.api;
    requires org.slf4j;
    // sun.misc.Signal: the JDK's only way to handle a signal (addSignalHandler).
    requires jdk.unsupported;
    requires static transitive org.apiguardian.api;

    exports dev.loopkit.spi;
}

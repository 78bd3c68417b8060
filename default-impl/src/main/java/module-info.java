/**
 * The default loopkit loop on {@code java.nio} selectors. Found through {@code ServiceLoader}
 * like any vendor's loop: nothing else depends on this module, and it exports no package.
 */
module dev.loopkit.impl {
    requires dev.loopkit.spi;
    requires org.slf4j;
    requires static com.google.auto.service;

    provides dev.loopkit.spi.EventLoopProvider with dev.loopkit.impl.DefaultProvider;
}

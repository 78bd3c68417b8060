package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: isAvailable() throws. */
@AutoService(EventLoopProvider.class)
public final class FlakyAvailabilityProvider extends TestProvider {

    public FlakyAvailabilityProvider() {
        super("flaky", 400, "tcp", "udp", "unix");
    }

    @Override
    public boolean isAvailable() {
        throw new IllegalStateException("probe crashed");
    }
}

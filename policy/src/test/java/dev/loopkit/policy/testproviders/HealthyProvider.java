package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: healthy, ties with tcp-only at 100 and wins by name. */
@AutoService(EventLoopProvider.class)
public final class HealthyProvider extends TestProvider {

    public HealthyProvider() {
        super("healthy", 100, "tcp", "udp");
    }
}

package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: highest priority but unavailable. */
@AutoService(EventLoopProvider.class)
public final class UnavailableProvider extends TestProvider {

    public UnavailableProvider() {
        super("unavailable", 500, "tcp", "udp", "unix");
    }

    @Override
    public boolean isAvailable() {
        return false;
    }
}

package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;
import java.util.Optional;

/** Test provider: highest priority but unavailable, and says why. */
@AutoService(EventLoopProvider.class)
public final class UnavailableProvider extends TestProvider {

    public UnavailableProvider() {
        super("unavailable", 500, "tcp", "udp", "unix");
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public Optional<String> unavailabilityReason() {
        return Optional.of("its device is missing: plug it in");
    }
}

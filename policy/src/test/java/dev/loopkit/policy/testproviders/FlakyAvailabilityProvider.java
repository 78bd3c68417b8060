package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: isAvailable() throws. */
@AutoService(EventLoopProvider.class)
public final class FlakyAvailabilityProvider implements EventLoopProvider {

    @Override
    public boolean isAvailable() {
        throw new IllegalStateException("probe crashed");
    }

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public int priority() {
        return 400;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("tcp", "udp", "unix");
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

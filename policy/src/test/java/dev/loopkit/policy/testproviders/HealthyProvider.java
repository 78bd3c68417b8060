package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: healthy, ties with tcp-only at 100 and wins by name. */
@AutoService(EventLoopProvider.class)
public final class HealthyProvider implements EventLoopProvider {

    @Override
    public String name() {
        return "healthy";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("tcp", "udp");
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

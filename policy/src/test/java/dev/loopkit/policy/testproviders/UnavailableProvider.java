package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: highest priority but unavailable. */
@AutoService(EventLoopProvider.class)
public final class UnavailableProvider implements EventLoopProvider {

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public int priority() {
        return 500;
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

package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: registers the name twin, as TwinOneProvider does. */
@AutoService(EventLoopProvider.class)
public final class TwinTwoProvider implements EventLoopProvider {

    @Override
    public String name() {
        return "twin";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("tcp");
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

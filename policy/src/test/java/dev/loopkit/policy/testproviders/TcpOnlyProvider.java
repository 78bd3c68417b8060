package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: healthy but lacks udp; loses the tie by name. */
@AutoService(EventLoopProvider.class)
public final class TcpOnlyProvider implements EventLoopProvider {

    @Override
    public String name() {
        return "tcp-only";
    }

    @Override
    public int priority() {
        return 100;
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

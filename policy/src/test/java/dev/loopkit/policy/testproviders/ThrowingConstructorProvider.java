package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** Test provider: its constructor throws. */
@AutoService(EventLoopProvider.class)
public final class ThrowingConstructorProvider implements EventLoopProvider {

    /** Always throws, as a provider whose native library is missing might. */
    public ThrowingConstructorProvider() {
        throw new IllegalStateException("no native library");
    }

    @Override
    public String name() {
        return "never-named";
    }

    @Override
    public int priority() {
        return 600;
    }

    @Override
    public Set<String> capabilities() {
        return Set.of();
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

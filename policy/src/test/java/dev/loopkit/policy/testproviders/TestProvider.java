package dev.loopkit.policy.testproviders;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** A test vendor's provider: a name, a priority, capabilities, and small working loops. */
abstract class TestProvider implements EventLoopProvider {

    private final String name;
    private final int priority;
    private final Set<String> capabilities;

    TestProvider(String name, int priority, String... capabilities) {
        this.name = name;
        this.priority = priority;
        this.capabilities = Set.of(capabilities);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

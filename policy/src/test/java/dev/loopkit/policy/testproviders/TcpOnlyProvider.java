package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: healthy but lacks udp; loses the tie by name. */
@AutoService(EventLoopProvider.class)
public final class TcpOnlyProvider extends TestProvider {

    public TcpOnlyProvider() {
        super("tcp-only", 100, "tcp");
    }
}

package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: registers the name twin, as TwinOneProvider does. */
@AutoService(EventLoopProvider.class)
public final class TwinTwoProvider extends TestProvider {

    public TwinTwoProvider() {
        super("twin", 10, "tcp");
    }
}

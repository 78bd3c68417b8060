package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: registers the name twin, as TwinTwoProvider does. */
@AutoService(EventLoopProvider.class)
public final class TwinOneProvider extends TestProvider {

    public TwinOneProvider() {
        super("twin", 10, "tcp");
    }
}

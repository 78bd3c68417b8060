package dev.loopkit.policy.testproviders;

import com.google.auto.service.AutoService;
import dev.loopkit.spi.EventLoopProvider;

/** Test provider: its constructor throws, as one whose native library is missing might. */
@AutoService(EventLoopProvider.class)
public final class ThrowingConstructorProvider extends TestProvider {

    public ThrowingConstructorProvider() {
        super("never-named", 600);
        throw new IllegalStateException("no native library");
    }
}

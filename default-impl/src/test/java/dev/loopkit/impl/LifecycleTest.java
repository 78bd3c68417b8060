package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest extends LoopTestSupport {

    @Test
    void closeTwiceIsANoOpAndReleasesTheSelector() {
        assertTrue(loop.selector().isOpen());
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
        assertFalse(loop.selector().isOpen());
    }

    @Test
    void anInterruptStopsTheLoopAndStaysSet() {
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            ran.add("interrupting");
            Thread.currentThread().interrupt();
        });
        loop.callLater(Duration.ofHours(1), () -> ran.add("never"));
        loop.runForever();
        assertTrue(Thread.interrupted(), "the interrupt status was swallowed");
        assertEquals(List.of("interrupting"), ran);
        assertFalse(loop.isRunning());
    }
}

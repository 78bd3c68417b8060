package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Future;
import dev.loopkit.api.InvalidStateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FutureTest extends LoopTestSupport {

    @Test
    void doneCallbacksAreScheduledNeverRunInline() {
        Future<String> future = loop.createFuture();
        List<String> seen = new ArrayList<>();
        future.addDoneCallback(f -> seen.add("first " + f.result()));
        future.addDoneCallback(f -> seen.add("second " + f.result()));
        future.setResult("x");
        assertEquals(List.of(), seen, "callbacks ran inline");
        runOnce(loop);
        assertEquals(List.of("first x", "second x"), seen);
    }

    @Test
    void aCallbackAddedToADoneFutureIsScheduled() {
        Future<String> future = loop.createFuture();
        future.setResult("x");
        List<String> seen = new ArrayList<>();
        future.addDoneCallback(f -> seen.add(f.result()));
        assertEquals(List.of(), seen);
        runOnce(loop);
        assertEquals(List.of("x"), seen);
    }

    @Test
    void removeDoneCallbackReturnsHowManyWereRemoved() {
        Future<String> future = loop.createFuture();
        List<String> seen = new ArrayList<>();
        Consumer<Future<String>> twice = f -> seen.add("twice");
        future.addDoneCallback(twice);
        future.addDoneCallback(f -> seen.add("other"));
        future.addDoneCallback(twice);
        assertEquals(2, future.removeDoneCallback(twice));
        assertEquals(0, future.removeDoneCallback(twice));
        future.setResult("x");
        runOnce(loop);
        assertEquals(List.of("other"), seen);
    }

    @Test
    void aPendingFutureHasNoResultYet() {
        Future<String> future = loop.createFuture();
        assertFalse(future.done());
        assertEquals("Result is not set.", assertThrows(InvalidStateException.class, future::result).getMessage());
        assertEquals("Exception is not set.",
                assertThrows(InvalidStateException.class, future::exception).getMessage());
    }

    @Test
    void cancelCarriesItsMessage() {
        Future<String> future = loop.createFuture();
        assertTrue(future.cancel("no longer needed"));
        assertFalse(future.cancel("again"));
        assertTrue(future.cancelled());
        assertTrue(future.done());
        assertEquals("no longer needed", assertThrows(CancelledException.class, future::result).getMessage());
        assertEquals("no longer needed", assertThrows(CancelledException.class, future::exception).getMessage());
        assertNull(assertThrows(CancelledException.class, () -> {
            Future<String> plain = loop.createFuture();
            plain.cancel();
            plain.result();
        }).getMessage());
    }

    @Test
    void aFailedFutureRethrowsUncheckedAsIsAndWrapsChecked() {
        Future<String> unchecked = loop.createFuture();
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        unchecked.setException(boom);
        assertSame(boom, assertThrows(IllegalArgumentException.class, unchecked::result));
        assertSame(boom, unchecked.exception());

        Future<String> checked = loop.createFuture();
        IOException io = new IOException("io");
        checked.setException(io);
        assertSame(io, assertThrows(CompletionException.class, checked::result).getCause());
        assertSame(io, checked.exception());
    }

    @Test
    void aDoneFutureCannotBeCompletedAgain() {
        Future<String> future = loop.createFuture();
        future.setResult("first");
        assertThrows(InvalidStateException.class, () -> future.setResult("second"));
        assertThrows(InvalidStateException.class, () -> future.setException(new RuntimeException()));
        assertFalse(future.cancel());
        assertEquals("first", future.result());
        assertThrows(NullPointerException.class, () -> loop.createFuture().setException(null));
    }

    @Test
    void aCancelledFutureRunsItsCallbacks() {
        Future<String> future = loop.createFuture();
        List<Boolean> seen = new ArrayList<>();
        future.addDoneCallback(f -> seen.add(f.cancelled()));
        future.cancel();
        runOnce(loop);
        assertEquals(List.of(true), seen);
        assertInstanceOf(dev.loopkit.spi.BuiltinFuture.class, future);
        assertSame(loop, future.getLoop());
    }
}

package dev.loopkit.tck.broken;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.spi.BuiltinFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A built-in future with one defect: {@link Defect#INLINE_CALLBACKS} runs done callbacks inline
 * instead of scheduling them; {@link Defect#COMPLETES_TWICE} silently accepts a second result;
 * {@link Defect#FORGETS_RETRIEVAL} answers result() and exception() from a copy of its own, so the
 * loop never learns that the exception was read; {@link Defect#OPAQUE_TO_STRING} prints no state.
 */
final class DefectiveFuture<T> extends BuiltinFuture<T> {

    /** The defect. */
    enum Defect { INLINE_CALLBACKS, COMPLETES_TWICE, FORGETS_RETRIEVAL, OPAQUE_TO_STRING }

    private final Defect defect;
    private final boolean inlineCallbacks;
    private Throwable failure;
    private final List<Consumer<? super Future<T>>> callbacks = new ArrayList<>();

    DefectiveFuture(EventLoop loop, Defect defect) {
        super(loop);
        this.defect = defect;
        this.inlineCallbacks = defect == Defect.INLINE_CALLBACKS;
    }

    @Override
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (!inlineCallbacks) {
            super.addDoneCallback(callback);
        } else if (done()) {
            callback.accept(this);
        } else {
            callbacks.add(callback);
        }
    }

    @Override
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        int before = callbacks.size();
        callbacks.removeIf(callback::equals);
        return before - callbacks.size() + super.removeDoneCallback(callback);
    }

    @Override
    public void setResult(T value) {
        if (done() && defect == Defect.COMPLETES_TWICE) {
            return;
        }
        super.setResult(value);
        runInline();
    }

    @Override
    public void setException(Throwable failure) {
        if (done() && defect == Defect.COMPLETES_TWICE) {
            return;
        }
        super.setException(failure);
        this.failure = failure;
        runInline();
    }

    @Override
    public T result() {
        if (defect == Defect.FORGETS_RETRIEVAL && failure != null) {
            throw failure instanceof RuntimeException e ? e : new CompletionException(failure);
        }
        return super.result();
    }

    @Override
    public Throwable exception() {
        return defect == Defect.FORGETS_RETRIEVAL && failure != null ? failure : super.exception();
    }

    @Override
    public String toString() {
        return defect == Defect.OPAQUE_TO_STRING ? "DefectiveFuture@" + Integer.toHexString(hashCode())
                : super.toString();
    }

    @Override
    public boolean cancel(String message) {
        boolean cancelled = super.cancel(message);
        runInline();
        return cancelled;
    }

    private void runInline() {
        List<Consumer<? super Future<T>>> toRun = List.copyOf(callbacks);
        callbacks.clear();
        toRun.forEach(callback -> callback.accept(this));
    }
}

package dev.loopkit.tck.broken;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.spi.BuiltinFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A built-in future with one defect: {@link Defect#INLINE_CALLBACKS} runs done callbacks inline
 * instead of scheduling them; {@link Defect#COMPLETES_TWICE} silently accepts a second result.
 */
final class DefectiveFuture<T> extends BuiltinFuture<T> {

    /** The defect. */
    enum Defect { INLINE_CALLBACKS, COMPLETES_TWICE }

    private final boolean inlineCallbacks;
    private final List<Consumer<? super Future<T>>> callbacks = new ArrayList<>();

    DefectiveFuture(EventLoop loop, Defect defect) {
        super(loop);
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
        if (done() && !inlineCallbacks) {
            return;
        }
        super.setResult(value);
        runInline();
    }

    @Override
    public void setException(Throwable failure) {
        if (done() && !inlineCallbacks) {
            return;
        }
        super.setException(failure);
        runInline();
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

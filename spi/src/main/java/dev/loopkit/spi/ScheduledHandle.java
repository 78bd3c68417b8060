package dev.loopkit.spi;

import dev.loopkit.api.Context;
import dev.loopkit.api.TimerHandle;

/** A callback in a {@link BaseEventLoop}'s {@link TimerQueue}, due at {@link #when()}. */
final class ScheduledHandle extends CallbackHandle implements TimerHandle, Comparable<ScheduledHandle> {

    private final long when;
    private final long sequence;
    /** True while the handle sits in the timer queue's heap. Loop thread only. */
    boolean queued;

    ScheduledHandle(BaseEventLoop loop, Runnable callback, Context context, long when, long sequence) {
        super(loop, callback, context);
        this.when = when;
        this.sequence = sequence;
    }

    @Override
    public long when() {
        return when;
    }

    @Override
    void onCancelled() {
        if (queued) {
            loop.timers().cancelledInQueue();
        }
    }

    /** Orders by due time, then by scheduling order, so equal times run FIFO. */
    @Override
    public int compareTo(ScheduledHandle other) {
        int byTime = Long.compare(when, other.when);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "ScheduledHandle[when=" + when + ", " + describeCallback() + "]";
    }
}

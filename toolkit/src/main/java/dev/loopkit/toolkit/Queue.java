/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.Future;
import java.util.ArrayDeque;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A first-in, first-out queue for coroutines (asyncio's {@code Queue}, with 3.13's
 * {@code shutdown}), step by step as {@code queues.py}. {@link #put} waits while the queue is full,
 * {@link #get} while it is empty; waiters are woken one at a time, in the order they came. A waiter
 * cancelled at any step never takes an item or a free slot with it: if it was woken just before
 * its cancellation, it wakes the next waiter in its place.
 *
 * <p>Thread-safety: loop thread only (from another thread, go through
 * {@code loop.callSoonThreadsafe}); bound to the loop of its first waiter.
 *
 * @param <T> the type of the items
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class Queue<T> {

    private final int maxsize;
    /** java.util's queue, named in full because this class has asyncio's name. */
    private final java.util.Queue<T> items;
    private final LoopBinding binding = new LoopBinding(this);
    private final Waiters<Void> getters = new Waiters<>();
    private final Waiters<Void> putters = new Waiters<>();
    private final Event finished = new Event();
    private int unfinishedTasks;
    private boolean shutDown;

    /**
     * Creates a queue of at most {@code maxsize} items.
     *
     * @param maxsize the bound, or 0 (or less) for none
     */
    public Queue(int maxsize) {
        this(maxsize, new ArrayDeque<>());
    }

    /** Creates an unbounded queue. */
    public Queue() {
        this(0);
    }

    Queue(int maxsize, java.util.Queue<T> items) {
        this.maxsize = maxsize;
        this.items = items;
        finished.set();
    }

    /**
     * Returns how many items it holds.
     *
     * @return the number of items
     */
    public int qsize() {
        return items.size();
    }

    /**
     * Returns the bound it was made with.
     *
     * @return the bound, 0 or less for none
     */
    public int maxsize() {
        return maxsize;
    }

    /**
     * Returns whether it holds no item.
     *
     * @return true if empty
     */
    public boolean empty() {
        return items.isEmpty();
    }

    /**
     * Returns whether it holds {@link #maxsize()} items (never, for an unbounded queue).
     *
     * @return true if full
     */
    public boolean full() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Puts {@code item} in, waiting while the queue is full.
     *
     * @param item the item; never null
     * @throws QueueShutDownException if the queue is shut down, before or while waiting
     */
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        while (full()) {
            if (shutDown) {
                throw shutDownError("put");
            }
            Future<Void> putter = putters.join(binding.loop());
            try {
                putters.awaitTurn(putter);
            } catch (RuntimeException | Error e) {
                putter.cancel();
                if (!full() && !putter.cancelled()) {
                    putters.wakeNext(null); // woken for a free slot it will not take: pass it on
                }
                throw e;
            }
        }
        putNowait(item);
    }

    /**
     * Puts {@code item} in if there is room, without waiting.
     *
     * @param item the item; never null
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        if (shutDown) {
            throw shutDownError("put");
        }
        if (full()) {
            throw new QueueFullException("the queue holds its maxsize of " + maxsize + " items: put() waits for room");
        }
        items.add(item);
        unfinishedTasks++;
        finished.clear();
        getters.wakeNext(null);
    }

    /**
     * Takes the next item out, waiting while the queue is empty.
     *
     * @return the item
     * @throws QueueShutDownException if the queue is shut down and empty, before or while waiting
     */
    public T get() {
        while (empty()) {
            if (shutDown) {
                throw shutDownError("get");
            }
            Future<Void> getter = getters.join(binding.loop());
            try {
                getters.awaitTurn(getter);
            } catch (RuntimeException | Error e) {
                getter.cancel();
                if (!empty() && !getter.cancelled()) {
                    getters.wakeNext(null); // woken for an item it will not take: pass it on
                }
                throw e;
            }
        }
        return getNowait();
    }

    /**
     * Takes the next item out if there is one, without waiting.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public T getNowait() {
        if (empty()) {
            if (shutDown) {
                throw shutDownError("get");
            }
            throw new QueueEmptyException("the queue is empty: get() waits for an item");
        }
        T item = items.remove();
        putters.wakeNext(null);
        return item;
    }

    /**
     * Says that an item taken out has been dealt with; {@link #join()} returns once every item put
     * in has been.
     *
     * @throws IllegalStateException if called more times than items were put in
     */
    public void taskDone() {
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called too many times: once per item taken out");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /** Waits until every item put in has been taken out and marked with {@link #taskDone()}. */
    public void join() {
        if (unfinishedTasks > 0) {
            finished.await();
        }
    }

    /**
     * Shuts the queue down (asyncio 3.13): puts fail from now on, and so do gets once the queue is
     * empty; every waiter wakes up to find out. {@code immediate} also drops the items still in it
     * (each counts as done for {@link #join()}), so gets fail at once.
     *
     * @param immediate whether to drop the items left
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (!empty()) {
                items.remove();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        getters.wakeAll(null);
        putters.wakeAll(null);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[maxsize=" + maxsize + ", items=" + items.size()
                + getters.describe("getters") + putters.describe("putters")
                + (unfinishedTasks == 0 ? "" : ", tasks=" + unfinishedTasks) + (shutDown ? ", shut down" : "") + "]";
    }

    private QueueShutDownException shutDownError(String operation) {
        return new QueueShutDownException(operation + "() on a queue that was shut down"
                + (operation.equals("get") ? " and is empty" : ""));
    }
}

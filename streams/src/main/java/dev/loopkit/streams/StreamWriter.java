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
package dev.loopkit.streams;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Writes to a stream connection (asyncio's {@code StreamWriter}); made by {@link Streams}. Writes
 * never block; {@link #drain()} is how a writer honours backpressure. Loop thread only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StreamWriter {

    private final EventLoop loop;
    private final Transport transport;
    private final Future<Void> closed;
    private final List<Future<Void>> drainWaiters = new ArrayList<>();
    private boolean paused;
    private Throwable lostWith;

    StreamWriter(EventLoop loop, Transport transport) {
        this.loop = loop;
        this.transport = transport;
        this.closed = loop.createFuture();
    }

    /**
     * Sends {@code data} (buffered if the socket cannot take it at once).
     *
     * @param data the bytes; never null
     */
    public void write(byte[] data) {
        transport.write(ByteBuffer.wrap(Objects.requireNonNull(data, "data")));
    }

    /**
     * Sends the remaining bytes of {@code data}.
     *
     * @param data the bytes, from its position to its limit; never null
     */
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    /**
     * Returns a future that completes when it is fine to write again: at once unless the
     * transport's buffer is above its high water mark.
     *
     * @return a future of the loop; fails if the connection was lost with an error
     */
    public Future<Void> drain() {
        Future<Void> ready = loop.createFuture();
        if (lostWith != null) {
            ready.setException(lostWith);
        } else if (paused && !closed.done()) {
            drainWaiters.add(ready);
        } else {
            ready.setResult(null);
        }
        return ready;
    }

    /** Closes the sending side after the buffered data (half-close). */
    public void writeEof() {
        transport.writeEof();
    }

    /** Closes the connection once buffered data is sent. */
    public void close() {
        transport.close();
    }

    /** {@return a future that completes once the connection is closed} */
    public Future<Void> waitClosed() {
        return closed;
    }

    /** {@return the underlying transport} */
    public Transport transport() {
        return transport;
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        releaseWaiters(null);
    }

    void lost(Throwable cause) {
        lostWith = cause;
        releaseWaiters(cause);
        if (!closed.done()) {
            closed.setResult(null);
        }
    }

    private void releaseWaiters(Throwable cause) {
        List<Future<Void>> waiting = List.copyOf(drainWaiters);
        drainWaiters.clear();
        for (Future<Void> waiter : waiting) {
            if (waiter.done()) {
                continue;
            }
            if (cause != null) {
                waiter.setException(cause);
            } else {
                waiter.setResult(null);
            }
        }
    }
}

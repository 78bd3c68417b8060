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
package dev.loopkit.spi;

import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A child's standard input (asyncio's {@code _UnixWritePipeTransport}): writes are copied into a
 * queue that a thread drains into the blocking pipe, telling the loop thread what it wrote, so the
 * write buffer and its water marks (64/16 KiB, pausing and resuming the child's protocol) work as a
 * socket's do. {@link #writeEof()} and {@link #close()} close the pipe once the queue is drained.
 * A child that exits without reading breaks the pipe: the rest is dropped and the protocol gets
 * {@code pipeConnectionLost(0, cause)}. The reading side refuses. Loop thread only, but for the
 * writing thread.
 */
final class PipeWriter implements Transport {

    /** Queued after the last chunk: close the pipe. */
    private static final byte[] END = new byte[0];

    private final ProcessTransport owner;
    private final OutputStream out;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private int buffered;
    private int highWater = 64 * 1024;
    private int lowWater = 16 * 1024;
    private boolean writingPaused;
    private boolean closing;
    private boolean lost;

    PipeWriter(ProcessTransport owner, OutputStream out) {
        this.owner = owner;
        this.out = out;
    }

    void start(String name) {
        Thread.ofPlatform().name(name).daemon().start(this::writeUntilEnd);
    }

    /** The writing thread: writes each queued chunk, then closes the pipe at the end marker. */
    private void writeUntilEnd() {
        Throwable cause = null;
        try {
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                out.write(chunk);
                out.flush();
                int written = chunk.length;
                owner.post(() -> drained(written));
            }
        } catch (IOException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                // a broken pipe is reported already, or the child is gone
            }
        }
        Throwable why = cause;
        owner.post(() -> lose(why));
    }

    private void drained(int count) {
        buffered -= count;
        if (writingPaused && buffered <= lowWater) {
            writingPaused = false;
            owner.call("resumeWriting", () -> owner.protocol().resumeWriting());
        }
    }

    private void lose(Throwable cause) {
        if (!lost) {
            lost = true;
            closing = true;
            buffered = 0;
            owner.pipeLost(0, cause);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (closing) {
            throw new IllegalStateException("write() on the child's closing stdin: it was closed or its writeEof() called");
        }
        if (!data.hasRemaining()) {
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        buffered += copy.length;
        queue.add(copy);
        if (!writingPaused && buffered > highWater) {
            writingPaused = true;
            owner.call("pauseWriting", () -> owner.protocol().pauseWriting());
        }
    }

    /** Closes the pipe once what is queued is written: the child reads end of file. */
    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (!closing) {
            closing = true;
            queue.add(END);
        }
    }

    /** Drops what is queued and closes the pipe. */
    @Override
    public void abort() {
        closing = true;
        queue.clear();
        queue.add(END);
    }

    /** The loop is closing: end the thread without telling the protocol. */
    void closeForShutdown() {
        lost = true;
        abort();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        throw new UnsupportedOperationException("fd 0 is the child's input: write to it, read fd 1 or 2");
    }

    @Override
    public void resumeReading() {
        throw new UnsupportedOperationException("fd 0 is the child's input: write to it, read fd 1 or 2");
    }

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        SocketTransport.requireWaterMarks(high, low);
        highWater = high;
        lowWater = low;
    }

    @Override
    public int getWriteBufferSize() {
        return buffered;
    }

    /** The pipe's protocol is the child's; see {@link ProcessTransport#getProtocol()}. */
    @Override
    public Protocol getProtocol() {
        return null;
    }

    @Override
    public Object getExtraInfo(String name) {
        Objects.requireNonNull(name, "name");
        return name.equals("pipe") ? out : null;
    }

    @Override
    public String toString() {
        return "PipeWriter[fd=0, " + owner + "]";
    }
}

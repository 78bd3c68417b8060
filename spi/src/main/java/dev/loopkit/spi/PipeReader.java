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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A child's standard output or error (asyncio's {@code _UnixReadPipeTransport}): a thread reads the
 * blocking pipe and hands each chunk to the loop thread, which gives it to the child's protocol.
 * Pausing stops the thread before its next read, so a child that writes faster than the protocol
 * reads is held back by the pipe, never by memory. The writing side refuses. Loop thread only,
 * but for the reading thread.
 */
final class PipeReader implements Transport {

    private static final int CHUNK = 64 * 1024;

    private final ProcessTransport owner;
    private final int fd;
    private final InputStream in;
    private final Object gate = new Object();
    /** Shared with the reading thread, under {@code gate}. */
    private boolean paused;
    private volatile boolean closing;
    private boolean lost;

    PipeReader(ProcessTransport owner, int fd, InputStream in) {
        this.owner = owner;
        this.fd = fd;
        this.in = in;
    }

    void start(String name) {
        Thread.ofPlatform().name(name).daemon().start(this::readUntilEnd);
    }

    /** The reading thread: reads until end of file, an error or close, each chunk passed to the loop. */
    private void readUntilEnd() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (true) {
                synchronized (gate) {
                    while (paused && !closing) {
                        gate.wait();
                    }
                }
                if (closing) {
                    return;
                }
                int count = in.read(buffer);
                if (count < 0) {
                    owner.post(() -> lose(null));
                    return;
                }
                byte[] chunk = Arrays.copyOf(buffer, count);
                if (!owner.post(() -> deliver(chunk))) {
                    return;
                }
            }
        } catch (IOException e) {
            owner.post(() -> lose(closing ? null : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeStream();
        }
    }

    private void deliver(byte[] chunk) {
        if (!closing) {
            owner.call("pipeDataReceived", () -> owner.protocol().pipeDataReceived(fd, ByteBuffer.wrap(chunk)));
        }
    }

    private void lose(Throwable cause) {
        if (!lost) {
            lost = true;
            owner.pipeLost(fd, cause);
        }
    }

    /** The loop is closing: stop the thread and close the stream without telling the protocol. */
    void closeForShutdown() {
        closing = true;
        lost = true;
        wake();
        closeStream();
    }

    private void closeStream() {
        try {
            in.close();
        } catch (IOException e) {
            // the stream is gone either way
        }
    }

    private void wake() {
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        throw new UnsupportedOperationException("fd " + fd + " is the child's output: read it, write to fd 0");
    }

    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("fd " + fd + " is the child's output: it has no writing side");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    /** Stops reading and closes the pipe; the protocol gets {@code pipeConnectionLost(fd, null)}. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        wake();
        owner.loop().callSoon(() -> lose(null));
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        synchronized (gate) {
            paused = true;
        }
    }

    @Override
    public void resumeReading() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    @Override
    public boolean isReading() {
        synchronized (gate) {
            return !paused && !closing;
        }
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        throw new UnsupportedOperationException("fd " + fd + " is the child's output: it has no write buffer");
    }

    @Override
    public int getWriteBufferSize() {
        return 0;
    }

    /** The pipe's protocol is the child's; see {@link ProcessTransport#getProtocol()}. */
    @Override
    public Protocol getProtocol() {
        return null;
    }

    @Override
    public Object getExtraInfo(String name) {
        Objects.requireNonNull(name, "name");
        return name.equals("pipe") ? in : null;
    }

    @Override
    public String toString() {
        return "PipeReader[fd=" + fd + ", " + owner + "]";
    }
}

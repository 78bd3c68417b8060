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

import dev.loopkit.api.Async;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Reads a stream connection's bytes as they arrive (asyncio's {@code StreamReader}); made by
 * {@link Streams}. Every read returns a future of the loop to {@link Async#await}. Loop thread only;
 * one read at a time.
 *
 * <p>Flow control: when more than twice the limit is buffered the transport stops reading, and
 * reads again once the buffer is back under the limit, or as soon as a read waits for more than is
 * buffered (asyncio's {@code _wait_for_data}), so that no read can wait for data it has stopped.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StreamReader {

    /** The default buffer limit, 64 KiB, as asyncio's. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    private final EventLoop loop;
    private final int limit;
    private byte[] buffer = new byte[1024];
    private int length;
    private boolean eof;
    private Throwable failure;
    private Transport transport;
    private boolean readingPaused;
    private PendingRead pending;
    private Future<byte[]> current;

    /** A read waiting for data: tries to complete on every change of the buffer. */
    private interface PendingRead {
        /** Returns true once it completed its future. */
        boolean attempt();
    }

    StreamReader(EventLoop loop, int limit) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.limit = limit;
    }

    /**
     * Reads up to {@code n} bytes, or everything until the end when {@code n} is -1. Completes with
     * at least one byte, or with an empty array at the end of the stream.
     *
     * @param n how many bytes at most, or -1
     * @return a future of the loop with the bytes
     */
    public Future<byte[]> read(int n) {
        if (n < -1) {
            throw new IllegalArgumentException("n must be -1 or more, got " + n);
        }
        if (n == -1) {
            // Take what arrives as it arrives, so flow control keeps the transport reading.
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            return start(result -> {
                all.writeBytes(take(length));
                if (eof) {
                    result.setResult(all.toByteArray());
                    return true;
                }
                return false;
            });
        }
        return start(result -> {
            if (n == 0) {
                result.setResult(new byte[0]);
            } else if (length > 0 || eof) {
                result.setResult(take(Math.min(n, length)));
            } else {
                return false;
            }
            return true;
        });
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many; zero or more
     * @return a future of the loop with the bytes; fails with {@link IncompleteReadException} if
     *     the stream ends first
     */
    public Future<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, got " + n);
        }
        return start(result -> {
            if (length >= n) {
                result.setResult(take(n));
            } else if (eof) {
                result.setException(new IncompleteReadException(take(length), n));
            } else {
                return false;
            }
            return true;
        });
    }

    /**
     * Reads up to and including {@code separator}.
     *
     * @param separator the bytes that end the read; not empty
     * @return a future of the loop with the bytes; fails with {@link LimitOverrunException} if the
     *     separator is not within the limit, or {@link IncompleteReadException} at the end
     */
    public Future<byte[]> readUntil(byte[] separator) {
        Objects.requireNonNull(separator, "separator");
        if (separator.length == 0) {
            throw new IllegalArgumentException("separator must not be empty");
        }
        byte[] sep = separator.clone();
        return start(result -> {
            int at = indexOf(sep);
            if (at >= 0 && at + sep.length <= limit) {
                result.setResult(take(at + sep.length));
            } else if (at >= 0 || length > limit) {
                result.setException(new LimitOverrunException(at >= 0
                        ? "Separator is found, but chunk is longer than limit"
                        : "Separator is not found, and chunk exceed the limit", at >= 0 ? at : length));
            } else if (eof) {
                result.setException(new IncompleteReadException(take(length), -1));
            } else {
                return false;
            }
            return true;
        });
    }

    /**
     * Reads one line, up to and including {@code '\n'}; at the end of the stream, what is left
     * (possibly empty).
     *
     * @return a future of the loop with the line's bytes; fails with {@link LimitOverrunException}
     *     for a line longer than the limit (the line is then dropped)
     */
    public Future<byte[]> readLine() {
        Future<byte[]> line = loop.createFuture();
        Future<byte[]> untilNewline = readUntil(new byte[] {'\n'});
        line.addDoneCallback(l -> {
            if (l.cancelled()) {
                untilNewline.cancel();
            }
        });
        untilNewline.addDoneCallback(done -> {
            if (line.done()) {
                return;
            }
            Throwable error = done.cancelled() ? null : done.exception();
            if (done.cancelled()) {
                line.cancel();
            } else if (error instanceof IncompleteReadException incomplete) {
                line.setResult(incomplete.partial());
            } else if (error instanceof LimitOverrunException overrun) {
                take(Math.min(length, overrun.consumed() + (indexOf(new byte[] {'\n'}) >= 0 ? 1 : 0)));
                line.setException(overrun);
            } else if (error != null) {
                line.setException(error);
            } else {
                line.setResult(done.result());
            }
        });
        return line;
    }

    /** {@return true once the stream ended and everything buffered was read} */
    public boolean atEof() {
        return eof && length == 0;
    }

    void setTransport(Transport target) {
        this.transport = target;
    }

    void feedData(ByteBuffer data) {
        int count = data.remaining();
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        data.get(buffer, length, count);
        length += count;
        if (transport != null && !readingPaused && length > 2L * limit) {
            readingPaused = true;
            transport.pauseReading();
        }
        wakeUp();
    }

    void feedEof() {
        eof = true;
        wakeUp();
    }

    void setException(Throwable error) {
        failure = error;
        PendingRead waiting = pending;
        pending = null;
        if (waiting != null) {
            wakeUpWith(error);
        }
    }

    private Future<byte[]> start(Predicate<Future<byte[]>> step) {
        if (pending != null) {
            throw new IllegalStateException("a read is already waiting for data on this stream; read one at a time");
        }
        Future<byte[]> result = loop.createFuture();
        if (failure != null) {
            result.setException(failure);
            return result;
        }
        PendingRead read = () -> result.done() || step.test(result);
        if (!read.attempt()) {
            pending = read;
            current = result;
            resumeWhileWaiting();
            // A cancelled read (its task was cancelled, say) must not block the next one.
            result.addDoneCallback(done -> {
                if (done.cancelled() && current == done) {
                    pending = null;
                    current = null;
                }
            });
        }
        return result;
    }

    private void wakeUp() {
        PendingRead waiting = pending;
        if (waiting == null) {
            return;
        }
        if (waiting.attempt()) {
            pending = null;
            current = null;
        } else {
            resumeWhileWaiting();
        }
    }

    /** A read waits for more than is buffered: the transport must read, whatever the buffer's size. */
    private void resumeWhileWaiting() {
        if (readingPaused) {
            readingPaused = false;
            transport.resumeReading();
        }
    }

    private void wakeUpWith(Throwable error) {
        Future<byte[]> waiting = current;
        current = null;
        if (waiting != null && !waiting.done()) {
            waiting.setException(error);
        }
    }

    private byte[] take(int n) {
        byte[] out = Arrays.copyOf(buffer, n);
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
        if (readingPaused && length <= limit) {
            readingPaused = false;
            transport.resumeReading();
        }
        return out;
    }

    private int indexOf(byte[] separator) {
        outer:
        for (int i = 0; i + separator.length <= length; i++) {
            for (int j = 0; j < separator.length; j++) {
                if (buffer[i + j] != separator[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

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

import dev.loopkit.api.Future;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The {@code sock*} operations of a {@link ReadinessEventLoop}, built on its readiness hooks as
 * asyncio's {@code selector_events} builds {@code sock_*} on {@code _add_reader}: each tries the
 * non-blocking call at once and, if it could not finish, again whenever the channel is ready,
 * until its future is done or cancelled. The channel's checks are the caller's. Loop thread only.
 */
final class SocketOperations {

    private final ReadinessEventLoop loop;

    SocketOperations(ReadinessEventLoop loop) {
        this.loop = loop;
    }

    Future<Void> connect(SocketChannel channel, SocketAddress address) {
        Objects.requireNonNull(address, "address");
        BuiltinFuture<Void> done = loop.newFuture();
        try {
            if (channel.connect(address)) {
                done.setResult(null);
                return done;
            }
        } catch (IOException e) {
            done.setException(e);
            return done;
        }
        whenReady(channel, false, done, () -> {
            if (channel.finishConnect()) {
                done.setResult(null);
            }
        });
        return done;
    }

    Future<SocketChannel> accept(ServerSocketChannel channel) {
        BuiltinFuture<SocketChannel> accepted = loop.newFuture();
        IoStep attempt = () -> {
            SocketChannel client = channel.accept();
            if (client != null) {
                client.configureBlocking(false);
                accepted.setResult(client);
            }
        };
        runOrWait(channel, true, accepted, attempt);
        return accepted;
    }

    Future<Integer> recv(SocketChannel channel, ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        BuiltinFuture<Integer> received = loop.newFuture();
        IoStep attempt = () -> {
            int count = channel.read(buffer);
            if (count != 0 || !buffer.hasRemaining()) {
                received.setResult(count);
            }
        };
        runOrWait(channel, true, received, attempt);
        return received;
    }

    Future<Void> sendAll(SocketChannel channel, ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        BuiltinFuture<Void> sent = loop.newFuture();
        IoStep attempt = () -> {
            channel.write(data);
            if (!data.hasRemaining()) {
                sent.setResult(null);
            }
        };
        runOrWait(channel, false, sent, attempt);
        return sent;
    }

    /** One non-blocking attempt of a socket operation; completes its future when it succeeds. */
    @FunctionalInterface
    private interface IoStep {
        void attempt() throws IOException;
    }

    /** Tries {@code step} at once; if it could not finish, retries whenever the channel is ready. */
    private void runOrWait(SelectableChannel channel, boolean read, BuiltinFuture<?> future, IoStep step) {
        attempt(future, step);
        if (!future.done()) {
            whenReady(channel, read, future, step);
        }
    }

    /** Retries {@code step} on each readiness until {@code future} is done (or cancelled). */
    private void whenReady(SelectableChannel channel, boolean read, BuiltinFuture<?> future, IoStep step) {
        Runnable stopWatching = read ? () -> loop.unwatchReadable(channel) : () -> loop.unwatchWritable(channel);
        Runnable retry = () -> {
            if (!future.done()) {
                attempt(future, step);
            }
            if (future.done()) {
                stopWatching.run();
            }
        };
        if (read) {
            loop.watchReadable(channel, retry);
        } else {
            loop.watchWritable(channel, retry);
        }
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                stopWatching.run();
            }
        });
    }

    /**
     * One attempt; what it throws fails the future (a RuntimeException too, such as the
     * NotYetConnectedException of a recv on an unconnected socket: the hooks' callbacks never throw).
     */
    private static void attempt(BuiltinFuture<?> future, IoStep step) {
        try {
            step.attempt();
        } catch (IOException | RuntimeException e) {
            future.setException(e);
        }
    }
}

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
 * The {@code sock*} operations of a {@link BaseEventLoop}, built on its readiness callbacks as
 * asyncio's {@code selector_events} builds {@code sock_*} on {@code add_reader}: each tries the
 * non-blocking call at once and, if it could not finish, again whenever the channel is ready,
 * until its future is done or cancelled. Loop thread only.
 */
final class SocketOperations {

    private final BaseEventLoop loop;

    SocketOperations(BaseEventLoop loop) {
        this.loop = loop;
    }

    Future<Void> connect(SocketChannel channel, SocketAddress address) {
        BaseEventLoop.requireNonBlocking(channel);
        Objects.requireNonNull(address, "address");
        BuiltinFuture<Void> done = new BuiltinFuture<>(loop);
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
        BaseEventLoop.requireNonBlocking(channel);
        BuiltinFuture<SocketChannel> accepted = new BuiltinFuture<>(loop);
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
        BaseEventLoop.requireNonBlocking(channel);
        Objects.requireNonNull(buffer, "buffer");
        BuiltinFuture<Integer> received = new BuiltinFuture<>(loop);
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
        BaseEventLoop.requireNonBlocking(channel);
        Objects.requireNonNull(data, "data");
        BuiltinFuture<Void> sent = new BuiltinFuture<>(loop);
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
        Runnable stopWatching = read ? () -> loop.removeReader(channel) : () -> loop.removeWriter(channel);
        Runnable retry = () -> {
            if (!future.done()) {
                attempt(future, step);
            }
            if (future.done()) {
                stopWatching.run();
            }
        };
        if (read) {
            loop.addReader(channel, retry);
        } else {
            loop.addWriter(channel, retry);
        }
        future.addDoneCallback(f -> {
            if (f.cancelled()) {
                stopWatching.run();
            }
        });
    }

    private static void attempt(BuiltinFuture<?> future, IoStep step) {
        try {
            step.attempt();
        } catch (IOException e) {
            future.setException(e);
        }
    }
}

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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A server of a {@link LoopGroup}: one listening address whose connections are shared out among
 * the group's loops as its {@link Distribution} says. Each connection is served by one loop, on
 * that loop's thread, from the protocol factory's call on.
 *
 * <p>Thread-safety: every method may be called from any thread; {@link #close()} not from the
 * group's loops, whose part it waits for.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GroupServer implements AutoCloseable {

    /** How connections reach the loops of a group. */
    public enum Distribution {
        /**
         * Each loop listens on a socket of its own, all of them bound to the address with
         * {@code SO_REUSEPORT}, and the kernel spreads incoming connections among them (Linux by a
         * hash of each connection's addresses and ports: even on average, not one by one). No
         * thread besides the loops'.
         */
        REUSE_PORT,
        /**
         * One acceptor thread accepts every connection and hands them to the loops in turn
         * ({@link EventLoop#connectAcceptedSocket}): an exact round robin on any system, for a
         * thread hop per connection.
         */
        ACCEPTOR;

        /**
         * Returns {@link #REUSE_PORT} where this system has {@code SO_REUSEPORT} (Linux, the
         * BSDs, macOS), {@link #ACCEPTOR} elsewhere.
         *
         * @return the distribution to use here
         */
        public static Distribution best() {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                return probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT) ? REUSE_PORT : ACCEPTOR;
            } catch (IOException e) {
                return ACCEPTOR;
            }
        }
    }

    /** The listen backlog of each socket, as the loops' own servers have it. */
    private static final int BACKLOG = 1024;
    /** How long the acceptor rests after accept() failed (asyncio's ACCEPT_RETRY_DELAY). */
    private static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);
    /** How long close() waits for the acceptor thread, which ends as soon as its socket closes. */
    private static final Duration ACCEPTOR_END_TIMEOUT = Duration.ofSeconds(30);

    private final LoopGroup group;
    private final Supplier<? extends Protocol> protocolFactory;
    private final Distribution distribution;
    private final AtomicLongArray connections;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** {@link Distribution#REUSE_PORT}: each loop's server, in the group's order. */
    private final List<Server> servers = new ArrayList<>();
    /** {@link Distribution#ACCEPTOR}: the one listening socket, its thread, and its wake-up on close. */
    private ServerSocketChannel acceptorChannel;
    private Thread acceptor;
    private final CountDownLatch closing = new CountDownLatch(1);
    private InetSocketAddress address;

    private GroupServer(LoopGroup group, Supplier<? extends Protocol> protocolFactory, Distribution distribution) {
        this.group = group;
        this.protocolFactory = protocolFactory;
        this.distribution = distribution;
        this.connections = new AtomicLongArray(group.size());
    }

    /** Binds {@code address} and serves it on every loop of {@code group}; see {@link LoopGroup#createServer}. */
    static GroupServer open(LoopGroup group, Supplier<? extends Protocol> protocolFactory, InetSocketAddress address,
            Distribution distribution) throws IOException {
        GroupServer server = new GroupServer(group, protocolFactory, distribution);
        try {
            if (distribution == Distribution.REUSE_PORT) {
                server.serveOnEveryLoop(address);
            } else {
                server.startAcceptor(address);
            }
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void serveOnEveryLoop(InetSocketAddress requested) throws IOException {
        List<ServerSocketChannel> channels = new ArrayList<>();
        try {
            InetSocketAddress bindTo = requested;
            for (int i = 0; i < group.size(); i++) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                channels.add(channel);
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                try {
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                } catch (UnsupportedOperationException e) {
                    throw new UnsupportedOperationException("this system has no SO_REUSEPORT: use"
                            + " Distribution.ACCEPTOR, or Distribution.best()", e);
                }
                channel.bind(bindTo, BACKLOG);
                bindTo = (InetSocketAddress) channel.getLocalAddress(); // port 0: the others join the first's
            }
            address = bindTo;
        } catch (IOException | RuntimeException e) {
            channels.forEach(GroupServer::closeQuietly);
            throw e;
        }
        for (int i = 0; i < group.size(); i++) {
            ServerSocketChannel channel = channels.get(i);
            Supplier<Protocol> counted = counting(i);
            try {
                servers.add(group.awaitOn(group.loops().get(i), loop -> loop.createServer(counted, channel)));
            } catch (IOException | RuntimeException e) {
                channels.subList(i, channels.size()).forEach(GroupServer::closeQuietly);
                throw e;
            }
        }
    }

    private void startAcceptor(InetSocketAddress requested) throws IOException {
        acceptorChannel = ServerSocketChannel.open();
        acceptorChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        acceptorChannel.bind(requested, BACKLOG);
        address = (InetSocketAddress) acceptorChannel.getLocalAddress();
        acceptor = Thread.ofPlatform().daemon().name("loopkit-group-acceptor-" + address.getPort())
                .start(this::accept);
    }

    /** The acceptor thread: blocking accepts, each connection handed to the next loop in turn. */
    private void accept() {
        int next = 0;
        while (true) {
            SocketChannel accepted;
            try {
                accepted = acceptorChannel.accept();
            } catch (ClosedChannelException e) {
                return; // closed by close(), or while it waited (AsynchronousCloseException)
            } catch (IOException e) {
                // Out of file descriptors, say: accepting again at once would fail again at once.
                report(group.loops().get(next), "Error on accept() of group server " + address + "; accepting"
                        + " again in " + ACCEPT_RETRY_DELAY.toSeconds() + " s", e);
                if (rested()) {
                    continue;
                }
                return;
            }
            handOver(next, accepted);
            next = (next + 1) % group.size();
        }
    }

    /** Rests after a failed accept; false if the server closed meanwhile. */
    private boolean rested() {
        try {
            return !closing.await(ACCEPT_RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void handOver(int index, SocketChannel accepted) {
        EventLoop loop = group.loops().get(index);
        Supplier<Protocol> counted = counting(index);
        try {
            loop.callSoonThreadsafe(() -> {
                try {
                    loop.connectAcceptedSocket(counted, accepted).addDoneCallback(done -> {
                        if (!done.cancelled() && done.exception() != null) {
                            report(loop, "Cannot serve a connection that group server " + address + " handed over",
                                    done.exception());
                        }
                    });
                } catch (RuntimeException e) {
                    closeQuietly(accepted);
                    report(loop, "Cannot serve a connection that group server " + address + " handed over", e);
                }
            });
        } catch (IllegalStateException loopClosed) {
            closeQuietly(accepted); // the group is closing: nobody is left to serve it
        }
    }

    private static void report(EventLoop loop, String message, Throwable failure) {
        try {
            loop.callSoonThreadsafe(() -> loop.callExceptionHandler(ExceptionContext.of(message, failure)));
        } catch (IllegalStateException loopClosed) {
            // The group is closing; a failure now concerns nobody.
        }
    }

    /** The protocol factory, counting the connections of loop {@code index}. */
    private Supplier<Protocol> counting(int index) {
        return () -> {
            connections.incrementAndGet(index);
            return protocolFactory.get();
        };
    }

    /** {@return the address the server listens on, with the real port when 0 was asked for} */
    public InetSocketAddress address() {
        return address;
    }

    /** {@return how the server shares connections out} */
    public Distribution distribution() {
        return distribution;
    }

    /**
     * Returns how many connections each loop has been given so far, in the group's order.
     *
     * @return a new array, one count per loop
     */
    public long[] connectionsPerLoop() {
        long[] counts = new long[connections.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = connections.get(i);
        }
        return counts;
    }

    /**
     * Stops accepting connections and closes the listening sockets, waiting until each loop has
     * closed its own; open connections stay. Calling it again does nothing.
     *
     * @throws IllegalStateException if called on one of the group's loops, or a loop did not answer
     *     within 30 s
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        if (acceptorChannel != null) {
            closeQuietly(acceptorChannel);
            if (acceptor != null) {
                joinAcceptor();
            }
        }
        for (int i = 0; i < servers.size(); i++) {
            Server server = servers.get(i);
            try {
                group.awaitOn(group.loops().get(i), loop -> {
                    server.close();
                    return server.waitClosed();
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        group.closed(this);
    }

    /** A blocked accept() defers the real close of its socket until it returns: wait for it. */
    private void joinAcceptor() {
        try {
            if (!acceptor.join(ACCEPTOR_END_TIMEOUT)) {
                throw new IllegalStateException("the acceptor of group server " + address + " did not end within "
                        + ACCEPTOR_END_TIMEOUT.toSeconds() + " s of its socket closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    @Override
    public String toString() {
        return "GroupServer[" + address + ", " + distribution + ", " + group.size() + " loops"
                + (closed.get() ? ", closed" : "") + "]";
    }
}

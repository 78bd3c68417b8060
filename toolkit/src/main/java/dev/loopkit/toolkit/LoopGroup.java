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

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Several event loops, each running on a platform thread of its own, that serve one listening
 * address together: one loop per core is how an event-loop server uses a machine's cores (Netty's
 * {@code MultiThreadIoEventLoopGroup}; asyncio has no group, and an asyncio server gets the same
 * by running one process per core, each with {@code create_server(reuse_port=True)}).
 *
 * <p>The loops come from any provider whose loops support TCP: the group only asks them for
 * {@link EventLoop#createServer(Supplier, java.nio.channels.ServerSocketChannel)} and
 * {@link EventLoop#connectAcceptedSocket}; see {@link GroupServer} for how connections are
 * shared out. A connection stays on the loop that accepted it, so its protocol, like any
 * protocol, runs on one thread; state shared between connections of different loops needs the
 * usual care.
 *
 * <p>Thread-safety: every method may be called from any thread but the group's own loops
 * ({@link #createServer} and {@link #close()} wait for the loops, which would wait for
 * themselves).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LoopGroup implements AutoCloseable {

    /** How long the group waits for one of its loops to serve, stop or answer. */
    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(30);

    private final List<EventLoop> loops;
    private final List<Thread> threads = new ArrayList<>();
    private final List<GroupServer> servers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LoopGroup(List<EventLoop> loops) {
        this.loops = List.copyOf(loops);
    }

    /**
     * Makes {@code size} loops with {@code loopFactory} and runs each on a thread of its own
     * ({@code loopkit-group-0}, ...).
     *
     * @param size how many loops, at least 1; one per core is the usual choice
     *     ({@link Runtime#availableProcessors()})
     * @param loopFactory makes each loop, such as {@code Loops::newEventLoop}; never null, and
     *     never returning null
     * @return the running group
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    public static LoopGroup start(int size, Supplier<? extends EventLoop> loopFactory) {
        if (size < 1) {
            throw new IllegalArgumentException("a loop group needs at least one loop, got size " + size);
        }
        Objects.requireNonNull(loopFactory, "loopFactory");
        List<EventLoop> made = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                made.add(Objects.requireNonNull(loopFactory.get(), "the loop factory returned null"));
            }
        } catch (RuntimeException e) {
            made.forEach(EventLoop::close);
            throw e;
        }
        LoopGroup group = new LoopGroup(made);
        for (int i = 0; i < size; i++) {
            EventLoop loop = made.get(i);
            group.threads.add(Thread.ofPlatform().name("loopkit-group-" + i).start(loop::runForever));
        }
        return group;
    }

    /** {@return how many loops the group has} */
    public int size() {
        return loops.size();
    }

    /** {@return the group's loops, in the order of their threads' numbers} */
    public List<EventLoop> loops() {
        return loops;
    }

    /**
     * Serves {@code host}:{@code port} on every loop of the group, sharing connections out the
     * best way the system has ({@link GroupServer.Distribution#best()}).
     *
     * @param protocolFactory makes each connection's protocol, on the thread of the loop that
     *     serves it; never null
     * @param host the address to listen on, e.g. {@code "127.0.0.1"}; never null
     * @param port 0 to 65535 (0 picks a free port, see {@link GroupServer#address()})
     * @return the server, serving on every loop
     * @throws IOException if the address cannot be bound
     */
    public GroupServer createServer(Supplier<? extends Protocol> protocolFactory, String host, int port)
            throws IOException {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        return createServer(protocolFactory, new InetSocketAddress(host, port), GroupServer.Distribution.best());
    }

    /**
     * Serves {@code address} on every loop of the group, sharing connections out as
     * {@code distribution} says.
     *
     * @param protocolFactory makes each connection's protocol, on the thread of the loop that
     *     serves it; never null
     * @param address a resolved address to listen on (port 0 picks a free one); never null
     * @param distribution how connections reach the loops; never null
     * @return the server, serving on every loop
     * @throws IOException if the address cannot be bound
     * @throws IllegalArgumentException if the address is unresolved
     * @throws UnsupportedOperationException if {@code distribution} is
     *     {@link GroupServer.Distribution#REUSE_PORT} and this system has no {@code SO_REUSEPORT}
     * @throws IllegalStateException if the group is closed, or a loop did not start serving
     *     within 30 s
     */
    public GroupServer createServer(Supplier<? extends Protocol> protocolFactory, InetSocketAddress address,
            GroupServer.Distribution distribution) throws IOException {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(distribution, "distribution");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address
                    + ": pass a resolved one (e.g. new InetSocketAddress(\"127.0.0.1\", port))");
        }
        requireOutsideTheLoops("createServer");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the loop group is closed");
            }
            GroupServer server = GroupServer.open(this, protocolFactory, address, distribution);
            servers.add(server);
            return server;
        }
    }

    /**
     * Runs {@code call} on {@code loop}'s thread and waits for the future it returns.
     *
     * @throws IOException what the future failed with, if an IOException
     * @throws IllegalStateException if the loop did not answer within 30 s
     */
    <T> T awaitOn(EventLoop loop, Function<EventLoop, Future<T>> call) throws IOException {
        CompletableFuture<T> outcome = Futures.runCoroutineThreadsafe(
                Coroutines.of(() -> Async.await(call.apply(loop))), loop);
        try {
            return outcome.get(LOOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("loop " + loops.indexOf(loop) + " of the group failed: "
                        + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            outcome.cancel(false);
            throw new IllegalStateException("loop " + loops.indexOf(loop) + " of the group did not answer within "
                    + LOOP_TIMEOUT.toSeconds() + " s: a callback on it blocks its thread", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.cancel(false);
            throw new IllegalStateException("interrupted while waiting for loop " + loops.indexOf(loop)
                    + " of the group", e);
        }
    }

    /** Forgets a server that closed. */
    void closed(GroupServer server) {
        servers.remove(server);
    }

    /**
     * Closes the group's servers, stops every loop, waits for its thread to end and closes it.
     * Connections still open are closed with their loops. Calling it again does nothing.
     *
     * @throws IllegalStateException if a loop did not stop within 30 s (a callback blocks it); the
     *     loops that did stop are closed
     */
    @Override
    public void close() {
        requireOutsideTheLoops("close");
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // A server that cannot close must not keep the loops running: stop them all the same.
        RuntimeException serverFailure = null;
        for (GroupServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                serverFailure = serverFailure == null ? e : serverFailure;
            }
        }
        for (EventLoop loop : loops) {
            try {
                loop.callSoonThreadsafe(loop::stop);
            } catch (IllegalStateException closedAlready) {
                // Its thread has ended with its run; nothing to stop.
            }
        }
        List<Integer> stuck = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            if (joined(threads.get(i))) {
                loops.get(i).close();
            } else {
                stuck.add(i);
            }
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException("loops " + stuck + " of the group did not stop within "
                    + LOOP_TIMEOUT.toSeconds() + " s: a callback on each blocks its thread; they stay open",
                    serverFailure);
        }
        if (serverFailure != null) {
            throw serverFailure;
        }
    }

    private static boolean joined(Thread thread) {
        try {
            return thread.join(LOOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void requireOutsideTheLoops(String method) {
        EventLoops.findRunningLoop().filter(loops::contains).ifPresent(loop -> {
            throw new IllegalStateException(method + " waits for the group's loops: call it from a thread"
                    + " outside them, not from loop " + loops.indexOf(loop));
        });
    }

    @Override
    public String toString() {
        return "LoopGroup[" + loops.size() + " loops" + (closed ? ", closed" : "") + "]";
    }
}

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
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * An event loop: runs callbacks, timers, tasks and I/O on one thread (asyncio's
 * {@code AbstractEventLoop}). Application code gets one from the policy and never names a
 * vendor; loop vendors build on the SPI's {@code BaseEventLoop}.
 *
 * <p>Threading: a loop is single-threaded. Every callback, coroutine step and future callback runs
 * on the thread that runs the loop, one at a time. (That is usually the thread that called
 * {@link #runForever()}; a loop may instead run on a virtual thread of its own while the caller
 * waits, as the SPI's base loop does when coroutines cannot run inline.) Only {@link #callSoonThreadsafe(Runnable)} may
 * be called from other threads while the loop runs (and {@link #close()} once it no longer runs);
 * in debug mode other calls from a foreign thread fail fast.
 *
 * <p>Time is {@code long} nanoseconds of a monotonic clock ({@link #time()}); delays are
 * {@link Duration}s.
 */
@API(status = STABLE, since = "0.1")
public interface EventLoop extends AutoCloseable {

    // ---------------------------------------------------------------------------------------
    // Running and stopping the event loop

    /**
     * Runs the loop until {@link #stop()} is called, or until the thread running it is interrupted
     * (the loop then returns after the current iteration, leaving the interrupt status set).
     *
     * @throws IllegalStateException if the loop is closed ({@code "Event loop is closed"}), already
     *     running ({@code "This event loop is already running"}), or another loop runs on this thread
     *     ({@code "Cannot run the event loop while another loop is running"})
     */
    void runForever();

    /**
     * Runs the loop until {@code future} is done and returns its result.
     *
     * @param <T> the result type
     * @param future the future to wait for; it must belong to this loop
     * @return the future's result
     * @throws IllegalStateException as {@link #runForever()}, or if the loop was stopped before the
     *     future completed ({@code "Event loop stopped before Future completed."})
     * @throws CancelledException if the future was cancelled
     */
    <T> T runUntilComplete(Future<T> future);

    /**
     * Wraps {@code coroutine} in a task and runs the loop until the task is done.
     *
     * @param <T> the result type
     * @param coroutine the coroutine to run
     * @return the coroutine's result
     * @see #runUntilComplete(Future)
     */
    <T> T runUntilComplete(Coroutine<T> coroutine);

    /**
     * Stops the loop: a running loop finishes the callbacks of the current iteration and returns;
     * a loop that is not running runs one iteration at its next run and then stops.
     */
    void stop();

    /** {@return {@code true} while the loop runs} Thread-safe. */
    boolean isRunning();

    /** {@return {@code true} once the loop was closed} Thread-safe. */
    boolean isClosed();

    /**
     * Closes the loop: drops pending callbacks, shuts the default executor down without waiting,
     * and releases the I/O back end (selectors, threads). Closing a closed loop does nothing.
     *
     * @throws IllegalStateException if the loop is running ({@code "Cannot close a running event
     *     loop"})
     */
    @Override
    void close();

    // ---------------------------------------------------------------------------------------
    // Scheduling callbacks

    /**
     * Schedules {@code callback} to run on the next iteration, after the callbacks already
     * scheduled (FIFO), in a copy of the current {@link Context}. Loop thread only.
     *
     * @param callback the callback; never null
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    default Handle callSoon(Runnable callback) {
        return callSoon(callback, null);
    }

    /**
     * Like {@link #callSoon(Runnable)}, running {@code callback} in {@code context} (asyncio's
     * {@code context=}): what it sets there stays there.
     *
     * @param callback the callback; never null
     * @param context the context to run it in, or null for a copy of the current one
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    Handle callSoon(Runnable callback, Context context);

    /**
     * Like {@link #callSoon(Runnable)}, callable from any thread: wakes the loop if it is waiting
     * for I/O or a timer. The callback runs in a copy of the calling thread's current context.
     *
     * @param callback the callback; never null
     * @return a handle that can cancel it (on the loop thread)
     * @throws IllegalStateException if the loop is closed
     */
    default Handle callSoonThreadsafe(Runnable callback) {
        return callSoonThreadsafe(callback, null);
    }

    /**
     * Like {@link #callSoonThreadsafe(Runnable)}, running {@code callback} in {@code context}.
     *
     * @param callback the callback; never null
     * @param context the context to run it in, or null for a copy of the calling thread's
     * @return a handle that can cancel it (on the loop thread)
     * @throws IllegalStateException if the loop is closed
     */
    Handle callSoonThreadsafe(Runnable callback, Context context);

    /**
     * Schedules {@code callback} to run after {@code delay}, in a copy of the current context.
     * Callbacks due at the same time run in the order they were scheduled.
     *
     * @param delay how long to wait; zero or negative runs it on the next iteration
     * @param callback the callback; never null
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    default TimerHandle callLater(Duration delay, Runnable callback) {
        return callLater(delay, callback, null);
    }

    /**
     * Like {@link #callLater(Duration, Runnable)}, running {@code callback} in {@code context}.
     *
     * @param delay how long to wait; zero or negative runs it on the next iteration
     * @param callback the callback; never null
     * @param context the context to run it in, or null for a copy of the current one
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    TimerHandle callLater(Duration delay, Runnable callback, Context context);

    /**
     * Schedules {@code callback} to run at loop time {@code whenNanos} (see {@link #time()}), in a
     * copy of the current context.
     *
     * @param whenNanos the loop time at which to run it
     * @param callback the callback; never null
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    default TimerHandle callAt(long whenNanos, Runnable callback) {
        return callAt(whenNanos, callback, null);
    }

    /**
     * Like {@link #callAt(long, Runnable)}, running {@code callback} in {@code context}.
     *
     * @param whenNanos the loop time at which to run it
     * @param callback the callback; never null
     * @param context the context to run it in, or null for a copy of the current one
     * @return a handle that can cancel it
     * @throws IllegalStateException if the loop is closed
     */
    TimerHandle callAt(long whenNanos, Runnable callback, Context context);

    /** {@return the loop's monotonic clock in nanoseconds} Thread-safe. */
    long time();

    // ---------------------------------------------------------------------------------------
    // Futures and tasks

    /**
     * Creates a pending future bound to this loop.
     *
     * @param <T> the result type
     * @return a new future, not done
     */
    <T> Future<T> createFuture();

    /**
     * Wraps {@code coroutine} in a task (through the task factory, if one is set) that starts on
     * the next iteration (or at once, with {@link Tasks#eagerTaskFactory()}) and runs each step
     * in a copy of the current {@link Context}.
     *
     * @param <T> the result type
     * @param coroutine the coroutine; never null
     * @return the task
     * @throws IllegalStateException if the loop is closed
     */
    default <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null, null);
    }

    /**
     * Like {@link #createTask(Coroutine)} with a name and a context.
     *
     * @param <T> the result type
     * @param coroutine the coroutine; never null
     * @param name the task's name, or null for {@code Task-N}
     * @param context the context the task runs its steps in (asyncio's {@code context=}), or
     *     null for a copy of the current one
     * @return the task
     */
    <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context);

    /**
     * Sets the factory {@link #createTask} uses, or {@code null} for the built-in task.
     *
     * @param factory the factory, or null
     */
    void setTaskFactory(TaskFactory factory);

    /** {@return the task factory, or {@code null} when the built-in task is used} */
    TaskFactory getTaskFactory();

    // ---------------------------------------------------------------------------------------
    // Executors

    /**
     * Runs {@code call} on {@code executor} (or the loop's default executor when null) and returns
     * a future of this loop that completes with its outcome. Cancelling the future cancels the
     * submitted work if it has not started.
     *
     * @param <T> the result type
     * @param executor where to run it, or null for the default executor
     * @param call the blocking work; never null
     * @return a future completed on the loop thread
     * @throws IllegalStateException if the loop is closed, or the default executor was asked for
     *     after {@link #shutdownDefaultExecutor()}
     */
    <T> Future<T> runInExecutor(Executor executor, Callable<T> call);

    /**
     * Replaces the default executor used by {@link #runInExecutor} with a null executor argument.
     * The loop shuts it down on {@link #close()} and {@link #shutdownDefaultExecutor()}.
     *
     * @param executor the new default executor; never null
     */
    void setDefaultExecutor(ExecutorService executor);

    /**
     * Shuts the default executor down and returns a future that completes once every task it was
     * running has finished (asyncio 3.9). Afterwards {@link #runInExecutor} with the default
     * executor fails.
     *
     * @return a future of this loop, done when the executor has terminated
     */
    Future<Void> shutdownDefaultExecutor();

    // ---------------------------------------------------------------------------------------
    // Network connections

    /**
     * Opens a TCP connection (asyncio's {@code create_connection}): resolves {@code host} off the
     * loop thread, tries each address in turn, and on the first that connects creates the protocol
     * with {@code protocolFactory} and calls its {@code connectionMade}.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol; never null
     * @param host a host name or address literal; never null
     * @param port 1 to 65535
     * @return a future of this loop with the connection; it fails with the connect error (for
     *     several addresses, the last one, the others suppressed), an
     *     {@link java.net.UnknownHostException}, or an {@link UnsupportedOperationException} if the
     *     loop does not support TCP (its provider lacks capability {@code tcp})
     * @throws IllegalArgumentException for a bad port
     */
    <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory,
            String host, int port);

    /**
     * Starts a TCP server (asyncio's {@code create_server}) on the first address {@code host}
     * resolves to; every accepted connection gets a protocol from {@code protocolFactory}.
     *
     * @param protocolFactory makes each connection's protocol; never null
     * @param host the address to listen on, e.g. {@code "127.0.0.1"}; never null
     * @param port 0 to 65535 (0 picks a free port, see {@link Server#sockets()})
     * @return a future of this loop with the listening server; it fails with the bind error, an
     *     {@link java.net.UnknownHostException}, or an {@link UnsupportedOperationException} if the
     *     loop does not support TCP
     * @throws IllegalArgumentException for a bad port
     */
    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host,
            int port);

    /**
     * Opens a TLS connection (asyncio's {@code create_connection(ssl=...)}): connects as
     * {@link #createConnection(Supplier, String, int)} does, then runs the handshake. The
     * protocol's {@code connectionMade} gets a transport that encrypts what is written to it and
     * decrypts what it delivers; the future completes after the handshake.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol; never null
     * @param host a host name or address literal; never null
     * @param port 1 to 65535
     * @param ssl client options; a null {@code serverHostname} means {@code host}; never null
     * @return a future of this loop with the connection; it fails as the plain one does, or with
     *     an {@link javax.net.ssl.SSLException} when the handshake fails or times out
     * @throws IllegalArgumentException for a bad port, or server-side options
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory,
            String host, int port, SslOptions ssl);

    /**
     * Starts a TLS server (asyncio's {@code create_server(ssl=...)}): each accepted connection
     * runs the handshake first, and its protocol's {@code connectionMade} follows a successful
     * one; a failed handshake closes the connection and is logged at DEBUG.
     *
     * @param protocolFactory makes each connection's protocol; never null
     * @param host the address to listen on; never null
     * @param port 0 to 65535
     * @param ssl server options; never null
     * @return a future of this loop with the listening server, as the plain one
     * @throws IllegalArgumentException for a bad port, or client-side options
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host,
            int port, SslOptions ssl);

    /**
     * Upgrades a live plaintext connection to TLS (asyncio's {@code start_tls}): from this call on
     * the transport's bytes go through the handshake, then {@code protocol} gets the decrypted
     * data through the returned transport. {@code protocol}'s {@code connectionMade} is not
     * called; write to the returned transport, not to the old one.
     *
     * @param transport a stream transport of this loop, not closing; never null
     * @param protocol the protocol that gets the decrypted data; never null
     * @param ssl client or server options; a client's {@code serverHostname} must be set (empty
     *     for no host name check); never null
     * @return a future of this loop with the TLS transport, done after the handshake; it fails
     *     with an {@link javax.net.ssl.SSLException} when the handshake fails or times out (the
     *     connection is then aborted)
     * @throws IllegalArgumentException if a client's {@code serverHostname} is null
     * @throws IllegalStateException if the transport is closing
     * @throws UnsupportedOperationException if the transport cannot change its protocol
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Transport> startTls(Transport transport, Protocol protocol, SslOptions ssl);

    /**
     * Starts a TCP server on a listening socket the caller opened and bound (asyncio's
     * {@code create_server(sock=...)}), for socket options the loop does not set itself: with
     * {@code SO_REUSEPORT}, say, several loops each serve a socket of their own on one address.
     * Every accepted connection gets a protocol from {@code protocolFactory}. The loop makes the
     * channel non-blocking and owns it from this call on: closing the server or the loop closes
     * it, and so does a failure to serve on it. An argument error leaves it to the caller.
     *
     * @param protocolFactory makes each connection's protocol; never null
     * @param channel an open TCP server channel, bound; never null
     * @return a future of this loop with the serving server, whose {@link Server#sockets()} is
     *     the channel's address; it fails with an {@link UnsupportedOperationException} if the
     *     loop does not support TCP
     * @throws IllegalArgumentException if the channel is closed, not bound, or not TCP
     * @throws IllegalStateException if the loop is closed, or the channel is already the loop's
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, ServerSocketChannel channel);

    /**
     * Serves a TCP connection that was accepted outside the loop (asyncio's
     * {@code connect_accepted_socket}), by an acceptor thread handing connections to several
     * loops, say: creates the protocol with {@code protocolFactory} and calls its
     * {@code connectionMade}, then completes the future. The loop makes the channel non-blocking
     * and owns it from this call on, as {@link #createServer(Supplier, ServerSocketChannel)} does.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol; never null
     * @param channel an open, connected TCP socket channel; never null
     * @return a future of this loop with the connection; it fails with an
     *     {@link UnsupportedOperationException} if the loop does not support TCP
     * @throws IllegalArgumentException if the channel is closed, not connected, or not TCP
     * @throws IllegalStateException if the loop is closed, or the channel is already the loop's
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            SocketChannel channel);

    /**
     * Opens a Unix-domain stream connection to the socket at {@code path} (asyncio's
     * {@code create_unix_connection}).
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the connection's protocol; never null
     * @param path the socket file; never null
     * @return a future of this loop with the connection; it fails with the connect error, or an
     *     {@link UnsupportedOperationException} if the loop lacks capability {@code unix}
     */
    <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory,
            Path path);

    /**
     * Starts a Unix-domain stream server on {@code path} (asyncio's {@code create_unix_server});
     * closing the server removes the socket file.
     *
     * @param protocolFactory makes each connection's protocol; never null
     * @param path the socket file to create; it must not exist; never null
     * @return a future of this loop with the server; it fails with the bind error, or an
     *     {@link UnsupportedOperationException} if the loop lacks capability {@code unix}
     */
    Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory,
            Path path);

    /**
     * Opens a UDP endpoint (asyncio's {@code create_datagram_endpoint}) bound to {@code local}
     * and, when {@code remote} is given, connected to it.
     *
     * @param <P> the protocol's type
     * @param protocolFactory makes the endpoint's protocol; never null
     * @param local a resolved address to bind (port 0 picks one), or null for any
     * @param remote a resolved address to connect to, or null
     * @return a future of this loop with the endpoint; it fails with the bind or connect error,
     *     or an {@link UnsupportedOperationException} if the loop lacks capability {@code udp}
     * @throws IllegalArgumentException if both addresses are null, or one is unresolved
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local,
            InetSocketAddress remote);

    // ---------------------------------------------------------------------------------------
    // Subprocesses

    /**
     * Starts a child process (asyncio's {@code subprocess_exec}) as {@code command} describes it:
     * its program and arguments, environment, directory and redirects. Each stream redirected to
     * {@link ProcessBuilder.Redirect#PIPE} (the default) becomes a pipe transport; the others go
     * where the builder says. The loop closes every child's transport (killing a child that
     * still runs) when it closes.
     *
     * @param protocolFactory makes the child's protocol; never null
     * @param command what to run; the loop reads it once and does not change it; never null
     * @return a future of this loop with the transport; it fails with the {@link java.io.IOException}
     *     of a program that cannot start
     * @throws IllegalArgumentException if the command is empty
     * @throws UnsupportedOperationException if the loop lacks capability {@code subprocess}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> protocolFactory,
            ProcessBuilder command);

    /**
     * Starts {@code command} with the shell, {@code /bin/sh -c} (asyncio's {@code subprocess_shell}),
     * every stream a pipe; as {@link #subprocessExec} otherwise. Quote what comes from users.
     *
     * @param protocolFactory makes the child's protocol; never null
     * @param command the shell command line; never null
     * @return a future of this loop with the transport
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default Future<SubprocessTransport> subprocessShell(Supplier<? extends SubprocessProtocol> protocolFactory,
            String command) {
        return subprocessExec(protocolFactory, new ProcessBuilder("/bin/sh", "-c", command));
    }

    /**
     * {@return the loop's metrics: lag, ready callbacks, timers, open transports} Thread-safe;
     * the same object on every call. Not in asyncio.
     *
     * @throws UnsupportedOperationException if the loop does not report metrics (every loop built
     *     on the SPI's {@code BaseEventLoop} does)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default LoopMetrics metrics() {
        throw new UnsupportedOperationException(getClass().getName() + " reports no metrics; loops built on"
                + " dev.loopkit.spi.BaseEventLoop do");
    }

    // ---------------------------------------------------------------------------------------
    // Signals

    /**
     * Runs {@code callback} on the loop thread each time the process receives {@code signal}
     * (asyncio's {@code add_signal_handler}), until {@link #removeSignalHandler} or
     * {@link #close()}, which restore the handler the process had before. Signals belong to the
     * process, not to a loop: a later handler for the same signal, of this loop or another,
     * replaces this one.
     *
     * @param signal a signal's name, with its {@code SIG} prefix as in asyncio's {@code signal}
     *     module: {@code "SIGINT"}, {@code "SIGTERM"}, {@code "SIGHUP"}, ...; never null
     * @param callback what to run; never null
     * @throws IllegalArgumentException for an unknown signal, one the JVM or the OS keeps for
     *     itself ({@code SIGKILL}, {@code SIGSTOP}, {@code SIGQUIT}, {@code SIGSEGV}, ...), or a
     *     SIGINT, SIGTERM or SIGHUP that the process was started ignoring (in the background, under
     *     {@code nohup}), which the JVM never delivers
     * @throws IllegalStateException if the loop is closed
     * @throws UnsupportedOperationException if the loop lacks capability {@code signals}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    void addSignalHandler(String signal, Runnable callback);

    /**
     * Removes this loop's handler of {@code signal} and restores the one the process had before
     * (asyncio's {@code remove_signal_handler}).
     *
     * @param signal a signal's name, as for {@link #addSignalHandler}; never null
     * @return whether this loop had a handler for it
     * @throws IllegalArgumentException for an unknown signal
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    boolean removeSignalHandler(String signal);

    // ---------------------------------------------------------------------------------------
    // Readiness callbacks and low-level socket operations

    /**
     * Calls {@code callback} on the loop thread whenever {@code channel} is ready to read (or, for
     * a {@link java.nio.channels.ServerSocketChannel}, to accept), until {@link #removeReader}
     * (asyncio's {@code add_reader}). Replaces an earlier reader of the channel.
     *
     * @param channel a non-blocking channel not used by a transport; never null
     * @param callback what to run; never null
     * @throws IllegalArgumentException if the channel is blocking
     * @throws IllegalStateException if the loop is closed, or the channel is one of its transports'
     * @throws UnsupportedOperationException if the loop has no readiness notification
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    void addReader(SelectableChannel channel, Runnable callback);

    /**
     * Stops calling the reader of {@code channel}.
     *
     * @param channel the channel; never null
     * @return whether a reader was registered
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    boolean removeReader(SelectableChannel channel);

    /**
     * Calls {@code callback} whenever {@code channel} is ready to write (or a pending connect
     * completes), until {@link #removeWriter} (asyncio's {@code add_writer}).
     *
     * @param channel a non-blocking channel not used by a transport; never null
     * @param callback what to run; never null
     * @throws IllegalArgumentException if the channel is blocking
     * @throws IllegalStateException if the loop is closed, or the channel is one of its transports'
     * @throws UnsupportedOperationException if the loop has no readiness notification
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    void addWriter(SelectableChannel channel, Runnable callback);

    /**
     * Stops calling the writer of {@code channel}.
     *
     * @param channel the channel; never null
     * @return whether a writer was registered
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    boolean removeWriter(SelectableChannel channel);

    /**
     * Connects a non-blocking socket channel (asyncio's {@code sock_connect}).
     *
     * @param channel the channel; never null
     * @param address a resolved address; never null
     * @return a future of this loop, done when connected, failed with the connect error
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Void> sockConnect(SocketChannel channel, SocketAddress address);

    /**
     * Accepts one connection (asyncio's {@code sock_accept}).
     *
     * @param channel a non-blocking, bound server channel; never null
     * @return a future of this loop with the accepted channel (non-blocking)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<SocketChannel> sockAccept(ServerSocketChannel channel);

    /**
     * Reads what is available into {@code buffer}, waiting until at least one byte or the end of
     * the stream (asyncio's {@code sock_recv_into}).
     *
     * @param channel a non-blocking, connected channel; never null
     * @param buffer where to read, from its position; never null
     * @return a future of this loop with the count read, or -1 at the end of the stream
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer);

    /**
     * Sends all remaining bytes of {@code data} (asyncio's {@code sock_sendall}).
     *
     * @param channel a non-blocking, connected channel; never null
     * @param data the bytes; consumed; never null
     * @return a future of this loop, done when every byte was handed to the socket
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data);

    // ---------------------------------------------------------------------------------------
    // Error handling

    /**
     * Sets the handler called for errors nobody else can handle (a callback that throws, an
     * exception never retrieved from a future), or {@code null} for the default handler, which
     * logs the context.
     *
     * @param handler the handler, or null
     */
    void setExceptionHandler(ExceptionHandler handler);

    /** {@return the exception handler, or {@code null} when the default one is in use} */
    ExceptionHandler getExceptionHandler();

    /**
     * Calls the current exception handler with {@code context}; a handler that throws is reported
     * through the default handler and never propagates.
     *
     * @param context what went wrong; never null
     */
    void callExceptionHandler(ExceptionContext context);

    /**
     * The default exception handler: logs the context (and its exception) at ERROR.
     *
     * @param context what went wrong; never null
     */
    void defaultExceptionHandler(ExceptionContext context);

    // ---------------------------------------------------------------------------------------
    // Debug mode

    /**
     * Turns debug mode on or off. In debug mode callbacks and task steps that take longer than
     * {@link #getSlowCallbackDuration()} are logged, and non-thread-safe calls from a thread other
     * than the loop's fail fast while the loop runs.
     *
     * @param enabled whether debug mode is on
     */
    void setDebug(boolean enabled);

    /** {@return whether debug mode is on} */
    boolean getDebug();

    /**
     * Sets the threshold above which debug mode logs a slow callback (default 100 ms).
     *
     * @param threshold a positive duration
     */
    void setSlowCallbackDuration(Duration threshold);

    /** {@return the slow-callback threshold of debug mode} */
    Duration getSlowCallbackDuration();
}

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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.Connection;
import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.ExceptionHandler;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.api.LoopMetrics;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.api.Task;
import dev.loopkit.api.TaskFactory;
import dev.loopkit.api.Tasks;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.api.Transport;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.RunningLoops;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every public behaviour of {@link EventLoop}, implemented once on three protected hooks that a
 * vendor fills in with its I/O back end (asyncio's {@code BaseEventLoop}):
 *
 * <ul>
 *   <li>{@link #processEvents(long)}: wait for I/O up to a timeout and dispatch what is ready;
 *   <li>{@link #wakeup()}: make a waiting {@code processEvents} return, from any thread;
 *   <li>{@link #closeBackend()}: release the back end's resources, once;
 * </ul>
 *
 * <p>and {@link #isChangingThreadSupported()}, for a back end that must stay on the caller's
 * thread. For network I/O, a back end that reports readiness extends {@link ReadinessEventLoop},
 * which builds every transport, the readiness callbacks and the {@code sock*} operations on four
 * hooks of its own; any other back end overrides the hooks of each capability it declares, which
 * otherwise refuse with {@link UnsupportedOperationException}: {@link #makeSocketTransport} and
 * {@link #makeServer} ({@code tcp}), {@link #makeUnixSocketTransport} and {@link #makeUnixServer}
 * ({@code unix}), {@link #makeDatagramTransport} ({@code udp}).
 *
 * <p>This class is the scheduling core; what it builds on the hooks lives beside it: the executors
 * ({@code ExecutorSupport}) and host resolution and connecting ({@code Connector}).
 *
 * <p>The public behaviour the TCK certifies is {@code final}, so that no subclass can break it
 * silently. A vendor may override only {@link #time()} (a clock of its own), {@link #createFuture()}
 * and {@link #createTask} (futures and tasks of its own, as the seed allows), the readiness
 * callbacks and {@code sock*} operations (for a back end that provides them without
 * {@link ReadinessEventLoop}, which makes them final) and the protected hooks. To add behaviour
 * around the loop (metrics, tracing), implement {@link EventLoop} by forwarding to a subclass
 * made with {@link #BaseEventLoop(EventLoop)}, which hands out the decorating loop in its place.
 *
 * <p>One iteration ({@code runOnce}, as asyncio's {@code _run_once}): compute how long to wait (0
 * if callbacks are ready or the loop is stopping, until the earliest timer otherwise, forever if
 * there is none), call {@link #processEvents(long)}, move callbacks submitted from other threads
 * and due timers to the ready queue, then run exactly the callbacks that were ready at that point;
 * callbacks they schedule run in the next iteration.
 *
 * <p>Hot paths: {@link #callSoon} on the loop thread appends to a plain {@link ArrayDeque}
 * (allocating only the handle, taking no lock); {@link #callSoonThreadsafe} goes through a
 * lock-free multi-producer queue and calls {@link #wakeup()} only when the loop is about to wait
 * or waiting, at most once per wait.
 *
 * <p>Thread-safety: as {@link EventLoop}: loop thread only, except {@link #callSoonThreadsafe},
 * {@link #time()}, {@link #isRunning()}, {@link #isClosed()}, and {@link #close()} of a loop that
 * does not run.
 */
@API(status = STABLE, since = "0.1")
public abstract class BaseEventLoop implements EventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(BaseEventLoop.class);
    private static final AtomicBoolean MECHANISM_LOGGED = new AtomicBoolean();
    private static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofMillis(100);
    /** asyncio's message for anything asked of a closed loop; the TCK pins it. */
    private static final String CLOSED_MESSAGE = "Event loop is closed";
    /** The longest wait for events (asyncio's MAXIMUM_SELECT_TIMEOUT): 24 hours, so no wait overflows. */
    private static final long MAXIMUM_SELECT_TIMEOUT_NANOS = TimeUnit.HOURS.toNanos(24);
    private static final VarHandle SLEEPING;
    private static final VarHandle CLAIM;
    /** No runForever or close() has the loop. */
    private static final int FREE = 0;
    /** A runForever has the loop, from its checks until it returns. */
    private static final int RUN = 1;
    /** A close() has the loop. */
    private static final int CLOSE = 2;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SLEEPING = lookup.findVarHandle(BaseEventLoop.class, "sleeping", boolean.class);
            CLAIM = lookup.findVarHandle(BaseEventLoop.class, "claim", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ArrayDeque<CallbackHandle> ready = new ArrayDeque<>();
    private final Queue<CallbackHandle> inbox = new ConcurrentLinkedQueue<>();
    private final TimerQueue timers = new TimerQueue();
    private final UnclosedLoopWarning unclosed = UnclosedLoopWarning.watch(this);
    private volatile boolean sleeping;
    private volatile boolean closed;
    private volatile Thread thread;
    /**
     * Who has the loop ({@link #FREE}, {@link #RUN} or {@link #CLOSE}): taking it is one atomic
     * step, so two threads never run the loop at once and close() never races a start.
     */
    private volatile int claim;
    private boolean stopping;
    private boolean debug = Boolean.getBoolean("loopkit.debug");
    private long slowCallbackNanos = DEFAULT_SLOW_CALLBACK.toNanos();
    private ExceptionHandler exceptionHandler;
    private TaskFactory taskFactory;
    private final ExecutorSupport executors = new ExecutorSupport(this);
    private final Connector connector = new Connector(this);
    private final Set<ProcessTransport> subprocesses = new LinkedHashSet<>();
    private final LoopObserver observer = new LoopObserver();
    /** The loop users see: this one, or the loop that decorates it. */
    private final EventLoop outer;

    /** Creates an open loop that is not running. */
    protected BaseEventLoop() {
        this.outer = this;
        logMechanismOnce();
    }

    /**
     * Creates an open loop that is not running, seen by its users as {@code outer}: a loop that
     * implements {@link EventLoop} by forwarding to this one (to add metrics or tracing, or, in
     * the TCK's own tests, one defect). Wherever this loop hands itself out it hands out
     * {@code outer} instead: as the running loop, as every future's and task's loop, as the key of
     * the task registry and to the exception handler; and what it reports (a failed callback, an
     * abandoned task) goes to {@code outer.callExceptionHandler}. So a decorator that forwards
     * every call unchanged passes every TCK rule this loop passes.
     *
     * @param outer the decorating loop, which forwards to this one; not null
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected BaseEventLoop(EventLoop outer) {
        this.outer = Objects.requireNonNull(outer, "outer");
        logMechanismOnce();
    }

    private static void logMechanismOnce() {
        if (MECHANISM_LOGGED.compareAndSet(false, true)) {
            LOG.info("loopkit coroutines: {}", Coroutines.mechanism());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Hooks for vendors

    /**
     * Waits for I/O events for at most {@code timeoutNanos} and dispatches the ready ones (usually
     * by running their callbacks or scheduling them with {@link #callSoon}). Called on the loop
     * thread once per iteration.
     *
     * @param timeoutNanos 0 to poll without waiting, a positive bound, or -1 to wait until
     *     {@link #wakeup()} or an event
     */
    protected abstract void processEvents(long timeoutNanos);

    /**
     * Makes a current or the next {@link #processEvents(long)} return promptly. Called from any
     * thread (this may be called from a different thread), possibly while the back end is closing.
     */
    protected abstract void wakeup();

    /**
     * Releases the back end's resources (selectors, threads, channels). Called once, by
     * {@link #close()} on a loop that does not run.
     */
    protected abstract void closeBackend();

    /**
     * Connects a TCP socket to {@code remote}, then creates the protocol with
     * {@code protocolFactory}, schedules its {@code connectionMade} and completes the returned
     * future with the transport (asyncio's {@code _make_socket_transport}). Called on the loop
     * thread by {@link #createConnection}, once per resolved address until one connects. The
     * default implementation refuses: override it to support TCP, and declare capability
     * {@code tcp} in the provider.
     *
     * @param remote the address to connect to, resolved; never null
     * @param protocolFactory makes the protocol once connected; never null
     * @return a future of this loop, failed with the connect error if it does not connect
     */
    protected Future<Transport> makeSocketTransport(InetSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return failed(unsupported("TCP connections", Capabilities.TCP));
    }

    /**
     * Binds a listening TCP socket to {@code local} and serves each accepted connection with a
     * protocol from {@code protocolFactory} (asyncio's server socket plumbing). Called on the loop
     * thread by {@link #createServer}. The default implementation refuses, like
     * {@link #makeSocketTransport}.
     *
     * @param local the address to bind, resolved (port 0 picks one); never null
     * @param protocolFactory makes each connection's protocol; never null
     * @return the serving server
     * @throws IOException if the socket cannot be bound
     */
    protected Server makeServer(InetSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        throw unsupported("TCP servers", Capabilities.TCP);
    }

    /**
     * Serves on a TCP socket the caller bound, like {@link #makeServer(InetSocketAddress, Supplier)}
     * without the bind (asyncio's {@code _start_serving} on {@code create_server(sock=...)}).
     * Called on the loop thread by {@link #createServer(Supplier, ServerSocketChannel)}, which has
     * checked that the channel is open, bound and not the loop's; the channel may be blocking. If
     * this throws, the caller closes the channel. The default implementation refuses, like
     * {@link #makeSocketTransport}.
     *
     * @param listening the bound channel, now the loop's; never null
     * @param protocolFactory makes each connection's protocol; never null
     * @return the serving server
     * @throws IOException if the channel cannot serve
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected Server makeServer(ServerSocketChannel listening, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        throw unsupported("TCP servers", Capabilities.TCP);
    }

    /**
     * Serves a TCP connection accepted outside the loop, like {@link #makeSocketTransport} without
     * the connect (asyncio's {@code _make_socket_transport} in {@code connect_accepted_socket}).
     * Called on the loop thread by {@link #connectAcceptedSocket}, which has checked that the
     * channel is open, connected and not the loop's; the channel may be blocking. If the future
     * fails, the caller closes the channel. The default implementation refuses, like
     * {@link #makeSocketTransport}.
     *
     * @param accepted the connected channel, now the loop's; never null
     * @param protocolFactory makes the connection's protocol; never null
     * @return a future of this loop, completed with the transport once its protocol's
     *     {@code connectionMade} is scheduled
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected Future<Transport> makeAcceptedSocketTransport(SocketChannel accepted,
            Supplier<? extends Protocol> protocolFactory) {
        return failed(unsupported("TCP connections", Capabilities.TCP));
    }

    /**
     * Connects a Unix-domain stream socket to {@code remote}, like {@link #makeSocketTransport}.
     * The default implementation refuses: override it and declare capability {@code unix}.
     *
     * @param remote the socket file's address; never null
     * @param protocolFactory makes the protocol once connected; never null
     * @return a future of this loop, failed with the connect error if it does not connect
     */
    protected Future<Transport> makeUnixSocketTransport(UnixDomainSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return failed(unsupported("Unix-domain connections", Capabilities.UNIX));
    }

    /**
     * Binds a listening Unix-domain socket to {@code local}, like {@link #makeServer}. The default
     * implementation refuses: override it and declare capability {@code unix}.
     *
     * @param local the socket file's address; never null
     * @param protocolFactory makes each connection's protocol; never null
     * @return the serving server
     * @throws IOException if the socket cannot be bound
     */
    protected Server makeUnixServer(UnixDomainSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        throw unsupported("Unix-domain servers", Capabilities.UNIX);
    }

    /**
     * Opens a UDP endpoint bound to {@code local} (or any address) and connected to
     * {@code remote} when given (asyncio's {@code _make_datagram_transport}). The default
     * implementation refuses: override it and declare capability {@code udp}.
     *
     * @param protocolFactory makes the endpoint's protocol; never null
     * @param local the address to bind, or null
     * @param remote the address to connect to, or null
     * @return the endpoint's transport, its protocol's {@code connectionMade} scheduled
     * @throws IOException if the socket cannot be bound or connected
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected DatagramTransport makeDatagramTransport(Supplier<? extends DatagramProtocol> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        throw unsupported("UDP endpoints", Capabilities.UDP);
    }

    /**
     * Whether this loop may run on a thread other than the one that calls {@link #runForever()}
     * (Netty's {@code IoHandlerFactory.isChangingThreadSupported}). Without inline coroutines the
     * loop moves itself onto a virtual thread of its own, which makes every coroutine hand-off
     * far cheaper; a back end bound to the caller's thread (a thread-affine native handle, state in
     * thread-locals) returns false, and the loop then runs on the caller's thread. The default
     * implementation returns true.
     *
     * @return whether the loop may change threads
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected boolean isChangingThreadSupported() {
        return true;
    }

    // ---------------------------------------------------------------------------------------
    // Running and stopping

    @Override
    public final void runForever() {
        checkNotRunning();
        if (!CLAIM.compareAndSet(this, FREE, RUN)) {
            // A close() that held the claim may have let go of it since: then the loop is closed.
            throw new IllegalStateException(claim == CLOSE || closed ? CLOSED_MESSAGE
                    : "This event loop is already running");
        }
        try {
            checkClosed(); // after the claim, so that a close() cannot end between check and run
            if (CoroutineMechanism.current() == CoroutineMechanism.HANDOFF && !Thread.currentThread().isVirtual()
                    && isChangingThreadSupported()) {
                runOnVirtualThread();
            } else {
                runOnThisThread();
            }
        } finally {
            claim = FREE;
        }
    }

    /**
     * Without the inline coroutine mechanism, a coroutine step handed between a platform loop
     * thread and a virtual thread costs two platform-thread hand-offs (~20 µs a round trip here);
     * between two virtual threads it costs well under a microsecond. So the loop runs on a virtual
     * thread of its own while the calling platform thread waits; an interrupt of the caller reaches
     * the loop, and the loop's interrupt status comes back to the caller.
     */
    private void runOnVirtualThread() {
        Throwable[] failure = new Throwable[1];
        boolean[] endedInterrupted = new boolean[1];
        Thread loopThread = Thread.ofVirtual().name("loopkit-loop").start(() -> {
            try {
                runOnThisThread();
            } catch (Throwable t) {
                failure[0] = t;
            }
            endedInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        boolean interrupted = false;
        while (true) {
            try {
                loopThread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                loopThread.interrupt();
            }
        }
        if (interrupted || endedInterrupted[0]) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private void runOnThisThread() {
        thread = Thread.currentThread();
        RunningLoops.set(outer);
        try {
            // An interrupt of the loop's thread stops the loop after the current iteration (and
            // stays set for the caller), rather than leaving a back end that returns at once from
            // every wait spinning forever.
            Thread current = Thread.currentThread();
            while (true) {
                runOnce();
                if (stopping || current.isInterrupted()) {
                    break;
                }
            }
        } finally {
            stopping = false;
            thread = null;
            RunningLoops.set(null);
        }
    }

    @Override
    public final <T> T runUntilComplete(Future<T> future) {
        Objects.requireNonNull(future, "future");
        checkClosed();
        checkNotRunning();
        if (future.getLoop() != outer) {
            throw new IllegalArgumentException("The future belongs to a different loop than the one it is run on: "
                    + future + " is bound to " + future.getLoop() + ", not " + outer);
        }
        Consumer<Future<T>> stopWhenDone = f -> {
            // A fatal error that ended the future also ended runForever on its way out; a stop
            // still queued from it would cut the next run short (asyncio's bpo-22429).
            if (f.cancelled() || !CallbackFailures.isFatal(f.exception())) {
                stop();
            }
        };
        future.addDoneCallback(stopWhenDone);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopWhenDone);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    @Override
    public final <T> T runUntilComplete(Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkClosed(coroutine);
        checkNotRunning();
        return runUntilComplete(createTask(coroutine));
    }

    @Override
    public final void stop() {
        stopping = true;
    }

    @Override
    public final boolean isRunning() {
        return thread != null;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (!CLAIM.compareAndSet(this, FREE, CLOSE)) {
            if (claim == CLOSE) {
                return; // another thread is closing it
            }
            throw new IllegalStateException("Cannot close a running event loop");
        }
        try {
            closeClaimed();
        } finally {
            claim = FREE;
        }
    }

    private void closeClaimed() {
        if (closed) {
            return;
        }
        // While the loop is still open, so that what their finally blocks ask of it still works;
        // whatever they schedule is dropped with the rest below.
        AbandonedTasks.destroy(outer);
        closed = true;
        LOG.debug("Close {}", this);
        ready.clear();
        inbox.clear();
        timers.clear();
        executors.closeWithLoop();
        SignalHandlers.removeAll(this);
        for (ProcessTransport child : List.copyOf(subprocesses)) {
            child.closeForShutdown();
        }
        subprocesses.clear();
        closeOwnedChannels();
        closeBackend();
        unclosed.closed();
    }


    // ---------------------------------------------------------------------------------------
    // Scheduling

    @Override
    public final Handle callSoon(Runnable callback, Context context) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        CallbackHandle handle = new CallbackHandle(this, Objects.requireNonNull(callback, "callback"), context);
        if (!inbox.isEmpty()) {
            // asyncio has one ready queue: what this thread passed to callSoonThreadsafe before
            // runs before what it passes to callSoon now.
            moveInboxToReady();
        }
        ready.addLast(handle);
        return handle;
    }

    @Override
    public final Handle callSoonThreadsafe(Runnable callback, Context context) {
        checkClosed();
        CallbackHandle handle = new CallbackHandle(this, Objects.requireNonNull(callback, "callback"), context);
        inbox.offer(handle);
        if (sleeping && SLEEPING.compareAndSet(this, true, false)) {
            wakeup();
        }
        return handle;
    }

    @Override
    public final TimerHandle callLater(Duration delay, Runnable callback, Context context) {
        Objects.requireNonNull(delay, "delay");
        return callAt(saturatedAdd(time(), saturatedNanos(delay)), callback, context);
    }

    @Override
    public final TimerHandle callAt(long whenNanos, Runnable callback, Context context) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        return timers.schedule(this, whenNanos, Objects.requireNonNull(callback, "callback"), context);
    }

    /** Returns {@link System#nanoTime()}. Vendors may override it with another monotonic clock. */
    @Override
    public long time() {
        return System.nanoTime();
    }

    // ---------------------------------------------------------------------------------------
    // Futures and tasks

    @Override
    public <T> Future<T> createFuture() {
        return newFuture();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkClosed(coroutine);
        Context taskContext = context != null ? context : Context.copyCurrent();
        TaskFactory factory = taskFactory;
        if (factory == null || factory == Tasks.eagerTaskFactory()) {
            return new BuiltinTask<>(coroutine, outer, name, taskContext, factory != null);
        }
        Task<?> task = Objects.requireNonNull(factory.newTask(outer, coroutine, name, taskContext),
                () -> "task factory " + factory + " returned null");
        return (Task<T>) task;
    }

    @Override
    public final void setTaskFactory(TaskFactory factory) {
        this.taskFactory = factory;
    }

    @Override
    public final TaskFactory getTaskFactory() {
        return taskFactory;
    }

    // ---------------------------------------------------------------------------------------
    // Executors

    @Override
    public final <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
        Objects.requireNonNull(call, "call");
        checkClosed();
        if (debug) {
            checkThread();
        }
        return executors.run(executor, call);
    }

    @Override
    public final void setDefaultExecutor(ExecutorService executor) {
        executors.setDefault(executor);
    }

    @Override
    public final Future<Void> shutdownDefaultExecutor() {
        return executors.shutdownDefault();
    }

    // ---------------------------------------------------------------------------------------
    // Signals

    @Override
    public final void addSignalHandler(String signal, Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        SignalHandlers.add(this, outer, signal, callback);
    }

    @Override
    public final boolean removeSignalHandler(String signal) {
        if (debug) {
            checkThread();
        }
        return SignalHandlers.remove(this, signal);
    }

    // ---------------------------------------------------------------------------------------
    // Network connections

    @Override
    public final <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        return connector.createConnection(protocolFactory, host, port);
    }

    @Override
    public final Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return connector.createServer(protocolFactory, host, port);
    }

    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port, SslOptions ssl) {
        return connector.createConnection(protocolFactory, host, port, ssl);
    }

    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port,
            SslOptions ssl) {
        return connector.createServer(protocolFactory, host, port, ssl);
    }

    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> protocolFactory,
            ProcessBuilder command) {
        return ProcessTransport.start(this, protocolFactory, command);
    }

    /** {@inheritDoc} Published once per iteration by the loop thread; read from any thread. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final LoopMetrics metrics() {
        return observer;
    }

    /** What the transports report their opening and closing to. */
    LoopObserver observer() {
        return observer;
    }

    /** The children whose transports are not yet lost, closed with the loop. Loop thread only. */
    Set<ProcessTransport> subprocesses() {
        return subprocesses;
    }

    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final Future<Transport> startTls(Transport transport, Protocol protocol, SslOptions ssl) {
        return connector.startTls(transport, protocol, ssl);
    }

    @Override
    public final Future<Server> createServer(Supplier<? extends Protocol> protocolFactory,
            ServerSocketChannel channel) {
        return connector.createServer(protocolFactory, channel);
    }

    @Override
    public final <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            SocketChannel channel) {
        return connector.connectAcceptedSocket(protocolFactory, channel);
    }

    @Override
    public final <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory, Path path) {
        return connector.createUnixConnection(protocolFactory, path);
    }

    @Override
    public final Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, Path path) {
        return connector.createUnixServer(protocolFactory, path);
    }

    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public final <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local, InetSocketAddress remote) {
        return connector.createDatagramEndpoint(protocolFactory, local, remote);
    }

    /**
     * Calls a protocol method; one that throws is reported to the exception handler (asyncio's
     * "Fatal error: protocol...call failed.").
     *
     * @return what it threw, or null
     */
    Throwable callProtocol(String method, Object transport, Object protocol, Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            CallbackFailures.rethrowIfFatal(t);
            outerLoop().callExceptionHandler(ExceptionContext.builder("Fatal error: protocol." + method + "() call failed.")
                    .exception(t).extra("transport", transport).extra("protocol", protocol).build());
            return t;
        }
    }

    /** Returns a future of this loop that has already failed with {@code error}. */
    <T> Future<T> failed(Throwable error) {
        BuiltinFuture<T> future = newFuture();
        future.setException(error);
        return future;
    }

    private UnsupportedOperationException unsupported(String what, String capability) {
        return new UnsupportedOperationException(getClass().getName() + " does not support " + what
                + " (its provider lacks capability '" + capability + "')");
    }

    // ---------------------------------------------------------------------------------------
    // Readiness callbacks and the sock* operations: a loop on a readiness back end extends
    // ReadinessEventLoop, which builds them on its hooks; any other loop refuses them.

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        throw unsupported("readiness callbacks (addReader)", Capabilities.READINESS);
    }

    /** The default implementation has nothing registered. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public boolean removeReader(SelectableChannel channel) {
        return false;
    }

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        throw unsupported("readiness callbacks (addWriter)", Capabilities.READINESS);
    }

    /** The default implementation has nothing registered. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public boolean removeWriter(SelectableChannel channel) {
        return false;
    }

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        throw unsupported("sockConnect", Capabilities.READINESS);
    }

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        throw unsupported("sockAccept", Capabilities.READINESS);
    }

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) {
        throw unsupported("sockRecv", Capabilities.READINESS);
    }

    /** The default implementation refuses: {@link ReadinessEventLoop} implements it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    @Override
    public Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data) {
        throw unsupported("sockSendAll", Capabilities.READINESS);
    }

    // ---------------------------------------------------------------------------------------
    // Error handling

    @Override
    public final void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    @Override
    public final ExceptionHandler getExceptionHandler() {
        return exceptionHandler;
    }

    @Override
    public final void callExceptionHandler(ExceptionContext context) {
        Objects.requireNonNull(context, "context");
        context = SourceTraceback.addTo(context);
        ExceptionHandler handler = exceptionHandler;
        if (handler != null) {
            try {
                handler.handle(outer, context);
                return;
            } catch (Throwable handlerFailure) {
                CallbackFailures.rethrowIfFatal(handlerFailure);
                context = ExceptionContext.builder("Unhandled error in exception handler").exception(handlerFailure)
                        .extra("context", context).build();
            }
        }
        try {
            defaultExceptionHandler(context);
        } catch (Throwable defaultFailure) {
            CallbackFailures.rethrowIfFatal(defaultFailure);
            LOG.error("Exception in default exception handler while handling {}", context.message(), defaultFailure);
        }
    }

    @Override
    public final void defaultExceptionHandler(ExceptionContext context) {
        StringBuilder text = new StringBuilder(context.message().isBlank() ? "Unhandled exception in event loop"
                : context.message());
        if (context.handle() != null) {
            text.append("\nhandle: ").append(CallbackFailures.describe(context.handle()));
        }
        if (context.task() != null) {
            text.append("\ntask: ").append(CallbackFailures.describe(context.task()));
        } else if (context.future() != null) {
            text.append("\nfuture: ").append(CallbackFailures.describe(context.future()));
        }
        // Sorted as asyncio's are, so that two reports of one problem read alike.
        new TreeMap<>(context.extra()).forEach((key, value) -> text.append('\n').append(key).append(": ")
                .append(key.equals(SourceTraceback.KEY) && value instanceof List<?> frames
                        ? SourceTraceback.format(frames) : CallbackFailures.describe(value)));
        LOG.error("{}", text, context.exception());
    }

    // ---------------------------------------------------------------------------------------
    // Debug mode

    @Override
    public final void setDebug(boolean enabled) {
        this.debug = enabled;
    }

    @Override
    public final boolean getDebug() {
        return debug;
    }

    @Override
    public final void setSlowCallbackDuration(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("slow callback duration must be positive, got " + threshold);
        }
        this.slowCallbackNanos = saturatedNanos(threshold);
    }

    @Override
    public final Duration getSlowCallbackDuration() {
        return Duration.ofNanos(slowCallbackNanos);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[running=" + isRunning() + ", closed=" + closed + ", debug=" + debug + "]";
    }

    // ---------------------------------------------------------------------------------------
    // Internals

    TimerQueue timers() {
        return timers;
    }

    /**
     * The loop users see: this one, or the decorating loop given to the constructor. Internals
     * hand it out and report through it; see {@link #BaseEventLoop(EventLoop)}.
     *
     * @return the loop users see
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected final EventLoop outerLoop() {
        return outer;
    }

    /** A built-in future of the loop users see. */
    <T> BuiltinFuture<T> newFuture() {
        return new BuiltinFuture<>(outer);
    }

    /**
     * Closes the channels the loop opened for transports and servers, before the back end closes;
     * none here, {@link ReadinessEventLoop} has some.
     */
    void closeOwnedChannels() {
    }

    /**
     * Fails if {@code channel} is one the loop opened or was given for a transport or server; none
     * here, {@link ReadinessEventLoop} keeps them.
     *
     * @throws IllegalStateException if it is
     */
    void requireNotOwned(SelectableChannel channel) {
    }

    /** Fails with asyncio's message if the loop is closed. */
    protected final void checkClosed() {
        if (closed) {
            throw new IllegalStateException(CLOSED_MESSAGE);
        }
    }

    /**
     * Fails with asyncio's message if the loop is closed, closing {@code coroutine} first: nothing
     * will ever run it, and a coroutine that has started holds a parked thread until closed.
     */
    private void checkClosed(Coroutine<?> coroutine) {
        if (closed) {
            IllegalStateException closedError = new IllegalStateException(CLOSED_MESSAGE);
            try {
                coroutine.close();
            } catch (RuntimeException refused) {
                closedError.addSuppressed(refused);
            }
            throw closedError;
        }
    }

    /**
     * In debug mode, fails fast when a non-thread-safe operation comes from a thread other than
     * the running loop's (or one of its coroutines).
     */
    protected final void checkThread() {
        if (thread != null && RunningLoops.get() != outer) {
            throw new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the current"
                    + " one (called from thread " + Thread.currentThread().getName() + "); use callSoonThreadsafe()");
        }
    }

    private void checkNotRunning() {
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RunningLoops.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
    }

    private void runOnce() {
        long timeout;
        ScheduledHandle nextTimer = timers.peek();
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else if (nextTimer != null) {
            timeout = Math.min(MAXIMUM_SELECT_TIMEOUT_NANOS, Math.max(0, saturatedAdd(nextTimer.when(), -time())));
        } else {
            timeout = -1;
        }
        if (timeout != 0) {
            sleeping = true;
            if (!inbox.isEmpty()) {
                timeout = 0;
            }
        }
        try {
            processEvents(timeout);
        } finally {
            sleeping = false;
        }
        moveInboxToReady();
        long lag = -1;
        if (timers.size() > 0) {
            long now = time();
            ScheduledHandle due;
            while ((due = timers.pollDue(now)) != null) {
                lag = Math.max(lag, saturatedAdd(now, -due.when()));
                ready.addLast(due);
            }
        }
        UnretrievedExceptions.deliverCollected();

        LoopIterationEvent iteration = observer.callbacksStarting(ready.size(), timers.live(), lag);
        for (int remaining = ready.size(); remaining > 0; remaining--) {
            CallbackHandle handle = ready.pollFirst();
            if (!handle.cancelled()) {
                observer.run(handle, debug, slowCallbackNanos);
            }
        }
        observer.callbacksFinished(iteration, ready.size());
    }

    /** Appends what callSoonThreadsafe queued to the ready queue, in the order it came. */
    private void moveInboxToReady() {
        CallbackHandle submitted;
        while ((submitted = inbox.poll()) != null) {
            ready.addLast(submitted);
        }
    }

    /** {@code duration} in nanoseconds, or the nearest long if it has more (a "never" of callers). */
    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, or the nearest long if the sum has none: deadlines at the end of time stay there. */
    private static long saturatedAdd(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}

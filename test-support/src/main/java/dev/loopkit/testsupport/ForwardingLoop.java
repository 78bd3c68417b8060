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
package dev.loopkit.testsupport;

import dev.loopkit.api.Connection;
import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
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
import dev.loopkit.api.TimerHandle;
import dev.loopkit.api.Transport;
import dev.loopkit.spi.BaseEventLoop;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A loop that forwards every call to a {@link BaseEventLoop} made to see it as its outer loop
 * ({@link BaseEventLoop#BaseEventLoop(EventLoop)}), so that unchanged it behaves exactly as that
 * loop. {@code BaseEventLoop}'s public behaviour is final: the TCK's broken providers that break
 * it are subclasses of this class that override one method, the way a vendor who implements
 * {@link EventLoop} itself could get it wrong. Thread-safety: as the loop it forwards to.
 */
public class ForwardingLoop implements EventLoop {

    private final BaseEventLoop delegate;

    /** Forwards to a {@link RecordingLoop}. */
    public ForwardingLoop() {
        this(RecordingLoop::new);
    }

    /**
     * Forwards to the loop {@code delegate} makes, given this loop as its outer loop.
     *
     * @param delegate makes the loop to forward to from its outer loop
     */
    @SuppressWarnings("this-escape") // the delegate keeps this as its outer loop and calls nothing on it yet
    protected ForwardingLoop(Function<EventLoop, ? extends BaseEventLoop> delegate) {
        this.delegate = delegate.apply(this);
    }

    /**
     * The loop every call goes to.
     *
     * @return the loop this one forwards to
     */
    protected final BaseEventLoop delegate() {
        return delegate;
    }

    /** Fails with asyncio's message if the loop is closed, as {@code BaseEventLoop} does. */
    protected final void checkClosed() {
        if (isClosed()) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    @Override
    public void runForever() {
        delegate.runForever();
    }

    @Override
    public <T> T runUntilComplete(Future<T> future) {
        return delegate.runUntilComplete(future);
    }

    @Override
    public <T> T runUntilComplete(Coroutine<T> coroutine) {
        return delegate.runUntilComplete(coroutine);
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public boolean isRunning() {
        return delegate.isRunning();
    }

    @Override
    public boolean isClosed() {
        return delegate.isClosed();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Handle callSoon(Runnable callback, Context context) {
        return delegate.callSoon(callback, context);
    }

    @Override
    public Handle callSoonThreadsafe(Runnable callback, Context context) {
        return delegate.callSoonThreadsafe(callback, context);
    }

    @Override
    public TimerHandle callLater(Duration delay, Runnable callback, Context context) {
        return delegate.callLater(delay, callback, context);
    }

    @Override
    public TimerHandle callAt(long whenNanos, Runnable callback, Context context) {
        return delegate.callAt(whenNanos, callback, context);
    }

    @Override
    public long time() {
        return delegate.time();
    }

    @Override
    public <T> Future<T> createFuture() {
        return delegate.createFuture();
    }

    @Override
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
        return delegate.createTask(coroutine, name, context);
    }

    @Override
    public void setTaskFactory(TaskFactory factory) {
        delegate.setTaskFactory(factory);
    }

    @Override
    public TaskFactory getTaskFactory() {
        return delegate.getTaskFactory();
    }

    @Override
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
        return delegate.runInExecutor(executor, call);
    }

    @Override
    public void setDefaultExecutor(ExecutorService executor) {
        delegate.setDefaultExecutor(executor);
    }

    @Override
    public Future<Void> shutdownDefaultExecutor() {
        return delegate.shutdownDefaultExecutor();
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        return delegate.createConnection(protocolFactory, host, port);
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return delegate.createServer(protocolFactory, host, port);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port, SslOptions ssl) {
        return delegate.createConnection(protocolFactory, host, port, ssl);
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port,
            SslOptions ssl) {
        return delegate.createServer(protocolFactory, host, port, ssl);
    }

    @Override
    public Future<Transport> startTls(Transport transport, Protocol protocol, SslOptions ssl) {
        return delegate.startTls(transport, protocol, ssl);
    }

    @Override
    public Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> protocolFactory,
            ProcessBuilder command) {
        return delegate.subprocessExec(protocolFactory, command);
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, ServerSocketChannel channel) {
        return delegate.createServer(protocolFactory, channel);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            SocketChannel channel) {
        return delegate.connectAcceptedSocket(protocolFactory, channel);
    }

    @Override
    public void addSignalHandler(String signal, Runnable callback) {
        delegate.addSignalHandler(signal, callback);
    }

    @Override
    public boolean removeSignalHandler(String signal) {
        return delegate.removeSignalHandler(signal);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory, Path path) {
        return delegate.createUnixConnection(protocolFactory, path);
    }

    @Override
    public Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, Path path) {
        return delegate.createUnixServer(protocolFactory, path);
    }

    @Override
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local, InetSocketAddress remote) {
        return delegate.createDatagramEndpoint(protocolFactory, local, remote);
    }

    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        delegate.addReader(channel, callback);
    }

    @Override
    public boolean removeReader(SelectableChannel channel) {
        return delegate.removeReader(channel);
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        delegate.addWriter(channel, callback);
    }

    @Override
    public boolean removeWriter(SelectableChannel channel) {
        return delegate.removeWriter(channel);
    }

    @Override
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return delegate.sockConnect(channel, address);
    }

    @Override
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return delegate.sockAccept(channel);
    }

    @Override
    public Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) {
        return delegate.sockRecv(channel, buffer);
    }

    @Override
    public Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data) {
        return delegate.sockSendAll(channel, data);
    }

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return delegate.getExceptionHandler();
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        delegate.callExceptionHandler(context);
    }

    @Override
    public void defaultExceptionHandler(ExceptionContext context) {
        delegate.defaultExceptionHandler(context);
    }

    @Override
    public void setDebug(boolean enabled) {
        delegate.setDebug(enabled);
    }

    @Override
    public boolean getDebug() {
        return delegate.getDebug();
    }

    @Override
    public void setSlowCallbackDuration(Duration threshold) {
        delegate.setSlowCallbackDuration(threshold);
    }

    @Override
    public LoopMetrics metrics() {
        return delegate.metrics();
    }

    @Override
    public Duration getSlowCallbackDuration() {
        return delegate.getSlowCallbackDuration();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}

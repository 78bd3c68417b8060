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

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Connection;
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How a {@link BaseEventLoop} opens connections, servers and endpoints on its back end's
 * {@code make*} hooks: the argument checks, host resolution (literals at once, names on the
 * default executor, as asyncio's {@code getaddrinfo}) and connecting to each address in turn
 * (asyncio's {@code create_connection}). Loop thread only.
 */
final class Connector {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4_LITERAL = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

    private final BaseEventLoop loop;

    Connector(BaseEventLoop loop) {
        this.loop = loop;
    }

    <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        loop.checkClosed();
        BuiltinFuture<Connection<P>> result = loop.newFuture();
        whenResolved(host, result, addresses -> connectInTurn(addresses, 0, port, protocolFactory, result, null));
        return result;
    }

    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        loop.checkClosed();
        BuiltinFuture<Server> result = loop.newFuture();
        whenResolved(host, result, addresses -> {
            try {
                result.setResult(loop.makeServer(new InetSocketAddress(addresses[0], port), protocolFactory));
            } catch (IOException | RuntimeException e) {
                result.setException(e);
            }
        });
        return result;
    }

    /**
     * Connects, then runs the TLS handshake; the connection is the application's transport and
     * protocol once the handshake is over. Cancelling it aborts the connection.
     */
    <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host, int port,
            SslOptions ssl) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        requireSide(ssl, false, "createConnection");
        String peerHost = ssl.serverHostname() != null ? ssl.serverHostname() : host;
        BuiltinFuture<Connection<P>> result = loop.newFuture();
        BuiltinFuture<Transport> handshake = loop.newFuture();
        Future<Connection<SslProtocol>> connecting = createConnection(
                () -> new SslProtocol(loop, protocolFactory.get(), ssl, peerHost, port, handshake, true), host, port);
        connecting.addDoneCallback(made -> {
            if (made.cancelled() || made.exception() != null) {
                handshake.cancel();
                if (!result.done()) {
                    result.setException(made.cancelled() ? new CancelledException("connection attempt cancelled")
                            : made.exception());
                }
            }
        });
        handshake.addDoneCallback(done -> {
            if (result.done() || done.cancelled()) {
                return;
            }
            if (done.exception() != null) {
                result.setException(done.exception());
                return;
            }
            @SuppressWarnings("unchecked")
            P protocol = (P) done.result().getProtocol();
            result.setResult(new Connection<>(done.result(), protocol));
        });
        result.addDoneCallback(done -> {
            if (!done.cancelled()) {
                return;
            }
            // Before the connect: it never completes. During the handshake: the connection goes.
            connecting.cancel();
            if (connecting.done() && !connecting.cancelled() && connecting.exception() == null) {
                connecting.result().transport().abort();
            }
        });
        return result;
    }

    /** Starts a server whose every connection runs the TLS handshake before its protocol hears of it. */
    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port, SslOptions ssl) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        requireSide(ssl, true, "createServer");
        return createServer(() -> new SslProtocol(loop, protocolFactory.get(), ssl, null, -1, null, true), host, port);
    }

    /** Switches a live transport to TLS: its records go to a new {@link SslProtocol} from now on. */
    Future<Transport> startTls(Transport transport, Protocol protocol, SslOptions ssl) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ssl, "ssl");
        if (!ssl.serverSide() && ssl.serverHostname() == null) {
            throw new IllegalArgumentException("startTls needs the server's host name for a client: set it with"
                    + " ssl.withServerHostname(name), or \"\" for no host name check");
        }
        if (transport.isClosing()) {
            throw new IllegalStateException("startTls on a closing transport: the connection is already going away");
        }
        loop.checkClosed();
        Object peer = transport.getExtraInfo("peername");
        int peerPort = peer instanceof InetSocketAddress address ? address.getPort() : -1;
        BuiltinFuture<Transport> result = loop.newFuture();
        SslProtocol tls = new SslProtocol(loop, protocol, ssl, ssl.serverHostname(), peerPort, result, false);
        transport.setProtocol(tls);
        tls.start(transport);
        return result;
    }

    private static void requireSide(SslOptions ssl, boolean serverSide, String call) {
        Objects.requireNonNull(ssl, "ssl");
        if (ssl.serverSide() != serverSide) {
            throw new IllegalArgumentException(call + " needs " + (serverSide ? "server" : "client")
                    + " options: make them with SslOptions." + (serverSide ? "server" : "client") + "(context)");
        }
    }

    Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, ServerSocketChannel channel) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        requireTcp(channel, "bound", "bind it to an address first", ServerSocketChannel::getLocalAddress);
        loop.checkClosed();
        loop.requireNotOwned(channel);
        try {
            BuiltinFuture<Server> result = loop.newFuture();
            result.setResult(loop.makeServer(channel, protocolFactory));
            return result;
        } catch (IOException | RuntimeException e) {
            ChannelTransport.closeQuietly(channel);
            return loop.failed(e);
        }
    }

    <P extends Protocol> Future<Connection<P>> connectAcceptedSocket(Supplier<P> protocolFactory,
            SocketChannel channel) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        requireTcp(channel, "connected", "pass a channel that ServerSocketChannel.accept() returned",
                SocketChannel::getRemoteAddress);
        loop.checkClosed();
        loop.requireNotOwned(channel);
        BuiltinFuture<Connection<P>> result = loop.newFuture();
        Future<Transport> attempt;
        try {
            attempt = loop.makeAcceptedSocketTransport(channel, protocolFactory);
        } catch (RuntimeException e) {
            ChannelTransport.closeQuietly(channel);
            return loop.failed(e);
        }
        cancelWith(result, attempt);
        attempt.addDoneCallback(made -> {
            Throwable error = adoptConnection(made, result);
            if (error != null) {
                ChannelTransport.closeQuietly(channel);
                if (!result.done()) {
                    result.setException(error);
                }
            }
        });
        return result;
    }

    /**
     * Fails with a message naming what is wrong unless {@code channel} is open and its
     * {@code address} (local or remote) is a TCP one, which it has once it is {@code state}.
     */
    private static <C extends NetworkChannel> void requireTcp(C channel, String state, String advice,
            ChannelAddress<C> address) {
        Objects.requireNonNull(channel, "channel");
        SocketAddress found;
        try {
            found = address.of(channel);
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed: pass an open one", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the channel's address cannot be read: " + e.getMessage(), e);
        }
        if (found == null) {
            throw new IllegalArgumentException("the channel is not " + state + ": " + advice);
        }
        if (!(found instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("the channel is not TCP (its address is " + found
                    + "): only TCP channels are served this way");
        }
    }

    /** Reads a channel's local or remote address. */
    @FunctionalInterface
    private interface ChannelAddress<C> {
        SocketAddress of(C channel) throws IOException;
    }

    <P extends Protocol> Future<Connection<P>> createUnixConnection(Supplier<P> protocolFactory, Path path) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        loop.checkClosed();
        BuiltinFuture<Connection<P>> result = loop.newFuture();
        Future<Transport> attempt = loop.makeUnixSocketTransport(UnixDomainSocketAddress.of(path), protocolFactory);
        cancelWith(result, attempt);
        attempt.addDoneCallback(made -> {
            Throwable error = adoptConnection(made, result);
            if (error != null && !result.done()) {
                result.setException(error);
            }
        });
        return result;
    }

    Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, Path path) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        loop.checkClosed();
        try {
            BuiltinFuture<Server> result = loop.newFuture();
            result.setResult(loop.makeUnixServer(UnixDomainSocketAddress.of(path), protocolFactory));
            return result;
        } catch (IOException | RuntimeException e) {
            return loop.failed(e);
        }
    }

    <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local, InetSocketAddress remote) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        if (local == null && remote == null) {
            throw new IllegalArgumentException("give a local address, a remote address, or both");
        }
        for (InetSocketAddress address : new InetSocketAddress[] {local, remote}) {
            if (address != null && address.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address " + address
                        + ": pass a resolved InetSocketAddress (e.g. new InetSocketAddress(\"127.0.0.1\", port))");
            }
        }
        loop.checkClosed();
        try {
            DatagramTransport transport = loop.makeDatagramTransport(protocolFactory, local, remote);
            @SuppressWarnings("unchecked")
            P protocol = (P) transport.getProtocol();
            BuiltinFuture<DatagramEndpoint<P>> result = loop.newFuture();
            result.setResult(new DatagramEndpoint<>(transport, protocol));
            return result;
        } catch (IOException | RuntimeException e) {
            return loop.failed(e);
        }
    }

    /** Tries each address in turn (asyncio's create_connection loop); the last error wins. */
    private <P extends Protocol> void connectInTurn(InetAddress[] addresses, int index, int port,
            Supplier<P> protocolFactory, BuiltinFuture<Connection<P>> result, Throwable previous) {
        if (result.done()) {
            return;
        }
        if (index == addresses.length) {
            result.setException(previous);
            return;
        }
        Future<Transport> attempt = loop.makeSocketTransport(new InetSocketAddress(addresses[index], port), protocolFactory);
        cancelWith(result, attempt);
        attempt.addDoneCallback(made -> {
            Throwable error = adoptConnection(made, result);
            if (error == null) {
                return;
            }
            if (previous != null && previous != error) {
                error.addSuppressed(previous);
            }
            connectInTurn(addresses, index + 1, port, protocolFactory, result, error);
        });
    }

    /** Cancels the connection {@code attempt} when the caller cancels {@code result}, so its socket closes at once. */
    private static void cancelWith(Future<?> result, Future<Transport> attempt) {
        result.addDoneCallback(done -> {
            if (done.cancelled()) {
                attempt.cancel();
            }
        });
    }

    /**
     * Completes {@code result} with a connected attempt's transport and protocol (or aborts the
     * transport if {@code result} is already done, cancelled by the caller, say).
     *
     * @return the attempt's failure, for the caller to report or to try the next address with
     */
    private static <P extends Protocol> Throwable adoptConnection(Future<Transport> attempt,
            BuiltinFuture<Connection<P>> result) {
        if (attempt.cancelled()) {
            return new CancelledException("connection attempt cancelled");
        }
        if (attempt.exception() != null) {
            return attempt.exception();
        }
        Transport transport = attempt.result();
        if (result.done()) {
            transport.abort();
        } else {
            @SuppressWarnings("unchecked")
            P protocol = (P) transport.getProtocol();
            result.setResult(new Connection<>(transport, protocol));
        }
        return null;
    }

    /** Resolves {@code host}, then runs {@code then}; a failure (or a result already done) ends there. */
    private <T> void whenResolved(String host, BuiltinFuture<T> result, Consumer<InetAddress[]> then) {
        resolve(host).addDoneCallback(resolved -> {
            if (result.done()) {
                return;
            }
            if (resolved.exception() != null) {
                result.setException(resolved.exception());
                return;
            }
            then.accept(resolved.result());
        });
    }

    /**
     * Resolves {@code host} on the default executor (asyncio's getaddrinfo in the executor); an
     * address literal needs no lookup and resolves at once (asyncio's _ipaddr_info). Only a valid
     * dotted quad counts as an IPv4 literal: the JDK looks up anything else that starts with a
     * digit, such as {@code 1.2.3.4.5}, as a name, which must not happen on the loop thread. A
     * host with a colon can only be an IPv6 literal, which the JDK parses without a lookup.
     */
    private Future<InetAddress[]> resolve(String host) {
        if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
            try {
                BuiltinFuture<InetAddress[]> literal = loop.newFuture();
                literal.setResult(InetAddress.getAllByName(host));
                return literal;
            } catch (UnknownHostException e) {
                return loop.failed(e);
            }
        }
        return loop.runInExecutor(null, () -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                UnknownHostException clear = new UnknownHostException("cannot resolve host '" + host + "'");
                clear.initCause(e);
                throw clear;
            }
        });
    }
}

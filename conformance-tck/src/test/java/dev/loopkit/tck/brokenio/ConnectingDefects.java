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
package dev.loopkit.tck.brokenio;

import dev.loopkit.api.Connection;
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.spi.BuiltinFuture;
import dev.loopkit.testsupport.ForwardingLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link ThreadedLoop} behind a loop that forwards to it, carrying the defects that are in how
 * the loop's public {@code create*} calls treat their arguments and report their failures (the
 * base loop's own are final): the way a vendor that implements {@code EventLoop} by delegation
 * could get them wrong.
 */
final class ConnectingDefects extends ForwardingLoop {

    private final ThreadedLoop.Defect defect;

    /** A threaded loop with {@code defect}, behind a forwarding loop if the defect is in a create* call. */
    static EventLoop loop(ThreadedLoop.Defect defect) {
        return switch (defect) {
            case CLOSED_LOOP_FAILS_THE_FUTURE, RESOLVES_LITERALS_IN_EXECUTOR, LOOKUP_FAILURE_AS_REFUSED,
                    UNIX_BIND_ERROR_THROWN, UDP_RESOLVES_FOR_THE_CALLER, SKIPS_THE_HOST_NAME_CHECK,
                    SERVES_PLAINTEXT_DESPITE_SSL, MERGES_STDERR_INTO_STDOUT, LEAVES_CHILDREN_RUNNING ->
                    new ConnectingDefects(defect);
            default -> new ThreadedLoop(defect);
        };
    }

    private ConnectingDefects(ThreadedLoop.Defect defect) {
        super(outer -> new ThreadedLoop(defect, outer));
        this.defect = defect;
    }

    @Override
    public Future<SubprocessTransport> subprocessExec(Supplier<? extends SubprocessProtocol> protocolFactory,
            ProcessBuilder command) {
        if (defect == ThreadedLoop.Defect.MERGES_STDERR_INTO_STDOUT) {
            command.redirectErrorStream(true);
        } else if (defect == ThreadedLoop.Defect.LEAVES_CHILDREN_RUNNING) {
            // A background command's stdin is /dev/null unless it is handed over explicitly.
            List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                    "exec 3<&0; \"$@\" <&3 3<&- & wait $!", "sh"));
            wrapped.addAll(command.command());
            command.command(wrapped);
        }
        return delegate().subprocessExec(protocolFactory, command);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port, SslOptions ssl) {
        SslOptions used = defect == ThreadedLoop.Defect.SKIPS_THE_HOST_NAME_CHECK ? ssl.withServerHostname("") : ssl;
        return delegate().createConnection(protocolFactory, host, port, used);
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port,
            SslOptions ssl) {
        if (defect == ThreadedLoop.Defect.SERVES_PLAINTEXT_DESPITE_SSL) {
            return delegate().createServer(protocolFactory, host, port);
        }
        return delegate().createServer(protocolFactory, host, port, ssl);
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        if (closedAndDefective()) {
            return failedClosed();
        }
        if (defect == ThreadedLoop.Defect.RESOLVES_LITERALS_IN_EXECUTOR) {
            runInExecutor(null, () -> InetAddress.getAllByName(host));
        }
        Future<Connection<P>> connecting = delegate().createConnection(protocolFactory, host, port);
        if (defect != ThreadedLoop.Defect.LOOKUP_FAILURE_AS_REFUSED) {
            return connecting;
        }
        // The defect: every failure looks like a refused connection, a failed lookup too.
        Future<Connection<P>> reported = createFuture();
        connecting.addDoneCallback(done -> {
            if (done.exception() != null) {
                reported.setException(new ConnectException("connection to " + host + " failed"));
            } else {
                reported.setResult(done.result());
            }
        });
        return reported;
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return closedAndDefective() ? failedClosed() : delegate().createServer(protocolFactory, host, port);
    }

    private boolean closedAndDefective() {
        return defect == ThreadedLoop.Defect.CLOSED_LOOP_FAILS_THE_FUTURE && isClosed();
    }

    /** The defect: a closed loop is reported through the returned future instead of at once. */
    private <T> Future<T> failedClosed() {
        Future<T> failed = new BuiltinFuture<>(this);
        failed.setException(new IllegalStateException("Event loop is closed"));
        return failed;
    }

    @Override
    public Future<Server> createUnixServer(Supplier<? extends Protocol> protocolFactory, Path path) {
        Future<Server> serving = delegate().createUnixServer(protocolFactory, path);
        if (defect == ThreadedLoop.Defect.UNIX_BIND_ERROR_THROWN && serving.exception() instanceof IOException e) {
            throw new UncheckedIOException("cannot serve on " + path, e);
        }
        return serving;
    }

    @Override
    public <P extends DatagramProtocol> Future<DatagramEndpoint<P>> createDatagramEndpoint(
            Supplier<P> protocolFactory, InetSocketAddress local, InetSocketAddress remote) {
        if (defect == ThreadedLoop.Defect.UDP_RESOLVES_FOR_THE_CALLER) {
            return delegate().createDatagramEndpoint(protocolFactory, resolved(local), resolved(remote));
        }
        return delegate().createDatagramEndpoint(protocolFactory, local, remote);
    }

    /** The defect's helpful lookup, on the loop thread. */
    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address == null || !address.isUnresolved() ? address
                : new InetSocketAddress(address.getHostString(), address.getPort());
    }
}

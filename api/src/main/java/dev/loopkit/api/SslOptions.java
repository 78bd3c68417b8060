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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apiguardian.api.API;

/**
 * How a stream connection speaks TLS (asyncio's {@code ssl=}, {@code server_hostname=},
 * {@code ssl_handshake_timeout=} and {@code ssl_shutdown_timeout=} arguments, with what Python keeps
 * in its {@code SSLContext} and Java does not: ALPN and client authentication). Immutable; start
 * from {@link #client} or {@link #server} and change one setting at a time with the
 * {@code with*} methods.
 *
 * <p>A client checks the server's certificate against the context's trust managers and, unless
 * {@code serverHostname} is empty, that it names the host (the host given to
 * {@code createConnection} when {@code serverHostname} is null). Renegotiation (TLS 1.2 and older)
 * is refused, as asyncio's OpenSSL does.
 *
 * @param context where keys, trusted certificates and the protocol versions come from; never null
 * @param serverSide true for the accepting side of a connection
 * @param serverHostname client only: the name sent as SNI and checked against the server's
 *     certificate; null for the host the connection was opened to, empty for no check
 * @param alpnProtocols the application protocols to offer (client) or accept (server), most
 *     preferred first, e.g. {@code "h2"}, {@code "http/1.1"}; empty for no ALPN
 * @param clientAuth server only: whether to ask the client for a certificate
 * @param handshakeTimeout how long the handshake may take before the connection is aborted;
 *     positive (asyncio's default: 60 s)
 * @param shutdownTimeout how long closing waits for the peer's close_notify before aborting;
 *     positive (asyncio's default: 30 s)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SslOptions(SSLContext context, boolean serverSide, String serverHostname,
        List<String> alpnProtocols, ClientAuth clientAuth, Duration handshakeTimeout,
        Duration shutdownTimeout) {

    /** asyncio's {@code SSL_HANDSHAKE_TIMEOUT}. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** asyncio's {@code SSL_SHUTDOWN_TIMEOUT}. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Whether a server asks the client for a certificate. */
    public enum ClientAuth {
        /** It does not ask. */
        NONE,
        /** It asks; a client without one is served all the same. */
        WANT,
        /** It asks; a client without one fails the handshake. */
        NEED
    }

    /**
     * Checks the settings.
     *
     * @throws NullPointerException if {@code context}, {@code alpnProtocols}, {@code clientAuth} or a
     *     timeout is null
     * @throws IllegalArgumentException for a timeout that is not positive, an empty ALPN name, a
     *     server with a host name or a client with client authentication
     */
    public SslOptions {
        Objects.requireNonNull(context, "context");
        alpnProtocols = List.copyOf(Objects.requireNonNull(alpnProtocols, "alpnProtocols"));
        Objects.requireNonNull(clientAuth, "clientAuth");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        for (String name : alpnProtocols) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an ALPN protocol name is empty: give names such as \"http/1.1\"");
            }
        }
        if (serverSide && serverHostname != null) {
            throw new IllegalArgumentException("serverHostname is for clients: a server does not send one");
        }
        if (!serverSide && clientAuth != ClientAuth.NONE) {
            throw new IllegalArgumentException("clientAuth is for servers: a client sends its certificate"
                    + " when its context has a key manager");
        }
    }

    /**
     * Returns a client's options: the host name checked, no ALPN, asyncio's timeouts.
     *
     * @param context the client's context, trusting the servers it talks to; never null
     * @return the options
     */
    public static SslOptions client(SSLContext context) {
        return new SslOptions(context, false, null, List.of(), ClientAuth.NONE, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_SHUTDOWN_TIMEOUT);
    }

    /**
     * Returns a server's options: no client certificate asked for, no ALPN, asyncio's timeouts.
     *
     * @param context the server's context, with its key and certificate; never null
     * @return the options
     */
    public static SslOptions server(SSLContext context) {
        return new SslOptions(context, true, null, List.of(), ClientAuth.NONE, DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_SHUTDOWN_TIMEOUT);
    }

    /**
     * Returns these options with another server name (client only).
     *
     * @param name the name to send and check; empty for no check; null for the connection's host
     * @return the new options
     */
    public SslOptions withServerHostname(String name) {
        return new SslOptions(context, serverSide, name, alpnProtocols, clientAuth, handshakeTimeout, shutdownTimeout);
    }

    /**
     * Returns these options offering or accepting {@code protocols} through ALPN.
     *
     * @param protocols the protocol names, most preferred first; none for no ALPN
     * @return the new options
     */
    public SslOptions withAlpnProtocols(String... protocols) {
        return new SslOptions(context, serverSide, serverHostname, List.of(protocols), clientAuth, handshakeTimeout,
                shutdownTimeout);
    }

    /**
     * Returns these options with another client authentication (server only).
     *
     * @param auth whether to ask for a client certificate; never null
     * @return the new options
     */
    public SslOptions withClientAuth(ClientAuth auth) {
        return new SslOptions(context, serverSide, serverHostname, alpnProtocols, auth, handshakeTimeout,
                shutdownTimeout);
    }

    /**
     * Returns these options with other timeouts.
     *
     * @param handshake how long the handshake may take; positive
     * @param shutdown how long closing waits for the peer's close_notify; positive
     * @return the new options
     */
    public SslOptions withTimeouts(Duration handshake, Duration shutdown) {
        return new SslOptions(context, serverSide, serverHostname, alpnProtocols, clientAuth, handshake, shutdown);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + timeout);
        }
    }
}

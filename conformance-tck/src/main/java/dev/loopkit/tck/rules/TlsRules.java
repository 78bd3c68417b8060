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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.optional;
import static dev.loopkit.tck.rules.IoProtocols.port;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.Transport;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.rules.IoProtocols.Echo;
import dev.loopkit.tck.rules.IoProtocols.Recorder;
import dev.loopkit.toolkit.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.apiguardian.api.API;

/**
 * TL: TLS on the loop's stream transports (asyncio's {@code ssl=} and {@code start_tls}).
 * Optional: run only for providers declaring capability {@code tls}. The SPI's base loop has one
 * TLS layer for every loop; what these rules certify is that the vendor's transports carry it
 * (writes, reads, closing, a protocol switched under a live connection) and that a vendor who
 * implements the calls itself keeps their checks. Certificates are made when the rules first run.
 */
@API(status = INTERNAL, since = "0.1")
public final class TlsRules implements RuleGroup {

    /** A handshake on a loaded machine takes well under this; a broken one fails within it. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    private static final int SIZE = 1024 * 1024;

    @Override
    public String prefix() {
        return "TL";
    }

    @Override
    public String title() {
        return "TLS";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                optional("TL-01", Capabilities.TLS, "a TLS server and client of the loop complete the handshake,"
                        + " carry 1 MiB both ways intact, report the server's certificate as \"peercert\", and a"
                        + " close_notify exchange ends both sides with connectionLost(null)",
                        "create_server(ssl=) / create_connection(ssl=); sslproto.SSLProtocol",
                        "that createServer with SslOptions really serves TLS, and that the transports deliver"
                                + " every byte the TLS layer writes and reads",
                        tck -> {
                            EventLoop loop = tck.loop();
                            SelfSignedCertificate certificate = Certificates.SERVER.get();
                            byte[] data = new byte[SIZE];
                            new Random(11).nextBytes(data);
                            Recorder client = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = Async.await(loop.createServer(Echo::new, "127.0.0.1", 0,
                                        SslOptions.server(certificate.keyContext()).withTimeouts(HANDSHAKE_TIMEOUT,
                                                HANDSHAKE_TIMEOUT)));
                                Connection<Recorder> connection = Async.await(loop.createConnection(
                                        () -> new Recorder(loop), "127.0.0.1", port(server), client(certificate)));
                                assertEquals(certificate.certificate(), connection.transport().getExtraInfo("peercert"),
                                        "the client's \"peercert\"");
                                connection.transport().write(ByteBuffer.wrap(data));
                                Async.await(connection.protocol().receivedAtLeast(SIZE));
                                connection.transport().close();
                                assertNull(Async.await(connection.protocol().lost),
                                        "the cause after a close_notify exchange");
                                server.close();
                                return connection.protocol();
                            }));
                            assertEquals(SIZE, client.received, "bytes echoed back over TLS");
                            assertArrayEquals(sha256(data), client.digest.digest(), "SHA-256 of what came back");
                        }),
                optional("TL-02", Capabilities.TLS, "startTls upgrades a live plaintext connection on both sides:"
                        + " the bytes after it are TLS, and the new transports carry data both ways",
                        "loop.start_tls; BaseTransport.set_protocol",
                        "that Transport.setProtocol makes the transport call the new protocol from the next read on",
                        tck -> {
                            EventLoop loop = tck.loop();
                            SelfSignedCertificate certificate = Certificates.SERVER.get();
                            String seen = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = Async.await(loop.createServer(() -> new StartTlsServer(loop,
                                        SslOptions.server(certificate.keyContext()).withTimeouts(HANDSHAKE_TIMEOUT,
                                                HANDSHAKE_TIMEOUT)), "127.0.0.1", 0));
                                Connection<Recorder> plain = Async.await(loop.createConnection(() -> new Recorder(loop),
                                        "127.0.0.1", port(server)));
                                plain.transport().write(ByteBuffer.wrap("STARTTLS\n".getBytes(StandardCharsets.UTF_8)));
                                Async.await(plain.protocol().receivedAtLeast(3));
                                Recorder secure = new Recorder(loop);
                                Transport tls = Async.await(loop.startTls(plain.transport(), secure,
                                        client(certificate).withServerHostname("localhost")));
                                secure.connectionMade(tls); // startTls does not call it, as in asyncio
                                tls.write(ByteBuffer.wrap("secret".getBytes(StandardCharsets.UTF_8)));
                                Async.await(secure.receivedAtLeast(6));
                                tls.close();
                                Async.await(secure.lost);
                                server.close();
                                return secure.received + " bytes, " + tls.getExtraInfo("ssl_version");
                            }));
                            assertEquals("6 bytes, TLSv1.3", seen, "what came back over the upgraded connection");
                        }),
                optional("TL-03", Capabilities.TLS, "a TLS client refuses a server whose certificate names"
                        + " another host, or that no trust manager trusts: the connection fails with"
                        + " SSLHandshakeException",
                        "create_connection(ssl=, server_hostname=); ssl.SSLContext.check_hostname",
                        "that a createConnection with SslOptions checks the host name the options give (the"
                                + " host itself when they give none) and the certificate's trust",
                        tck -> {
                            EventLoop loop = tck.loop();
                            SelfSignedCertificate certificate = Certificates.SERVER.get();
                            try (SSLServerSocket peer = (SSLServerSocket) certificate.keyContext()
                                    .getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
                                Thread.ofVirtual().name("tck-tls-peer").start(() -> handshakeEach(peer));
                                assertRefused(loop, peer.getLocalPort(),
                                        client(certificate).withServerHostname("wrong.example"),
                                        "a certificate for localhost, asked for wrong.example");
                                assertRefused(loop, peer.getLocalPort(),
                                        SslOptions.client(Certificates.STRANGER.get().trustContext())
                                                .withTimeouts(HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT),
                                        "a certificate no trust manager trusts");
                            }
                        }));
    }

    private static SslOptions client(SelfSignedCertificate trusted) {
        return SslOptions.client(trusted.trustContext()).withTimeouts(HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT);
    }

    private static void assertRefused(EventLoop loop, int port, SslOptions options, String what) {
        Future<Connection<Recorder>> attempt = loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port,
                options);
        try {
            Connection<Recorder> connected = loop.runUntilComplete(attempt);
            connected.transport().abort();
            fail("the client connected to a server with " + what);
        } catch (RuntimeException expected) {
            assertInstanceOf(SSLHandshakeException.class, attempt.exception(),
                    "why the client refused a server with " + what);
        }
    }

    /** Accepts connections and runs the server side of each handshake, until the socket closes. */
    private static void handshakeEach(SSLServerSocket peer) {
        while (!peer.isClosed()) {
            try (Socket accepted = peer.accept()) {
                accepted.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
                ((SSLSocket) accepted).startHandshake();
                accepted.getInputStream().read();
            } catch (IOException refusedOrClosed) {
                // the client refused the certificate, or the rule is over
            }
        }
    }

    /** Echoes "OK" to a line "STARTTLS", then switches the connection to TLS and echoes over it. */
    private static final class StartTlsServer implements Protocol {
        private final EventLoop loop;
        private final SslOptions options;
        private Transport plain;

        StartTlsServer(EventLoop loop, SslOptions options) {
            this.loop = loop;
            this.options = options;
        }

        @Override
        public void connectionMade(Transport transport) {
            plain = transport;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (StandardCharsets.UTF_8.decode(data).toString().equals("STARTTLS\n")) {
                plain.write(ByteBuffer.wrap("OK\n".getBytes(StandardCharsets.UTF_8)));
                Echo echo = new Echo();
                loop.startTls(plain, echo, options).addDoneCallback(done -> {
                    if (done.exception() == null) {
                        echo.connectionMade(done.result());
                    }
                });
            }
        }
    }

    /** The certificates the rules use, made once per JVM (keytool takes a second). */
    private enum Certificates {
        SERVER("localhost", "127.0.0.1"),
        STRANGER("stranger.test");

        private final String[] names;
        private SelfSignedCertificate made;

        Certificates(String... names) {
            this.names = names;
        }

        synchronized SelfSignedCertificate get() {
            if (made == null) {
                try {
                    made = SelfSignedCertificate.generate(names);
                } catch (IOException e) {
                    throw new UncheckedIOException("the TCK cannot make its test certificate: " + e.getMessage(), e);
                }
            }
            return made;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

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
package dev.loopkit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.SslOptions.ClientAuth;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.toolkit.SelfSignedCertificate;
import dev.loopkit.testsupport.CollectingProtocol;
import dev.loopkit.testsupport.EchoProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS on the default loop, through the SPI's one TLS layer (the TCK's TL rules certify the same on
 * every provider): handshakes that must fail, integrity, close_notify both ways, backpressure,
 * renegotiation and {@code startTls}. Certificates are made at test time; no key is in the repository.
 */
@Timeout(120)
class TlsTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static SelfSignedCertificate server;
    private static SelfSignedCertificate stranger;

    private EventLoop loop;

    @BeforeAll
    static void makeCertificates() throws IOException {
        server = SelfSignedCertificate.generate("localhost", "127.0.0.1");
        stranger = SelfSignedCertificate.generate("client.test");
    }

    @BeforeEach
    void openLoop() {
        loop = LoopPolicy.builder().providerName("default").build().newEventLoop();
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Server listen(Protocol protocol, SslOptions options) {
        return Async.await(loop.createServer(() -> protocol, "127.0.0.1", 0, options));
    }

    private Server listenEcho(SslOptions options) {
        return Async.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0, options));
    }

    private static int port(Server listening) {
        return ((InetSocketAddress) listening.sockets().get(0)).getPort();
    }

    private Connection<CollectingProtocol> connect(int port, SslOptions options) {
        return Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1", port, options));
    }

    private static SslOptions serverOptions() {
        return SslOptions.server(server.keyContext());
    }

    private static SslOptions clientOptions() {
        return SslOptions.client(server.trustContext());
    }

    @Test
    void aHandshakeGivesTheSessionsDetailsAndEchoes() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server listening = listenEcho(serverOptions().withAlpnProtocols("h2", "http/1.1"));
            Connection<CollectingProtocol> client = connect(port(listening), clientOptions().withAlpnProtocols("http/1.1"));
            Transport tls = client.transport();
            assertEquals(server.certificate(), tls.getExtraInfo("peercert"));
            assertEquals("TLSv1.3", tls.getExtraInfo("ssl_version"));
            assertTrue(((String) tls.getExtraInfo("cipher")).startsWith("TLS_"), "cipher " + tls.getExtraInfo("cipher"));
            assertEquals("http/1.1", tls.getExtraInfo("alpn_protocol"));
            assertInstanceOf(InetSocketAddress.class, tls.getExtraInfo("peername"));
            assertFalse(tls.canWriteEof());
            assertThrows(UnsupportedOperationException.class, tls::writeEof);
            tls.write(ByteBuffer.wrap("hello, tls".getBytes(StandardCharsets.UTF_8)));
            Async.await(client.protocol().receivedAtLeast(10));
            assertEquals("hello, tls", client.protocol().text.toString());
            tls.close();
            assertNull(Async.await(client.protocol().lost), "the server answers close_notify: a regular close");
            listening.close();
            return null;
        }));
    }

    @Test
    void eightMebibytesArriveIntactBothWaysWithBackpressure() {
        long size = 8L * 1024 * 1024;
        byte[] chunk = new byte[256 * 1024];
        new Random(7).nextBytes(chunk);
        MessageDigest sent = CollectingProtocol.sha256();
        for (long n = 0; n < size; n += chunk.length) {
            sent.update(chunk);
        }
        byte[] expected = sent.digest();
        CollectingProtocol collector = loop.runUntilComplete(Coroutines.of(() -> {
            Server listening = listenEcho(serverOptions());
            Connection<CollectingProtocol> client = connect(port(listening), clientOptions());
            Future<Long> done = client.protocol().receivedAtLeast(size);
            // Written at once: the encrypted bytes pile up in the plaintext transport's buffer,
            // which must pause the writer and, once drained, resume it.
            for (long n = 0; n < size; n += chunk.length) {
                client.transport().write(ByteBuffer.wrap(chunk));
            }
            assertTrue(client.transport().getWriteBufferSize() > 0, "nothing buffered after writing 8 MiB at once");
            Async.await(done);
            client.transport().close();
            Async.await(client.protocol().lost);
            listening.close();
            return client.protocol();
        }));
        assertArrayEquals(expected, collector.digest.digest(), "SHA-256 of what came back differs from what was sent");
        assertEquals(size, collector.received);
        assertTrue(collector.pauses >= 1, "the writer was never paused");
        assertEquals(collector.pauses, collector.resumes, "every pause is followed by a resume");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        SSLHandshakeException refused = handshakeFailure(serverOptions(),
                clientOptions().withServerHostname("wrong.example"));
        assertTrue(String.valueOf(refused.getMessage()).contains("wrong.example"), refused.toString());
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        SSLHandshakeException refused = handshakeFailure(serverOptions(), SslOptions.client(stranger.trustContext()));
        assertTrue(refused.getMessage().contains("certification path") || refused.getMessage().contains("trust"),
                refused.toString());
    }

    @Test
    void aServerThatNeedsAClientCertificateRefusesAClientWithout() {
        CollectingProtocol served = new CollectingProtocol(loop);
        Throwable refused = loop.runUntilComplete(Coroutines.of(() -> {
            Server listening = listen(served, SslOptions.server(server.keyContext(stranger)).withClientAuth(ClientAuth.NEED));
            // In TLS 1.3 the client is done with its handshake before the server checks its
            // certificate: the server's alert then ends the connection.
            Connection<CollectingProtocol> client = connect(port(listening), clientOptions());
            Throwable cause = Async.await(client.protocol().lost);
            listening.close();
            return cause;
        }));
        assertInstanceOf(SSLException.class, refused);
        assertTrue(refused.getMessage().contains("certificate_required"), refused.toString());
        assertFalse(served.lost.done(), "the server's protocol never heard of the refused client");
    }

    @Test
    void aClientCertificateReachesTheServer() {
        CollectingProtocol served = new CollectingProtocol(loop);
        loop.runUntilComplete(Coroutines.of(() -> {
            Server listening = listen(served, SslOptions.server(server.keyContext(stranger)).withClientAuth(ClientAuth.NEED));
            Connection<CollectingProtocol> client = connect(port(listening), SslOptions.client(stranger.keyContext(server)));
            client.transport().write(ByteBuffer.wrap(new byte[] {1}));
            Async.await(served.receivedAtLeast(1));
            client.transport().close();
            assertNull(Async.await(served.lost), "the client's close_notify is a regular close");
            listening.close();
            return null;
        }));
    }

    /** The client's handshake with a server of {@code serverSide} fails; returns why. */
    private SSLHandshakeException handshakeFailure(SslOptions serverSide, SslOptions clientSide) {
        Future<Connection<CollectingProtocol>> attempt = loop.runUntilComplete(Coroutines.of(() -> {
            Server listening = listenEcho(serverSide);
            Future<Connection<CollectingProtocol>> connecting =
                    loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1", port(listening), clientSide);
            try {
                Async.await(connecting);
            } catch (RuntimeException expected) {
                // inspected below
            }
            listening.close();
            return connecting;
        }));
        Throwable error = attempt.exception();
        return assertInstanceOf(SSLHandshakeException.class, error, "expected a failed handshake, got " + error);
    }

    @Test
    void aServerThatNeverAnswersTimesTheHandshakeOut() {
        Future<Connection<CollectingProtocol>> attempt = loop.runUntilComplete(Coroutines.of(() -> {
            Server silent = Async.await(loop.createServer(() -> new Protocol() { }, "127.0.0.1", 0));
            Future<Connection<CollectingProtocol>> connecting = loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(silent), clientOptions().withTimeouts(SHORT, SHORT));
            try {
                Async.await(connecting);
            } catch (RuntimeException expected) {
                // inspected below
            }
            silent.close();
            return connecting;
        }));
        assertInstanceOf(SSLHandshakeException.class, attempt.exception());
        assertEquals("SSL handshake is taking longer than 0.3 seconds: aborting the connection",
                attempt.exception().getMessage());
    }

    @Test
    void cancellingAConnectionDuringItsHandshakeClosesIt() {
        loop.runUntilComplete(Coroutines.of(() -> {
            CollectingProtocol silent = new CollectingProtocol(loop);
            Server server = Async.await(loop.createServer(() -> silent, "127.0.0.1", 0));
            Future<Connection<CollectingProtocol>> connecting = loop.createConnection(
                    () -> new CollectingProtocol(loop), "127.0.0.1", port(server), clientOptions());
            Async.await(silent.receivedAtLeast(1)); // the ClientHello: the handshake is under way
            connecting.cancel();
            Async.await(silent.lost);
            assertTrue(connecting.cancelled());
            server.close();
            return null;
        }));
    }

    @Test
    void aClientThatStallsMidHandshakeIsDisconnected() throws Exception {
        CollectingProtocol served = new CollectingProtocol(loop);
        Server listening = loop.runUntilComplete(loop.createServer(() -> served, "127.0.0.1", 0,
                serverOptions().withTimeouts(SHORT, SHORT)));
        // A plain socket that sends half a ClientHello and then nothing: the server must give up.
        CompletableFuture<byte[]> peer = CompletableFuture.supplyAsync(() -> {
            try (Socket socket = new Socket("127.0.0.1", port(listening))) {
                socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01});
                socket.setSoTimeout(60_000);
                return socket.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        Future<byte[]> disconnected = loop.createFuture();
        peer.whenComplete((read, error) -> loop.callSoonThreadsafe(() -> disconnected.setResult(read)));
        byte[] read = loop.runUntilComplete(disconnected);
        assertTrue(read.length == 0 || read[0] == 21, "the server sent something other than an alert before closing: "
                + Arrays.toString(read));
        assertFalse(served.lost.done(), "the application never heard of a connection whose handshake failed");
        listening.close();
    }

    @Test
    void renegotiationIsRefused() throws Exception {
        CollectingProtocol served = new CollectingProtocol(loop);
        Server listening = loop.runUntilComplete(loop.createServer(() -> served, "127.0.0.1", 0, serverOptions()));
        CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.trustContext().getSocketFactory()
                    .createSocket("127.0.0.1", port(listening))) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.setSoTimeout(60_000);
                socket.startHandshake();
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();
                socket.getSession().invalidate();
                socket.startHandshake();
                InputStream in = socket.getInputStream();
                return "read " + in.read();
            } catch (IOException e) {
                return e.toString();
            }
        });
        Throwable cause = loop.runUntilComplete(served.lost);
        assertInstanceOf(SSLException.class, cause);
        assertTrue(cause.getMessage().startsWith("renegotiation refused"), cause.toString());
        assertEquals(1, served.received, "the data before the renegotiation arrived");
        String peerSaw = peer.get();
        assertFalse(peerSaw.equals("read 1"), "the peer renegotiated: " + peerSaw);
        listening.close();
    }

    @Test
    void aPeerThatNeverAnswersCloseNotifyIsAbortedAfterTheShutdownTimeout() throws Exception {
        CountDownLatch testOver = new CountDownLatch(1);
        try (SSLServerSocket peer = (SSLServerSocket) server.keyContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Completes the handshake, then neither reads nor closes until the test is over.
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = peer.accept()) {
                    ((SSLSocket) accepted).startHandshake();
                    testOver.await();
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            Connection<CollectingProtocol> client = loop.runUntilComplete(loop.createConnection(() -> new CollectingProtocol(loop),
                    "127.0.0.1", peer.getLocalPort(), clientOptions().withTimeouts(Duration.ofSeconds(30), SHORT)));
            long start = System.nanoTime();
            client.transport().close();
            assertNull(loop.runUntilComplete(client.protocol().lost), "an abort after the shutdown timeout");
            assertTrue(System.nanoTime() - start >= SHORT.toNanos(), "the connection ended before the shutdown timeout");
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void theServerClosingSendsCloseNotify() {
        loop.runUntilComplete(Coroutines.of(() -> {
            EchoProtocol served = new EchoProtocol();
            Server listening = listen(served, serverOptions());
            Connection<CollectingProtocol> client = connect(port(listening), clientOptions());
            client.transport().write(ByteBuffer.wrap(new byte[] {1}));
            Async.await(client.protocol().receivedAtLeast(1));
            served.transport.close();
            assertNull(Async.await(client.protocol().lost), "close_notify from the server is a regular close");
            assertTrue(client.transport().isClosing());
            listening.close();
            return null;
        }));
    }

    @Test
    void startTlsUpgradesAPlaintextEcho() {
        loop.runUntilComplete(Coroutines.of(() -> {
            // The server echoes in plaintext until a line "STARTTLS", answers "OK" and switches.
            Server listening = Async.await(loop.createServer(() -> new Protocol() {
                Transport plain;

                @Override
                public void connectionMade(Transport transport) {
                    plain = transport;
                }

                @Override
                public void dataReceived(ByteBuffer data) {
                    if (StandardCharsets.UTF_8.decode(data).toString().equals("STARTTLS\n")) {
                        plain.write(ByteBuffer.wrap("OK\n".getBytes(StandardCharsets.UTF_8)));
                        EchoProtocol echo = new EchoProtocol();
                        loop.startTls(plain, echo, serverOptions()).addDoneCallback(done -> echo.transport = done.result());
                    }
                }
            }, "127.0.0.1", 0));
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(listening)));
            client.transport().write(ByteBuffer.wrap("STARTTLS\n".getBytes(StandardCharsets.UTF_8)));
            Async.await(client.protocol().receivedAtLeast(3));
            assertThrows(IllegalArgumentException.class,
                    () -> loop.startTls(client.transport(), client.protocol(), clientOptions()));
            Transport tls = Async.await(loop.startTls(client.transport(), client.protocol(),
                    clientOptions().withServerHostname("localhost")));
            assertEquals(server.certificate(), tls.getExtraInfo("peercert"));
            tls.write(ByteBuffer.wrap("secret".getBytes(StandardCharsets.UTF_8)));
            Async.await(client.protocol().receivedAtLeast(9));
            assertEquals("OK\nsecret", client.protocol().text.toString());
            tls.close();
            assertNull(Async.await(client.protocol().lost));
            listening.close();
            return null;
        }));
    }

    @Test
    void optionsForTheWrongSideAreAClearError() {
        IllegalArgumentException client = assertThrows(IllegalArgumentException.class,
                () -> loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1", 1, serverOptions()));
        assertEquals("createConnection needs client options: make them with SslOptions.client(context)",
                client.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> loop.createServer(EchoProtocol::new, "127.0.0.1", 0, clientOptions()));
        assertThrows(IllegalArgumentException.class, () -> serverOptions().withServerHostname("localhost"));
        assertThrows(IllegalArgumentException.class, () -> clientOptions().withClientAuth(ClientAuth.WANT));
        assertThrows(IllegalArgumentException.class, () -> clientOptions().withTimeouts(Duration.ZERO, SHORT));
    }
}

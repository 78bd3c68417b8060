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

import dev.loopkit.api.BufferedProtocol;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS over any stream transport (asyncio's {@code sslproto.SSLProtocol}), written once on the
 * transport and protocol contracts so that every loop has it: the protocol of the plaintext
 * ("raw") transport, driving a JDK {@link SSLEngine}, and behind it an {@link SslTransport} that
 * the application's protocol writes to.
 *
 * <p>The engine's delegated tasks (certificate checks) run on the loop thread, as OpenSSL's work
 * does in asyncio. After the handshake, a TLS 1.2 peer that starts a new one (renegotiation) gets
 * the connection aborted. Closing sends close_notify and waits up to the shutdown timeout for the
 * peer's; the peer's close_notify is answered with ours and then closes the connection (TLS
 * connections do not stay half-open, so the protocol's {@code eofReceived} answer is ignored, as
 * in asyncio). Loop thread only.
 */
final class SslProtocol implements Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(SslProtocol.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final BaseEventLoop loop;
    private final SslOptions options;
    private final SSLEngine engine;
    private final SslTransport appTransport;
    /** Completed with {@link #appTransport} after the handshake, or with why it failed; null on servers. */
    private final Future<Transport> waiter;
    private final boolean callConnectionMade;
    private Protocol app;
    private Transport raw;
    /** Received TLS records not yet unwrapped, in write mode. */
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private TimerHandle handshakeTimer;
    private TimerHandle shutdownTimer;
    private boolean handshakeComplete;
    private boolean appConnected;
    private boolean appReading = true;
    /** After startTls's handshake: no data for the application until the caller has its transport. */
    private boolean deliveryHeld;
    private boolean closing;
    private boolean lost;
    /** Why the connection failed, for the application's {@code connectionLost}. */
    private Throwable failure;

    /**
     * @param peerHost the host name to check (clients), or null
     * @param peerPort the peer's port, a hint for session reuse; -1 when unknown
     * @param waiter completed once the handshake is over; null for none
     * @param callConnectionMade whether the application's protocol gets {@code connectionMade}
     */
    SslProtocol(BaseEventLoop loop, Protocol app, SslOptions options, String peerHost, int peerPort,
            Future<Transport> waiter, boolean callConnectionMade) {
        this.loop = loop;
        this.app = Objects.requireNonNull(app, "the protocol factory returned null");
        this.options = options;
        this.engine = newEngine(options, peerHost, peerPort);
        this.waiter = waiter;
        this.callConnectionMade = callConnectionMade;
        this.appTransport = new SslTransport(this);
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    private static SSLEngine newEngine(SslOptions options, String peerHost, int peerPort) {
        boolean checkHost = !options.serverSide() && peerHost != null && !peerHost.isEmpty();
        // Made with the peer's name, the engine sends it as SNI (unless it is an address literal).
        SSLEngine engine = checkHost ? options.context().createSSLEngine(peerHost, peerPort)
                : options.context().createSSLEngine();
        engine.setUseClientMode(!options.serverSide());
        SSLParameters parameters = engine.getSSLParameters();
        if (checkHost) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!options.alpnProtocols().isEmpty()) {
            parameters.setApplicationProtocols(options.alpnProtocols().toArray(String[]::new));
        }
        switch (options.clientAuth()) {
            case NEED -> parameters.setNeedClientAuth(true);
            case WANT -> parameters.setWantClientAuth(true);
            case NONE -> { }
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    SSLEngine engine() {
        return engine;
    }

    SslOptions options() {
        return options;
    }

    Transport raw() {
        return raw;
    }

    Protocol app() {
        return app;
    }

    void setApp(Protocol protocol) {
        app = Objects.requireNonNull(protocol, "protocol");
    }

    // ---------------------------------------------------------------------------------------
    // The raw transport's protocol

    @Override
    public void connectionMade(Transport transport) {
        start(transport);
    }

    /** Starts the handshake on {@code transport} (connectionMade, or startTls on a live one). */
    void start(Transport transport) {
        raw = transport;
        Duration timeout = options.handshakeTimeout();
        handshakeTimer = loop.callLater(timeout, () -> fail(new SSLHandshakeException("SSL handshake is taking longer than "
                + timeout.toMillis() / 1000.0 + " seconds: aborting the connection")));
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fail(e);
            return;
        }
        process();
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (lost) {
            return;
        }
        if (netIn.remaining() < data.remaining()) {
            netIn = grow(netIn, netIn.position() + data.remaining());
        }
        netIn.put(data);
        process();
    }

    @Override
    public boolean eofReceived() {
        if (!handshakeComplete) {
            fail(new SSLHandshakeException("the peer closed the connection during the TLS handshake"));
        }
        // Without close_notify the stream may be cut short: asyncio shuts down the same way.
        return false;
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost = true;
        cancelTimers();
        Throwable why = cause != null ? cause : failure;
        if (!handshakeComplete) {
            completeWaiter(why != null ? why : new SSLHandshakeException("the connection closed during the TLS handshake"));
        }
        if (appConnected) {
            appConnected = false;
            loop.callProtocol("connectionLost", appTransport, app, () -> app.connectionLost(why));
        }
    }

    @Override
    public void pauseWriting() {
        if (appConnected) {
            callApp("pauseWriting", () -> app.pauseWriting());
        }
    }

    @Override
    public void resumeWriting() {
        if (appConnected) {
            callApp("resumeWriting", () -> app.resumeWriting());
        }
    }

    // ---------------------------------------------------------------------------------------
    // The engine

    /** Runs the engine as far as the bytes at hand allow. */
    void process() {
        try {
            while (!lost && failure == null && step()) {
                // each step made progress
            }
        } catch (SSLException e) {
            fail(e);
        }
    }

    /** One move of the engine: returns whether it made progress, so that another may follow. */
    private boolean step() throws SSLException {
        HandshakeStatus status = engine.getHandshakeStatus();
        if (handshakeComplete && !closing && status != HandshakeStatus.NOT_HANDSHAKING && !engine.isInboundDone()
                && !engine.isOutboundDone() && !"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("renegotiation refused: the peer started a new handshake on an established "
                    + engine.getSession().getProtocol() + " connection");
        }
        switch (status) {
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                return true;
            }
            case NEED_WRAP -> {
                return wrap(EMPTY) || engine.getHandshakeStatus() != status;
            }
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                return unwrap();
            }
            default -> {
                if (!handshakeComplete) {
                    handshakeCompleted();
                    return true;
                }
                return (appReading || closing) && !deliveryHeld && netIn.position() > 0 && unwrap();
            }
        }
    }

    /** Unwraps one record; returns whether anything was consumed or produced. */
    private boolean unwrap() throws SSLException {
        if (engine.isInboundDone()) {
            netIn.clear();
            return false;
        }
        netIn.flip();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                int packet = engine.getSession().getPacketBufferSize();
                if (netIn.capacity() < packet) {
                    netIn = grow(netIn, packet);
                }
                return false;
            }
            case BUFFER_OVERFLOW -> {
                if (appIn.position() == 0) {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    return true;
                }
                deliver();
                return !deliveryHeld;
            }
            default -> {
            }
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeCompleted();
        }
        deliver();
        if (result.getStatus() == Status.CLOSED) {
            closeNotifyReceived();
            return !lost;
        }
        return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
    }

    /** Encrypts {@code data} (or a handshake message) and hands the records to the raw transport. */
    boolean wrap(ByteBuffer data) throws SSLException {
        boolean produced = false;
        do {
            netOut.clear();
            SSLEngineResult result = engine.wrap(data, netOut);
            if (result.getStatus() == Status.BUFFER_OVERFLOW) {
                netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                continue;
            }
            netOut.flip();
            if (netOut.hasRemaining() && !raw.isClosing()) {
                raw.write(netOut);
                produced = true;
            }
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                handshakeCompleted();
            }
            if (result.getStatus() == Status.CLOSED || result.bytesProduced() == 0) {
                break;
            }
        } while (data.hasRemaining());
        return produced;
    }

    /** Hands the decrypted bytes to the application, unless it is closing or not yet connected. */
    private void deliver() {
        if (appIn.position() == 0 || deliveryHeld) {
            return;
        }
        appIn.flip();
        if (appConnected && !closing) {
            if (app instanceof BufferedProtocol lender) {
                while (appIn.hasRemaining() && appConnected && !closing) {
                    lend(lender);
                }
            } else {
                callApp("dataReceived", () -> app.dataReceived(appIn));
            }
        }
        appIn.clear();
    }

    /** Copies decrypted bytes into the buffer a {@link BufferedProtocol} lends. */
    private void lend(BufferedProtocol lender) {
        ByteBuffer[] lent = new ByteBuffer[1];
        callApp("getBuffer", () -> {
            lent[0] = lender.getBuffer(appIn.remaining());
            if (lent[0] == null || !lent[0].hasRemaining() || lent[0].isReadOnly()) {
                throw new IllegalStateException("getBuffer() returned " + (lent[0] == null ? "null"
                        : "a buffer with no room to write") + "; return a writable buffer with remaining() > 0");
            }
        });
        if (lent[0] == null || failure != null) {
            return;
        }
        int count = Math.min(lent[0].remaining(), appIn.remaining());
        lent[0].put(appIn.slice(appIn.position(), count));
        appIn.position(appIn.position() + count);
        callApp("bufferUpdated", () -> lender.bufferUpdated(count));
    }

    private void handshakeCompleted() {
        if (handshakeComplete) {
            return;
        }
        handshakeComplete = true;
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        appConnected = true;
        if (callConnectionMade) {
            callApp("connectionMade", () -> app.connectionMade(appTransport));
        }
        if (!lost) {
            completeWaiter(null);
        }
        if (!callConnectionMade) {
            // The waiter's callbacks were scheduled just now: the caller of startTls learns of
            // the transport before its protocol gets data.
            deliveryHeld = true;
            loop.callSoon(() -> {
                deliveryHeld = false;
                process();
            });
        }
    }

    /** The peer sent close_notify: answer with ours, then close (see the class comment). */
    private void closeNotifyReceived() {
        if (!closing) {
            appTransport.close();
        } else if (engine.isOutboundDone()) {
            raw.close();
        }
    }

    // ---------------------------------------------------------------------------------------
    // What the application's transport asks

    /** Sends close_notify, then closes once the peer's arrives or the shutdown timeout passes. */
    void shutdown() {
        closing = true;
        if (!handshakeComplete || lost) {
            raw.close();
            return;
        }
        raw.resumeReading();
        engine.closeOutbound();
        process();
        if (lost) {
            return;
        }
        if (engine.isInboundDone()) {
            raw.close();
        } else {
            shutdownTimer = loop.callLater(options.shutdownTimeout(), () -> {
                LOG.debug("{}: no close_notify from the peer within {}; aborting", appTransport, options.shutdownTimeout());
                raw.abort();
            });
        }
    }

    void pauseAppReading() {
        appReading = false;
        if (!closing) {
            raw.pauseReading();
        }
    }

    void resumeAppReading() {
        if (appReading || closing) {
            return;
        }
        appReading = true;
        raw.resumeReading();
        // Records that arrived before the pause wait in netIn.
        loop.callSoon(this::process);
    }

    boolean isAppReading() {
        return appReading && !closing;
    }

    boolean isClosing() {
        return closing || lost || raw.isClosing();
    }

    /** Drops everything at once; the application gets {@code connectionLost(null)}. */
    void abort() {
        closing = true;
        raw.abort();
    }

    /** Aborts the connection because of {@code error}; before the handshake, its waiter fails with it. */
    void fail(Throwable error) {
        if (lost) {
            return;
        }
        if (failure == null) {
            failure = error;
        }
        if (!handshakeComplete) {
            LOG.debug("TLS handshake with {} failed", raw == null ? null : raw.getExtraInfo("peername"), error);
            completeWaiter(error);
        }
        closing = true;
        if (raw != null) {
            if (error instanceof SSLException && !raw.isClosing()) {
                sendAlert();
            }
            raw.abort();
        }
    }

    /** After an SSLException the engine has an alert for the peer (why its certificate was refused, say). */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            wrap(EMPTY);
        } catch (SSLException | RuntimeException e) {
            LOG.debug("{}: the alert could not be sent", appTransport, e);
        }
    }

    private void completeWaiter(Throwable error) {
        if (waiter == null || waiter.done()) {
            return;
        }
        if (error == null) {
            waiter.setResult(appTransport);
        } else {
            waiter.setException(error);
        }
    }

    private void cancelTimers() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        if (shutdownTimer != null) {
            shutdownTimer.cancel();
        }
    }

    /** An application callback that throws breaks the connection, with what it threw as the cause. */
    private void callApp(String method, Runnable call) {
        Throwable thrown = loop.callProtocol(method, appTransport, app, call);
        if (thrown != null) {
            fail(thrown);
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, buffer.capacity() * 2));
        return bigger.put(buffer.flip());
    }

    @Override
    public String toString() {
        return "SslProtocol[" + (options.serverSide() ? "server" : "client") + ", " + app + "]";
    }
}

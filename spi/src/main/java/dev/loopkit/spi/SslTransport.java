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

import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The application's side of a TLS connection (asyncio's {@code _SSLProtocolTransport}): writes are
 * encrypted into the plaintext transport at once, so its write buffer, water marks and
 * pause/resume calls are this transport's too. Loop thread only.
 *
 * <p>Besides the plaintext transport's keys, {@link #getExtraInfo} answers {@code "peercert"} (the
 * peer's certificate, or null when it sent none), {@code "cipher"} (the cipher suite's name),
 * {@code "ssl_version"} (e.g. {@code "TLSv1.3"}), {@code "alpn_protocol"} (the protocol ALPN chose,
 * or null), {@code "ssl_object"} (the {@link javax.net.ssl.SSLEngine}) and {@code "sslcontext"}.
 */
final class SslTransport implements Transport {

    private final SslProtocol tls;

    SslTransport(SslProtocol tls) {
        this.tls = tls;
    }

    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (tls.isClosing()) {
            throw new IllegalStateException("write() on a closing transport (peer " + getExtraInfo("peername") + ")");
        }
        if (!data.hasRemaining()) {
            return;
        }
        try {
            tls.wrap(data);
        } catch (SSLException e) {
            tls.fail(e);
        }
    }

    /** TLS has no half-close that every peer understands; asyncio's SSL transport refuses it too. */
    @Override
    public void writeEof() {
        throw new UnsupportedOperationException("a TLS transport cannot half-close (canWriteEof() is false): call close()");
    }

    @Override
    public boolean canWriteEof() {
        return false;
    }

    @Override
    public void close() {
        if (!tls.isClosing()) {
            tls.shutdown();
        }
    }

    @Override
    public void abort() {
        tls.abort();
    }

    @Override
    public boolean isClosing() {
        return tls.isClosing();
    }

    @Override
    public void pauseReading() {
        tls.pauseAppReading();
    }

    @Override
    public void resumeReading() {
        tls.resumeAppReading();
    }

    @Override
    public boolean isReading() {
        return tls.isAppReading();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        tls.raw().setWriteBufferLimits(high, low);
    }

    @Override
    public int getWriteBufferSize() {
        return tls.raw().getWriteBufferSize();
    }

    @Override
    public Protocol getProtocol() {
        return tls.app();
    }

    @Override
    public void setProtocol(Protocol protocol) {
        tls.setApp(protocol);
    }

    @Override
    public Object getExtraInfo(String name) {
        SSLSession session = tls.engine().getSession();
        return switch (Objects.requireNonNull(name, "name")) {
            case "peercert" -> peerCertificate(session);
            case "cipher" -> session.getCipherSuite();
            case "ssl_version" -> session.getProtocol();
            case "alpn_protocol" -> {
                String chosen = tls.engine().getApplicationProtocol();
                yield chosen == null || chosen.isEmpty() ? null : chosen;
            }
            case "ssl_object" -> tls.engine();
            case "sslcontext" -> tls.options().context();
            default -> tls.raw().getExtraInfo(name);
        };
    }

    private static Certificate peerCertificate(SSLSession session) {
        try {
            return session.getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "SslTransport[" + tls.raw() + "]";
    }
}

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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Records what arrives (a SHA-256 digest, a count, the first bytes as text), end of file, pauses
 * and resumes, with futures for "n bytes arrived" and "the connection is lost". Loop thread only.
 */
public class CollectingProtocol implements Protocol {

    public final MessageDigest digest = sha256();
    public final StringBuilder text = new StringBuilder();
    /** Done with connectionLost's cause. */
    public final Future<Throwable> lost;
    private final EventLoop loop;
    public Transport transport;
    public long received;
    public boolean eof;
    public int pauses;
    public int resumes;
    private long waitingFor = Long.MAX_VALUE;
    private Future<Long> enough;

    public CollectingProtocol(EventLoop loop) {
        this.loop = loop;
        this.lost = loop.createFuture();
    }

    /** Returns a future done once {@code count} bytes in all have arrived. */
    public Future<Long> receivedAtLeast(long count) {
        enough = loop.createFuture();
        waitingFor = count;
        check();
        return enough;
    }

    @Override
    public void connectionMade(Transport made) {
        transport = made;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        received += data.remaining();
        if (text.length() < 1024) {
            text.append(StandardCharsets.UTF_8.decode(data.duplicate()));
        }
        digest.update(data);
        check();
    }

    @Override
    public boolean eofReceived() {
        eof = true;
        return false;
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost.setResult(cause);
    }

    @Override
    public void pauseWriting() {
        pauses++;
    }

    @Override
    public void resumeWriting() {
        resumes++;
    }

    private void check() {
        if (enough != null && !enough.done() && received >= waitingFor) {
            enough.setResult(received);
        }
    }

    /** A SHA-256 digest, which every JDK has. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

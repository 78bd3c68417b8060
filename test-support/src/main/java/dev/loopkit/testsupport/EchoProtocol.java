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

import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;

/** Echoes what it receives, pausing its reading while its own writes are backed up. Loop thread only. */
public class EchoProtocol implements Protocol {

    /** The transport, once connectionMade ran (or the test set it, after startTls). */
    public Transport transport;

    @Override
    public void connectionMade(Transport made) {
        transport = made;
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        transport.write(data);
    }

    @Override
    public void pauseWriting() {
        transport.pauseReading();
    }

    @Override
    public void resumeWriting() {
        transport.resumeReading();
    }

    /** The peer is done: send what is still buffered, then close (so nothing stays open). */
    @Override
    public boolean eofReceived() {
        transport.close();
        return true;
    }
}

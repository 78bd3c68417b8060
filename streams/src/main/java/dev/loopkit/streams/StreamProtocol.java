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
package dev.loopkit.streams;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;

/** Adapts the protocol callbacks to a {@link StreamReader} and {@link StreamWriter} (asyncio's StreamReaderProtocol). */
final class StreamProtocol implements Protocol {

    private final EventLoop loop;
    private final StreamReader reader;
    private final StreamHandler handler;
    private StreamWriter writer;

    StreamProtocol(EventLoop loop, int limit, StreamHandler handler) {
        this.loop = loop;
        this.reader = new StreamReader(loop, limit);
        this.handler = handler;
    }

    StreamConnection connection() {
        return new StreamConnection(reader, writer);
    }

    @Override
    public void connectionMade(Transport transport) {
        reader.setTransport(transport);
        writer = new StreamWriter(loop, transport);
        if (handler != null) {
            StreamWriter served = writer;
            loop.createTask(Coroutines.of(() -> {
                try {
                    handler.handle(reader, served);
                } finally {
                    served.close();
                }
                return null;
            }));
        }
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        reader.feedData(data);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true;
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (cause == null) {
            reader.feedEof();
        } else {
            reader.setException(cause);
        }
        if (writer != null) {
            writer.lost(cause);
        }
    }

    @Override
    public void pauseWriting() {
        writer.pause();
    }

    @Override
    public void resumeWriting() {
        writer.resume();
    }
}

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

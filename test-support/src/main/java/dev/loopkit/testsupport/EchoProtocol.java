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

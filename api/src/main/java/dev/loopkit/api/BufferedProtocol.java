package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/**
 * A {@link Protocol} that lends the loop its own buffer to read into, saving a copy (asyncio's
 * {@code BufferedProtocol}). The loop calls {@link #getBuffer(int)}, reads into it, then
 * {@link #bufferUpdated(int)}; {@link #dataReceived} is never called.
 */
@API(status = STABLE, since = "0.1")
public interface BufferedProtocol extends Protocol {

    /**
     * Returns the buffer the next read goes into, from its position up to its limit.
     *
     * @param sizeHint how many bytes the loop would like room for; a hint only
     * @return a buffer with room for at least one byte; never null
     */
    ByteBuffer getBuffer(int sizeHint);

    /**
     * The last read put {@code count} bytes into the buffer from {@link #getBuffer(int)}, which
     * advanced its position by as much.
     *
     * @param count how many bytes arrived; positive
     */
    void bufferUpdated(int count);
}

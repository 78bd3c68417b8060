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

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
package dev.loopkit.impl;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The read and write callbacks of one channel watched by a {@link SelectorEventLoop}, attached to
 * its selection key (asyncio's reader/writer handles), with the interest set that they call for.
 * The callbacks do not throw (the loop wraps those of users). Loop thread only.
 */
final class ReadinessCallbacks {

    private final SelectableChannel channel;
    private final SelectionKey key;
    private Runnable reader;
    private Runnable writer;

    ReadinessCallbacks(SelectableChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /**
     * Sets the reader callback, null to remove it, and the interest set to match.
     *
     * @return whether a reader was set before
     */
    boolean setReader(Runnable callback) {
        boolean had = reader != null;
        reader = callback;
        update();
        return had;
    }

    /**
     * Sets the writer callback, null to remove it, and the interest set to match.
     *
     * @return whether a writer was set before
     */
    boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        update();
        return had;
    }

    /**
     * Sets the interest set from the callbacks present. With none the key stays registered with
     * no interest (cancelling it would force a select before the channel could register again).
     */
    private void update() {
        if (!key.isValid()) {
            return;
        }
        int valid = channel.validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : valid & SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    /**
     * Runs the callbacks the key is ready for: the writer first, so that queued data leaves before
     * the reader's protocol queues more; each only if still set when its turn comes.
     */
    void onReady(SelectionKey ready) {
        int ops = ready.readyOps();
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            writer.run();
        }
        if (ready.isValid() && (ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            reader.run();
        }
        if ((ops & SelectionKey.OP_CONNECT) != 0 && ready.isValid()) {
            update(); // the connect is over: a writer still set now waits for OP_WRITE
        }
    }
}

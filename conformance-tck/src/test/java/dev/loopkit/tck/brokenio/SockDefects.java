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
package dev.loopkit.tck.brokenio;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.testsupport.ForwardingLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A {@link SelectingLoop} behind a loop that forwards to it, carrying the defects that are in the
 * {@code sock*} operations (the readiness layer's own are final): the way a vendor that implements
 * them itself could get them wrong.
 */
final class SockDefects extends ForwardingLoop {

    private final SelectingLoop.Defect defect;

    /** A selecting loop with {@code defect}, behind a forwarding loop if the defect is in a sock* operation. */
    static EventLoop loop(SelectingLoop.Defect defect) {
        return switch (defect) {
            case SWITCHES_CHANNELS_TO_NON_BLOCKING, SOCK_RECV_LEAVES_ITS_READER, SOCK_RECV_WAITS_WHEN_FULL ->
                    new SockDefects(defect);
            default -> new SelectingLoop(defect);
        };
    }

    private SockDefects(SelectingLoop.Defect defect) {
        super(outer -> new SelectingLoop(defect, outer));
        this.defect = defect;
    }

    @Override
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return delegate().sockConnect(lenient(channel), address);
    }

    @Override
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return delegate().sockAccept(lenient(channel));
    }

    @Override
    public Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) {
        if (defect == SelectingLoop.Defect.SOCK_RECV_LEAVES_ITS_READER) {
            Future<Integer> received = createFuture();
            Runnable attempt = () -> {
                if (!received.done()) {
                    readInto(channel, buffer, received);
                }
            };
            addReader(channel, attempt); // refuses a blocking channel, as sockRecv must
            attempt.run();
            return received;
        }
        if (defect == SelectingLoop.Defect.SOCK_RECV_WAITS_WHEN_FULL && !buffer.hasRemaining()) {
            Future<Integer> nothing = createFuture();
            addReader(channel, () -> {
                removeReader(channel);
                nothing.setResult(0);
            });
            return nothing;
        }
        return delegate().sockRecv(lenient(channel), buffer);
    }

    /** One read for a defective sockRecv: completes {@code received} unless nothing could be read. */
    private static void readInto(SocketChannel channel, ByteBuffer buffer, Future<Integer> received) {
        try {
            int count = channel.read(buffer);
            if (count != 0 || !buffer.hasRemaining()) {
                received.setResult(count);
            }
        } catch (IOException e) {
            received.setException(e);
        }
    }

    @Override
    public Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data) {
        return delegate().sockSendAll(lenient(channel), data);
    }

    /** The defect's helpful switch; without it, the channel as it is. */
    private <C extends SelectableChannel> C lenient(C channel) {
        if (defect == SelectingLoop.Defect.SWITCHES_CHANNELS_TO_NON_BLOCKING && channel.isBlocking()) {
            try {
                channel.configureBlocking(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return channel;
    }
}

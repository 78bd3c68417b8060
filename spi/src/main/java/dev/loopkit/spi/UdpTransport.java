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

import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A UDP endpoint on a loop's readiness hooks (asyncio's {@code _SelectorDatagramTransport}).
 * Datagrams arrive in the loop's shared read buffer; a datagram the socket cannot take at once is
 * queued and sent when the socket is writable. Loop thread only.
 */
final class UdpTransport extends ChannelTransport implements DatagramTransport {

    /** Receives at most this many datagrams per readiness, so one busy endpoint cannot starve the loop. */
    private static final int RECEIVES_PER_EVENT = 64;

    private record Outgoing(ByteBuffer data, SocketAddress target) {
    }

    private final DatagramChannel datagrams;
    private final DatagramProtocol protocol;
    private final SocketAddress remote;
    private final SocketAddress local;
    private final ArrayDeque<Outgoing> pending = new ArrayDeque<>();

    private UdpTransport(ReadinessEventLoop loop, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote) throws IOException {
        super(loop, channel);
        this.datagrams = channel;
        this.protocol = Objects.requireNonNull(protocol, "the protocol factory returned null");
        this.remote = remote;
        this.local = channel.getLocalAddress();
    }

    static UdpTransport open(ReadinessEventLoop loop, Supplier<? extends DatagramProtocol> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.configureBlocking(false);
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
            UdpTransport transport = new UdpTransport(loop, channel, protocolFactory.get(), remote);
            loop.callSoon(() -> loop.callProtocol("connectionMade", transport, transport.protocol,
                    () -> transport.protocol.connectionMade(transport)));
            loop.callSoon(() -> {
                transport.started = true;
                transport.updateInterest();
            });
            return transport;
        } catch (IOException | RuntimeException e) {
            release(loop, channel);
            throw e;
        }
    }

    @Override
    void readable() {
        for (int i = 0; i < RECEIVES_PER_EVENT && !closed; i++) {
            ByteBuffer buffer = loop.readBuffer();
            buffer.clear();
            SocketAddress sender;
            try {
                sender = datagrams.receive(buffer);
            } catch (IOException e) {
                loop.callProtocol("errorReceived", this, protocol, () -> protocol.errorReceived(e));
                return;
            }
            if (sender == null) {
                return;
            }
            buffer.flip();
            loop.callProtocol("datagramReceived", this, protocol, () -> protocol.datagramReceived(buffer, sender));
        }
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress target) {
        Objects.requireNonNull(data, "data");
        if (closing) {
            throw new IllegalStateException("sendTo() on a closing datagram transport");
        }
        if (target == null && remote == null) {
            throw new IllegalArgumentException("no target: this endpoint has no remote address, pass one");
        }
        if (pending.isEmpty() && send(data, target)) {
            return;
        }
        pending.add(new Outgoing(ByteBuffer.allocate(data.remaining()).put(data).flip(), target));
        updateInterest();
    }

    /** Returns false if the socket could not take the datagram now (it stays unsent). */
    private boolean send(ByteBuffer data, SocketAddress target) {
        try {
            int sent = target == null ? datagrams.write(data) : datagrams.send(data, target);
            return sent > 0 || !data.hasRemaining();
        } catch (IOException e) {
            loop.callProtocol("errorReceived", this, protocol, () -> protocol.errorReceived(e));
            return true;
        }
    }

    @Override
    void writable() {
        while (!closed && !pending.isEmpty()) {
            Outgoing next = pending.peek();
            if (!send(next.data(), next.target())) {
                break;
            }
            pending.poll();
        }
        if (pending.isEmpty() && closing) {
            finish(null);
            return;
        }
        updateInterest();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        updateInterest();
        if (pending.isEmpty()) {
            loop.callSoon(() -> finish(null));
        }
    }

    @Override
    public void abort() {
        closing = true;
        pending.clear();
        finish(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public DatagramProtocol getProtocol() {
        return protocol;
    }

    @Override
    public Object getExtraInfo(String name) {
        return switch (Objects.requireNonNull(name, "name")) {
            case "sockname" -> local;
            case "peername" -> remote;
            case "socket" -> datagrams;
            default -> null;
        };
    }

    @Override
    boolean wantsReads() {
        return started && !closing;
    }

    @Override
    boolean wantsWrites() {
        return !pending.isEmpty();
    }

    @Override
    void notifyLost(Throwable cause) {
        loop.callProtocol("connectionLost", this, protocol, () -> protocol.connectionLost(cause));
    }

    @Override
    public String toString() {
        return "UdpTransport[" + local + (remote != null ? " -> " + remote : "") + (closing ? ", closing" : "") + "]";
    }
}

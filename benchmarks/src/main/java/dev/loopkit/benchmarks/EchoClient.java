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
package dev.loopkit.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The load client of the echo benchmark, {@code wrk}'s part for TCP: {@code connections}
 * connections on one thread, each sending a {@value #MESSAGE}-byte message and sending it again
 * as soon as the whole echo is back. Runs {@code warmup} seconds, prints {@code measuring}, runs
 * {@code seconds} more and prints {@code round trips: N in S s}. Run pinned to a CPU of its own.
 *
 * <p>Run: {@code java ... EchoClient PORT CONNECTIONS WARMUP SECONDS}.
 */
public final class EchoClient {

    /** The size of each message: a small request, as in a key-value protocol. */
    static final int MESSAGE = 64;

    private EchoClient() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        try (Selector selector = Selector.open()) {
            List<SocketChannel> channels = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    channels.add(channel);
                    ByteBuffer message = ByteBuffer.allocate(MESSAGE);
                    writeFully(channel, message);
                    channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(MESSAGE));
                }
                run(selector, warmupNanos);
                System.out.println("measuring");
                long start = System.nanoTime();
                long trips = run(selector, measureNanos);
                System.out.printf("round trips: %d in %.3f s%n", trips, (System.nanoTime() - start) / 1e9);
            } finally {
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            }
        }
    }

    /** Echoes for {@code nanos}; returns how many round trips completed. */
    private static long run(Selector selector, long nanos) throws IOException {
        long end = System.nanoTime() + nanos;
        long trips = 0;
        while (System.nanoTime() < end) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel channel = (SocketChannel) key.channel();
                ByteBuffer echo = (ByteBuffer) key.attachment();
                if (channel.read(echo) < 0) {
                    throw new IOException("the server closed a connection");
                }
                if (!echo.hasRemaining()) {
                    trips++;
                    echo.clear();
                    writeFully(channel, ByteBuffer.allocate(MESSAGE));
                }
            }
            selector.selectedKeys().clear();
        }
        return trips;
    }

    /** A 64-byte message always fits a socket's send buffer; a partial write would be a broken server. */
    private static void writeFully(SocketChannel channel, ByteBuffer message) throws IOException {
        channel.write(message);
        if (message.hasRemaining()) {
            throw new IOException("a " + MESSAGE + "-byte message did not fit the send buffer");
        }
    }
}

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

import dev.loopkit.examples.RequestHeads;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * The Netty peer of loopkit's HTTP plaintext example ({@code HttpPlaintextServer}): one event
 * loop (accepting and serving), the same work per read (count the request heads with the same
 * {@link RequestHeads}, write that many copies of the same response, pipelined or not), no HTTP
 * codec on either side.
 *
 * <p>Run: {@code java ... NettyHttpServer nio|epoll}; prints the address once it listens.
 */
public final class NettyHttpServer {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
            + "Server: netty\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);

    private NettyHttpServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        NettyServers.serve(args.length > 0 && args[0].equals("epoll"), Connection::new,
                port -> System.out.println("HTTP plaintext server on http://127.0.0.1:" + port + "/"));
    }

    /** Per connection: answers each complete request head, flushing once per read burst. */
    private static final class Connection extends ChannelInboundHandlerAdapter {
        private final RequestHeads heads = new RequestHeads();

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            ByteBuf data = (ByteBuf) message;
            int answers = 0;
            try {
                while (data.isReadable()) {
                    if (heads.next(data.readByte())) {
                        answers++;
                    }
                }
            } finally {
                data.release();
            }
            if (answers > 0) {
                ByteBuf out = context.alloc().buffer(RESPONSE.length * answers);
                for (int i = 0; i < answers; i++) {
                    out.writeBytes(RESPONSE);
                }
                context.write(out);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }
    }
}

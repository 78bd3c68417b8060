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

import dev.loopkit.api.Async;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Server;
import dev.loopkit.examples.ProtocolEchoServer;
import dev.loopkit.policy.Loops;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;

/**
 * The TCP echo servers of the echo benchmark, one loop each, doing the same work: write back what
 * was read, once per read. {@code loopkit} is the README's protocol echo server
 * ({@code ProtocolEchoServer.Echo}) on the policy's loop (the provider named by
 * {@code -Dloopkit.provider}); {@code netty-nio} and {@code netty-epoll} are Netty 4.2's event loop.
 *
 * <p>Run: {@code java ... EchoServer loopkit|netty-nio|netty-epoll}; prints the port once it listens.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String kind = args.length > 0 ? args[0] : "loopkit";
        switch (kind) {
            case "loopkit" -> loopkit();
            case "netty-nio" -> netty(false);
            case "netty-epoll" -> netty(true);
            default -> throw new IllegalArgumentException("unknown echo server '" + kind
                    + "': expected loopkit, netty-nio or netty-epoll");
        }
    }

    private static void loopkit() {
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Server server = Async.await(loop.createServer(ProtocolEchoServer.Echo::new, "127.0.0.1", 0));
            listening(((InetSocketAddress) server.sockets().get(0)).getPort());
            Async.await(server.serveForever());
            return null;
        });
    }

    private static void netty(boolean epoll) throws InterruptedException {
        NettyServers.serve(epoll, NettyEcho::new, EchoServer::listening);
    }

    /** Writes back what it reads, flushing once per read burst. */
    private static final class NettyEcho extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            context.write(message);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }
    }

    private static void listening(int port) {
        System.out.println("TCP echo server on 127.0.0.1:" + port);
    }
}

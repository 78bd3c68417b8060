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

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** Netty's side of the load benchmarks: a server on one event loop, NIO or native epoll. */
final class NettyServers {

    private NettyServers() {
    }

    /**
     * Serves on 127.0.0.1 with a handler per connection from {@code handlers} until the process
     * ends, telling {@code listening} the port once bound.
     */
    static void serve(boolean epoll, Supplier<ChannelHandler> handlers, IntConsumer listening)
            throws InterruptedException {
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        MultiThreadIoEventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, factory);
        try {
            Channel server = new ServerBootstrap().group(loop).channel(type)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(handlers.get());
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            listening.accept(((InetSocketAddress) server.localAddress()).getPort());
            server.closeFuture().sync();
        } finally {
            loop.shutdownGracefully();
        }
    }
}

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

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty 4.2's event loop (one thread of a {@link MultiThreadIoEventLoopGroup}) doing the same
 * work: {@code execute} is its {@code callSoon} and {@code callSoonThreadsafe}, {@code schedule}
 * its {@code callLater}.
 */
final class NettyPeer implements Peer {

    private static final Runnable NOTHING = () -> {
    };

    private final String name;
    private final MultiThreadIoEventLoopGroup group;
    private final IoEventLoop loop;

    private NettyPeer(String name, IoHandlerFactory handlers) {
        this.name = name;
        this.group = new MultiThreadIoEventLoopGroup(1, handlers);
        this.loop = group.next();
    }

    /** On the JDK's selector. */
    static NettyPeer nio() {
        return new NettyPeer("netty-nio", NioIoHandler.newFactory());
    }

    /** On Linux's epoll through Netty's native library (shipped in its jar). */
    static NettyPeer epoll() {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("Netty's native epoll cannot load here: " + Epoll.unavailabilityCause());
        }
        return new NettyPeer("netty-epoll", EpollIoHandler.newFactory());
    }

    @Override
    public void chain(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(new Runnable() {
            private int left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    loop.execute(this);
                } else {
                    done.complete(null);
                }
            }
        });
        Completion.await(done, name + " execute chain");
    }

    @Override
    public void submitBatch(int n) {
        Countdown count = new Countdown(n);
        for (int i = 0; i < n; i++) {
            loop.execute(count);
        }
        Completion.await(count.done(), name + " execute batch");
    }

    @Override
    public void timers(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            ScheduledFuture<?>[] timers = new ScheduledFuture<?>[n];
            for (int i = 0; i < n; i++) {
                timers[i] = loop.schedule(NOTHING, Peer.timerDelayNanos(i), TimeUnit.NANOSECONDS);
            }
            for (int i = 1; i < n; i += 2) {
                timers[i].cancel(false);
            }
            for (int i = 0; i < n; i += 2) {
                timers[i].cancel(false);
            }
            done.complete(null);
        });
        Completion.await(done, name + " timers");
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

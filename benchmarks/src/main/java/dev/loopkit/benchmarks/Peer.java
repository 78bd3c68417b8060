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

/**
 * One event loop under measurement, running on a thread of its own, with each workload written
 * out in full for it (no shared lambda or interface call on the hot path, so that every loop pays
 * only for itself). Each method returns once the loop has done the whole workload.
 */
interface Peer extends AutoCloseable {

    /** {@code n} callbacks on the loop, each scheduling the next from the loop thread. */
    void chain(int n);

    /** {@code n} callbacks handed to the loop from the calling thread (several threads may call). */
    void submitBatch(int n);

    /**
     * On the loop thread: {@code n} timers due in one to two seconds, every other one cancelled,
     * then the rest cancelled (none fires).
     *
     * @throws UnsupportedOperationException if the loop has no timers
     */
    void timers(int n);

    /** Stops the loop and waits for its thread. */
    @Override
    void close();

    /** The delay of the {@code i}-th timer: spread over one to two seconds, the same for every loop. */
    static long timerDelayNanos(int i) {
        return 1_000_000_000L + (i * 7_919L % 1_000_000L) * 1_000L;
    }

    /**
     * The peer named {@code name}: {@code loopkit} (the default loop), {@code loopkit-epoll},
     * {@code netty-nio}, {@code netty-epoll}, {@code bare-queue} or {@code bare-queue-handles}.
     */
    static Peer open(String name) {
        return switch (name) {
            case "loopkit" -> new LoopkitPeer("default");
            case "loopkit-epoll" -> new LoopkitPeer("epoll");
            case "netty-nio" -> NettyPeer.nio();
            case "netty-epoll" -> NettyPeer.epoll();
            case "bare-queue" -> new BareQueuePeer(false);
            case "bare-queue-handles" -> new BareQueuePeer(true);
            default -> throw new IllegalArgumentException("unknown peer '" + name
                    + "': expected loopkit, loopkit-epoll, netty-nio, netty-epoll, bare-queue or bare-queue-handles");
        };
    }
}

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A loop built from the three hooks alone runs timers, tasks and cross-thread callbacks. */
class MinimalVendorLoopTest {

    private final ParkingEventLoop loop = new ParkingEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void timersTasksAndThreadsafeCallbacksWork() {
        List<String> events = new ArrayList<>();
        Future<String> fromThread = loop.createFuture();
        Task<String> task = loop.createTask(Coroutines.of(() -> {
            Future<Void> tick = loop.createFuture();
            loop.callLater(Duration.ofMillis(3), () -> tick.setResult(null));
            Async.await(tick);
            events.add("timer");
            Thread.ofPlatform().start(() -> loop.callSoonThreadsafe(() -> fromThread.setResult("thread")));
            events.add(Async.await(fromThread));
            return "done";
        }));
        assertEquals("done", assertTimeoutPreemptively(Duration.ofSeconds(30), () -> loop.runUntilComplete(task)));
        assertEquals(List.of("timer", "thread"), events);
    }

    @Test
    void aLoopWithoutNetworkHooksRefusesTcpClearly() {
        Future<?> connection = loop.createConnection(() -> new dev.loopkit.api.Protocol() { }, "127.0.0.1", 9);
        Future<?> server = loop.createServer(() -> new dev.loopkit.api.Protocol() { }, "127.0.0.1", 0);
        assertThrows(UnsupportedOperationException.class, () -> loop.runUntilComplete(connection));
        assertThrows(UnsupportedOperationException.class, () -> loop.runUntilComplete(server));
        assertTrue(connection.exception() instanceof UnsupportedOperationException);
        assertTrue(connection.exception().getMessage().endsWith("does not support TCP connections (its provider"
                + " lacks capability 'tcp')"), connection.exception().getMessage());
        assertTrue(server.exception() instanceof UnsupportedOperationException);
    }

    @Test
    void aLoopWithoutReadinessRefusesAddReaderAndSockOperationsClearly() throws Exception {
        try (SocketChannel channel = SocketChannel.open()) {
            channel.configureBlocking(false);
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> loop.addReader(channel, () -> { }));
            assertTrue(e.getMessage().endsWith("lacks capability 'readiness')"), e.getMessage());
            assertEquals(false, loop.removeReader(channel));
            UnsupportedOperationException sock = assertThrows(UnsupportedOperationException.class,
                    () -> loop.sockRecv(channel, ByteBuffer.allocate(1)));
            assertTrue(sock.getMessage().contains("does not support sockRecv"), sock.getMessage());
        }
    }

    @Test
    void closeReleasesTheBackendOnce() {
        loop.close();
        loop.close();
        assertEquals(1, loop.backendClosed);
        assertTrue(loop.isClosed());
    }
}

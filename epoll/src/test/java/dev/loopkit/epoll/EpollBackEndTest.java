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
package dev.loopkit.epoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the epoll back end must get right that a {@code java.nio} selector gives the default loop
 * for free; the TCK certifies the rest.
 */
class EpollBackEndTest {

    @Test
    void isAvailableHereWithTheFlagsTheBuildGives() {
        EpollProvider provider = new EpollProvider();
        assertEquals(Optional.empty(), provider.unavailabilityReason());
        assertTrue(provider.isAvailable());
    }

    /**
     * A channel closed while watched leaves epoll by itself; a new channel that gets its descriptor
     * number must keep its own registration when the closed one's reader is removed afterwards.
     */
    @Test
    void removingAClosedChannelsReaderSparesTheChannelThatReusedItsDescriptor() throws IOException {
        try (EpollEventLoop loop = new EpollEventLoop()) {
            Pipe closed = Pipe.open();
            closed.source().configureBlocking(false);
            int number = ChannelDescriptors.of(closed.source());
            loop.addReader(closed.source(), () -> fail("the closed channel's reader ran"));
            closed.source().close();
            closed.sink().close();

            Pipe reusing = pipeWhoseSourceIs(number);
            try {
                reusing.source().configureBlocking(false);
                AtomicBoolean ran = new AtomicBoolean();
                loop.addReader(reusing.source(), () -> {
                    ran.set(true);
                    loop.stop();
                });
                loop.removeReader(closed.source());
                reusing.sink().write(ByteBuffer.wrap(new byte[] {1}));
                loop.callLater(Duration.ofSeconds(10), loop::stop);
                loop.runForever();
                assertTrue(ran.get(), "the reader of the channel that reused descriptor " + number
                        + " never ran within 10 s: removing the closed channel's reader took its registration");
            } finally {
                loop.removeReader(reusing.source());
                reusing.source().close();
                reusing.sink().close();
            }
        }
    }

    /** Opens pipes until one's read end has descriptor {@code number} (Linux hands out the lowest free one). */
    private static Pipe pipeWhoseSourceIs(int number) throws IOException {
        List<Pipe> others = new ArrayList<>();
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                Pipe pipe = Pipe.open();
                if (ChannelDescriptors.of(pipe.source()) == number) {
                    return pipe;
                }
                others.add(pipe);
            }
            throw new AssertionError("no new pipe got descriptor " + number + " back in 100 tries");
        } finally {
            for (Pipe other : others) {
                other.source().close();
                other.sink().close();
            }
        }
    }

    @Test
    void anInterruptEndsTheNativeWaitAndStaysSet() throws InterruptedException {
        try (EpollEventLoop loop = new EpollEventLoop()) {
            CountDownLatch running = new CountDownLatch(1);
            AtomicBoolean stayedSet = new AtomicBoolean();
            loop.callSoon(running::countDown);
            Thread runner = Thread.ofPlatform().start(() -> {
                loop.runForever(); // nothing scheduled after the first callback: waits in epoll
                stayedSet.set(Thread.currentThread().isInterrupted());
            });
            assertTrue(running.await(10, TimeUnit.SECONDS), "the loop never ran its first callback");
            runner.interrupt();
            runner.join(Duration.ofSeconds(10));
            assertFalse(runner.isAlive(), "an interrupt did not end the loop's epoll wait within 10 s");
            assertTrue(stayedSet.get(), "the loop cleared its thread's interrupt status");
        }
    }
}

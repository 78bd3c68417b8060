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
package dev.loopkit.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.policy.LoopPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Child processes on the default loop through the SPI's one subprocess layer (the TCK's SP rules
 * certify the same on every provider): exit codes, stdin to stdout, huge outputs on both pipes
 * without deadlock, a child that never exits, and nothing left behind after {@code close()}.
 */
@Timeout(120)
class SubprocessTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private EventLoop loop;

    @BeforeEach
    void openLoop() {
        loop = LoopPolicy.builder().providerName("default").build().newEventLoop();
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Collects both output pipes and every callback, in order. */
    static final class Child implements SubprocessProtocol {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        final Future<Throwable> lost;
        SubprocessTransport transport;

        Child(EventLoop loop) {
            lost = loop.createFuture();
        }

        @Override
        public void connectionMade(SubprocessTransport made) {
            transport = made;
            events.add("made");
        }

        @Override
        public void pipeDataReceived(int fd, ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            (fd == 1 ? stdout : stderr).writeBytes(bytes);
        }

        @Override
        public void pipeConnectionLost(int fd, Throwable cause) {
            events.add("pipe " + fd + " lost");
        }

        @Override
        public void processExited() {
            events.add("exited " + transport.getReturncode());
        }

        @Override
        public void connectionLost(Throwable cause) {
            events.add("lost");
            lost.setResult(cause);
        }
    }

    private Child run(ProcessBuilder command) {
        Child child = new Child(loop);
        loop.runUntilComplete(loop.subprocessExec(() -> child, command));
        assertNull(loop.runUntilComplete(child.lost));
        return child;
    }

    @Test
    void aChildsOutputAndExitCodeArrive() {
        Child child = run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals("out\n", child.stdout.toString(StandardCharsets.UTF_8));
        assertEquals("err\n", child.stderr.toString(StandardCharsets.UTF_8));
        assertEquals(3, child.transport.getReturncode());
        assertEquals("made", child.events.get(0));
        assertEquals("lost", child.events.get(child.events.size() - 1));
        assertTrue(child.events.containsAll(List.of("pipe 0 lost", "pipe 1 lost", "pipe 2 lost", "exited 3")),
                child.events.toString());
    }

    @Test
    void eightMebibytesGoThroughCatBothWays() {
        byte[] data = new byte[8 * 1024 * 1024];
        new Random(5).nextBytes(data);
        Child child = new Child(loop);
        SubprocessTransport cat = loop.runUntilComplete(loop.subprocessExec(() -> child, new ProcessBuilder("cat")));
        cat.getPipeTransport(0).write(ByteBuffer.wrap(data));
        assertTrue(cat.getPipeTransport(0).getWriteBufferSize() > 0, "8 MiB cannot all be in the pipe at once");
        cat.getPipeTransport(0).writeEof();
        assertNull(loop.runUntilComplete(child.lost));
        assertArrayEquals(data, child.stdout.toByteArray(), "what cat gave back");
        assertEquals(0, cat.getReturncode());
    }

    @Test
    void hugeOutputsOnBothPipesDoNotDeadlock() {
        Child child = run(new ProcessBuilder("sh", "-c",
                "head -c 4000000 /dev/zero; head -c 4000000 /dev/zero >&2; head -c 100 /dev/zero"));
        assertEquals(4_000_100, child.stdout.size());
        assertEquals(4_000_000, child.stderr.size());
    }

    @Test
    void aChildThatNeverExitsIsKilled() {
        Child child = new Child(loop);
        SubprocessTransport sleeper = loop.runUntilComplete(loop.subprocessExec(() -> child,
                new ProcessBuilder("sleep", "1000")));
        assertNull(sleeper.getReturncode());
        sleeper.kill();
        assertNull(loop.runUntilComplete(child.lost));
        assertNotEquals(0, sleeper.getReturncode());
    }

    @Test
    void closingTheLoopKillsItsChildrenAndEndsTheirThreads() throws IOException {
        Set<String> before = openPipes();
        Child child = new Child(loop);
        SubprocessTransport sleeper = loop.runUntilComplete(loop.subprocessExec(() -> child,
                new ProcessBuilder("sleep", "1000")));
        long pid = sleeper.getPid();
        Set<String> childPipes = new HashSet<>(openPipes());
        childPipes.removeAll(before);
        assertEquals(3, childPipes.size(), "pipes opened for the child's stdin, stdout and stderr: " + childPipes);
        loop.close();
        waitFor("child " + pid + " to be gone", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        waitFor("the threads of child " + pid + " to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("loopkit-subprocess-" + pid + "-")));
        waitFor("the pipes of child " + pid + " to be closed: " + childPipes,
                () -> Collections.disjoint(openPipes(), childPipes));
        assertFalse(child.lost.done(), "a loop that closes tells no protocol");
    }

    /** The pipes this JVM has open (Linux: the targets of /proc/self/fd, e.g. "pipe:[123]"). */
    private static Set<String> openPipes() {
        try (var entries = Files.list(Path.of("/proc/self/fd"))) {
            Set<String> pipes = new HashSet<>();
            entries.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("pipe:")) {
                        pipes.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor closed while we listed it
                }
            });
            return pipes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + BOUND.toSeconds() + " s for " + what);
            }
            LockSupport.parkNanos(1_000_000); // a bounded poll: nothing signals a process's end to this thread
        }
    }
}

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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.optional;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * SP: child processes (asyncio's {@code subprocess_exec} and {@code SubprocessProtocol}). Optional:
 * run only for providers declaring capability {@code subprocess}. The rules run {@code sh},
 * {@code cat} and {@code sleep}, which every Unix has.
 */
@API(status = INTERNAL, since = "0.1")
public final class SubprocessRules implements RuleGroup {

    private static final int SIZE = 1024 * 1024;

    @Override
    public String prefix() {
        return "SP";
    }

    @Override
    public String title() {
        return "Subprocesses";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                optional("SP-01", Capabilities.SUBPROCESS, "a child's standard output and error arrive on fds 1"
                        + " and 2, 1 MiB written to its stdin comes back intact through cat, processExited sees"
                        + " the exit code, and connectionLost(null) comes last",
                        "base_subprocess.BaseSubprocessTransport; protocols.SubprocessProtocol",
                        "that each piped stream of the ProcessBuilder gets a pipe of its own and that"
                                + " connectionLost waits for the exit and for every pipe",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Child child = new Child(loop);
                            SubprocessTransport transport = loop.runUntilComplete(loop.subprocessExec(() -> child,
                                    new ProcessBuilder("sh", "-c", "cat; echo err >&2; exit 5")));
                            byte[] data = new byte[SIZE];
                            new Random(13).nextBytes(data);
                            transport.getPipeTransport(0).write(ByteBuffer.wrap(data));
                            transport.getPipeTransport(0).writeEof();
                            assertNull(loop.runUntilComplete(child.lost), "connectionLost's cause");
                            assertArrayEquals(data, child.stdout.toByteArray(), "what came back on fd 1");
                            assertEquals("err\n", child.stderr.toString(StandardCharsets.UTF_8), "what came on fd 2");
                            assertEquals(Integer.valueOf(5), transport.getReturncode(), "the exit code");
                            assertEquals("exited 5", child.events.get(child.events.size() - 2),
                                    "the callbacks' order: " + child.events);
                            assertEquals("lost", child.events.get(child.events.size() - 1),
                                    "the callbacks' order: " + child.events);
                        }),
                optional("SP-02", Capabilities.SUBPROCESS, "close() of the loop kills the child it started that"
                        + " still runs, and the protocol hears nothing more",
                        "base_subprocess.BaseSubprocessTransport.close (kills a running child)",
                        "that the loop tracks its children's transports and closes them with itself",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            Child child = new Child(loop);
                            SubprocessTransport sleeper = loop.runUntilComplete(loop.subprocessExec(() -> child,
                                    new ProcessBuilder("sleep", "1000")));
                            ProcessHandle root = ProcessHandle.of(sleeper.getPid()).orElseThrow(() ->
                                    new AssertionError("child " + sleeper.getPid() + " is gone before close()"));
                            tck.waitFor("the child to run 'sleep 1000'", () -> tree(root).anyMatch(SubprocessRules::sleeps));
                            List<ProcessHandle> sleeping = tree(root).filter(SubprocessRules::sleeps).toList();
                            try {
                                loop.close();
                                tck.waitFor("the loop's close() to kill the child 'sleep 1000'",
                                        () -> sleeping.stream().noneMatch(ProcessHandle::isAlive));
                                assertEquals(List.of("made"), child.events, "the protocol's callbacks");
                            } finally {
                                sleeping.forEach(ProcessHandle::destroyForcibly);
                            }
                        }));
    }

    /** The process and what it started. */
    private static Stream<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants());
    }

    private static boolean sleeps(ProcessHandle process) {
        return process.isAlive() && process.info().command().map(c -> c.endsWith("sleep")).orElse(false);
    }

    /** Collects both outputs and every callback, in order. */
    private static final class Child implements SubprocessProtocol {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        final Future<Throwable> lost;
        private SubprocessTransport transport;

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
        public void processExited() {
            events.add("exited " + transport.getReturncode());
        }

        @Override
        public void connectionLost(Throwable cause) {
            events.add("lost");
            lost.setResult(cause);
        }
    }
}

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
package dev.loopkit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.testsupport.ProbeJvm;
import dev.loopkit.testsupport.RecordingLoop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class RunnerTest extends PolicyTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void loopsRunLeavesNoTaskThreadOrBackendBehind() throws Exception {
        LoopPolicy.setDefault(isolated().build());
        AtomicReference<EventLoop> used = new AtomicReference<>();
        AtomicReference<Task<?>> straggler = new AtomicReference<>();
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<String> cleanup = new ArrayList<>();
        String result = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            used.set(loop);
            worker.set(Async.await(loop.runInExecutor(null, Thread::currentThread)));
            straggler.set(loop.createTask(Coroutines.of(() -> {
                try {
                    return Async.await(loop.createFuture());
                } finally {
                    cleanup.add("straggler unwound");
                }
            })));
            return "main done";
        });
        assertEquals("main done", result);
        RecordingLoop loop = (RecordingLoop) used.get();
        assertTrue(loop.isClosed());
        assertEquals(1, loop.backendCloses());
        assertTrue(straggler.get().cancelled(), "a task left running is cancelled");
        assertEquals(List.of("straggler unwound"), cleanup);
        assertEquals(0, Tasks.allTasks(loop).size());
        assertTrue(worker.get().join(WAIT), "the default executor's thread outlived Loops.run");
    }

    @Test
    void aRunnerReusesOneLoopForSeveralRuns() {
        RecordingLoop[] created = new RecordingLoop[1];
        int[] factoryCalls = {0};
        try (Runner runner = new Runner(() -> {
            factoryCalls[0]++;
            created[0] = new RecordingLoop();
            return created[0];
        }, true)) {
            assertEquals(1, runner.run(Coroutines.of(() -> 1)));
            assertEquals(2, runner.run(Coroutines.of(() -> 2)));
            assertSame(created[0], runner.getLoop());
            assertTrue(runner.getLoop().getDebug(), "the debug flag reaches the loop");
        }
        assertEquals(1, factoryCalls[0]);
        assertTrue(created[0].isClosed());
    }

    @Test
    @Timeout(60)
    void aFirstSigintCancelsTheMainTaskAndGivesSigintBackToTheJvm() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "kill(1) sends the signal");
        SignalHandler jvms = Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
        Signal.handle(new Signal("INT"), jvms);
        // A JVM started with SIGINT ignored (by a shell running the build in the background) can
        // never handle it; the runner then leaves it alone, which the next test shows.
        assumeFalse(jvms == SignalHandler.SIG_IGN, "this JVM was started with SIGINT ignored");
        List<String> cleanup = new ArrayList<>();
        try (Runner runner = new Runner(RecordingLoop::new, false)) {
            assertThrows(CancelledException.class, () -> runner.run(Coroutines.of(() -> {
                EventLoop loop = EventLoops.getRunningLoop();
                try {
                    // Sent from outside, as Ctrl-C would be; the JVM would end if the runner had
                    // not taken SIGINT.
                    new ProcessBuilder("kill", "-INT", String.valueOf(ProcessHandle.current().pid())).start();
                    return Async.await(loop.createFuture());
                } finally {
                    cleanup.add("main task unwound");
                }
            })));
        }
        assertEquals(List.of("main task unwound"), cleanup);
        SignalHandler after = Signal.handle(new Signal("INT"), jvms);
        // sun.misc wraps the JVM's own handler anew on each call: compare what it wraps.
        assertEquals(jvms.toString(), after.toString(), "SIGINT's handler after the run");
    }

    @Test
    void inAJvmStartedWithSigintIgnoredAHandlerIsRefusedClearlyAndTheRunnerRunsWithoutOne(@TempDir Path dir)
            throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the shell's trap ignores SIGINT");
        String output = ProbeJvm.run(dir, "trap '' INT", IgnoredSigintProbe.class);
        assertTrue(output.contains("addSignalHandler: signal SIGINT is ignored by this process (it was started in the"
                + " background or under nohup), and the JVM never delivers an ignored SIGINT"), output);
        assertTrue(output.contains("runner: 42"), output);
    }

    @Test
    void aClosedRunnerRefusesToRun() {
        Runner runner = new Runner(RecordingLoop::new, false);
        runner.close();
        runner.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.run(Coroutines.of(() -> 1)));
        assertEquals("Runner is closed", e.getMessage());
    }

    @Test
    void runFromARunningLoopFailsClearly() {
        try (Runner outer = new Runner(RecordingLoop::new, false)) {
            IllegalStateException e = outer.run(Coroutines.of(() ->
                    assertThrows(IllegalStateException.class, () -> Loops.run(() -> 1))));
            assertEquals("Runner.run() cannot be called from a running event loop", e.getMessage());
        }
    }

    @Test
    void theMainCoroutinesFailureReachesTheCaller() {
        try (Runner runner = new Runner(RecordingLoop::new, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(
                    Coroutines.of(() -> {
                        throw new IllegalArgumentException("bad input");
                    })));
            assertEquals("bad input", e.getMessage());
        }
    }

    @Test
    void tasksThatIgnoreCancellationAreReportedAtClose() {
        List<String> reported = new ArrayList<>();
        Runner runner = new Runner(RecordingLoop::new, false);
        runner.run(Coroutines.of(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            loop.setExceptionHandler((l, context) -> reported.add(context.message() + ": "
                    + context.exception().getMessage()));
            Future<Void> never = loop.createFuture();
            loop.createTask(Coroutines.of(() -> {
                try {
                    return Async.await(never);
                } catch (CancelledException e) {
                    throw new IllegalStateException("failed while cancelled");
                }
            }));
            return null;
        }));
        runner.close();
        assertEquals(List.of("unhandled exception during Runner.close() shutdown: failed while cancelled"), reported);
    }

    @Test
    void getEventLoopReturnsTheRunningLoopOrTheThreadsLoop() {
        LoopPolicy policy = isolated().build();
        IllegalStateException none = assertThrows(IllegalStateException.class, policy::getEventLoop);
        assertTrue(none.getMessage().startsWith("There is no current event loop in thread"), none.getMessage());
        try (EventLoop loop = policy.newEventLoop()) {
            policy.setEventLoop(loop);
            assertSame(loop, policy.getEventLoop());
            try (EventLoop other = policy.newEventLoop()) {
                assertSame(other, other.runUntilComplete(Coroutines.of(policy::getEventLoop)));
            }
            policy.setEventLoop(null);
            assertThrows(IllegalStateException.class, policy::getEventLoop);
        }
    }

    @Test
    void closeStopsWaitingForAnExecutorCallThatNeverEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingLoop[] made = new RecordingLoop[1];
        Runner runner = new Runner(() -> made[0] = new RecordingLoop(), null, Duration.ofMillis(200));
        runner.run(Coroutines.of(() -> {
            EventLoops.getRunningLoop().runInExecutor(null, () -> {
                release.await();
                return null;
            });
            return null;
        }));
        Thread closing = Thread.ofPlatform().start(runner::close);
        try {
            assertTrue(closing.join(Duration.ofSeconds(30)), "close() waited on for the executor's call");
            assertTrue(made[0].isClosed());
        } finally {
            release.countDown();
        }
        assertThrows(IllegalArgumentException.class, () -> new Runner(RecordingLoop::new, null, Duration.ZERO));
    }

    @Test
    void aRunnerWithoutADebugFlagLeavesTheLoopsSettingAlone() {
        try (Runner runner = new Runner(() -> {
            RecordingLoop loop = new RecordingLoop();
            loop.setDebug(true); // as -Dloopkit.debug=true would
            return loop;
        }, null)) {
            assertTrue(runner.getLoop().getDebug(), "the runner switched debug mode off");
        }
        try (Runner runner = new Runner(RecordingLoop::new, false)) {
            assertFalse(runner.getLoop().getDebug());
        }
    }
}

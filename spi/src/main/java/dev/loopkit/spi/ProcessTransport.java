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

import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A child process on any loop (asyncio's {@code BaseSubprocessTransport}): a JDK {@link Process},
 * its piped streams served by {@link PipeReader}s and a {@link PipeWriter}, each on a thread of its
 * own because the JDK's pipes cannot be selected, handing everything to the loop thread with
 * {@code callSoonThreadsafe}; the JDK's process reaper reports the exit the same way. The
 * protocol hears of everything on the loop thread. Loop thread only.
 */
final class ProcessTransport implements SubprocessTransport {

    private final BaseEventLoop loop;
    private final Process process;
    private final SubprocessProtocol protocol;
    private final PipeWriter stdin;
    private final PipeReader stdout;
    private final PipeReader stderr;
    private int openPipes;
    private Integer returncode;
    private boolean closing;
    private boolean lost;

    private ProcessTransport(BaseEventLoop loop, ProcessBuilder command, Process process, SubprocessProtocol protocol) {
        this.loop = loop;
        this.process = process;
        this.protocol = protocol;
        this.stdin = command.redirectInput() == Redirect.PIPE ? new PipeWriter(this, process.getOutputStream()) : null;
        this.stdout = command.redirectOutput() == Redirect.PIPE
                ? new PipeReader(this, 1, process.getInputStream()) : null;
        this.stderr = !command.redirectErrorStream() && command.redirectError() == Redirect.PIPE
                ? new PipeReader(this, 2, process.getErrorStream()) : null;
        for (Object pipe : new Object[] {stdin, stdout, stderr}) {
            if (pipe != null) {
                openPipes++;
            }
        }
    }

    /**
     * Starts {@code command} and serves the child: {@code connectionMade} first, then the pipes'
     * threads and the exit watch, then the future completes (asyncio's order).
     */
    static Future<SubprocessTransport> start(BaseEventLoop loop, Supplier<? extends SubprocessProtocol> protocolFactory,
            ProcessBuilder command) {
        Objects.requireNonNull(protocolFactory, "protocolFactory");
        Objects.requireNonNull(command, "command");
        if (command.command().isEmpty()) {
            throw new IllegalArgumentException("the command is empty: give the program to run and its arguments");
        }
        loop.checkClosed();
        Process process;
        try {
            process = command.start();
        } catch (IOException | RuntimeException e) {
            return loop.failed(e);
        }
        ProcessTransport transport;
        try {
            SubprocessProtocol protocol = Objects.requireNonNull(protocolFactory.get(),
                    "the protocol factory returned null");
            transport = new ProcessTransport(loop, command, process, protocol);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            return loop.failed(e);
        }
        BuiltinFuture<SubprocessTransport> result = loop.newFuture();
        loop.subprocesses().add(transport);
        loop.observer().transportOpened();
        loop.callSoon(() -> transport.call("connectionMade", () -> transport.protocol.connectionMade(transport)));
        loop.callSoon(() -> {
            transport.startPipes();
            process.onExit().thenRun(() -> transport.post(transport::exited));
            if (!result.done()) {
                result.setResult(transport);
            }
        });
        return result;
    }

    private void startPipes() {
        String name = "loopkit-subprocess-" + process.pid();
        if (stdin != null) {
            stdin.start(name + "-stdin");
        }
        if (stdout != null) {
            stdout.start(name + "-stdout");
        }
        if (stderr != null) {
            stderr.start(name + "-stderr");
        }
    }

    /** Hands {@code task} to the loop thread from a pipe's or the reaper's thread; a closed loop drops it. */
    boolean post(Runnable task) {
        try {
            loop.callSoonThreadsafe(task);
            return true;
        } catch (IllegalStateException closedLoop) {
            return false;
        }
    }

    BaseEventLoop loop() {
        return loop;
    }

    private void exited() {
        if (returncode != null) {
            return;
        }
        returncode = process.exitValue();
        if (stdin != null) {
            // Nobody reads it any more (asyncio's write pipe sees the reader's end close).
            stdin.close();
        }
        call("processExited", protocol::processExited);
        finishIfDone();
    }

    /** A pipe closed (end of file, close, or an error). */
    void pipeLost(int fd, Throwable cause) {
        openPipes--;
        call("pipeConnectionLost", () -> protocol.pipeConnectionLost(fd, cause));
        finishIfDone();
    }

    private void finishIfDone() {
        if (!lost && returncode != null && openPipes == 0) {
            lost = true;
            loop.subprocesses().remove(this);
            loop.observer().transportClosed();
            call("connectionLost", () -> protocol.connectionLost(null));
        }
    }

    /** A protocol that throws has its child killed, as a protocol that throws loses its connection. */
    void call(String method, Runnable call) {
        if (loop.callProtocol(method, this, protocol, call) != null && !method.equals("connectionLost")) {
            close();
        }
    }

    SubprocessProtocol protocol() {
        return protocol;
    }

    @Override
    public long getPid() {
        return process.pid();
    }

    @Override
    public Integer getReturncode() {
        return returncode;
    }

    @Override
    public Transport getPipeTransport(int fd) {
        return switch (fd) {
            case 0 -> stdin;
            case 1 -> stdout;
            case 2 -> stderr;
            default -> throw new IllegalArgumentException("fd must be 0 (stdin), 1 (stdout) or 2 (stderr), got " + fd);
        };
    }

    @Override
    public void terminate() {
        process.destroy();
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        for (Transport pipe : new Transport[] {stdin, stdout, stderr}) {
            if (pipe != null) {
                pipe.close();
            }
        }
        if (returncode == null) {
            process.destroyForcibly();
        }
    }

    /** The loop is closing: kill the child and close its streams at once, so that its threads end. */
    void closeForShutdown() {
        closing = true;
        process.destroyForcibly();
        for (PipeReader reader : new PipeReader[] {stdout, stderr}) {
            if (reader != null) {
                reader.closeForShutdown();
            }
        }
        if (stdin != null) {
            stdin.closeForShutdown();
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public SubprocessProtocol getProtocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "ProcessTransport[pid=" + process.pid() + (returncode == null ? ", running" : ", exit " + returncode)
                + (closing ? ", closing" : "") + "]";
    }
}

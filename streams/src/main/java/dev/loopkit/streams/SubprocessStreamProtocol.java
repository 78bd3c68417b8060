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
package dev.loopkit.streams;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessProtocol;
import dev.loopkit.api.SubprocessTransport;
import dev.loopkit.api.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Adapts a child's callbacks to its streams (asyncio's {@code SubprocessStreamProtocol}). */
final class SubprocessStreamProtocol implements SubprocessProtocol {

    private final EventLoop loop;
    private final int limit;
    private final List<Future<Integer>> exitWaiters = new ArrayList<>();
    private SubprocessTransport transport;
    private StreamWriter stdin;
    private StreamReader stdout;
    private StreamReader stderr;

    SubprocessStreamProtocol(EventLoop loop, int limit) {
        this.loop = loop;
        this.limit = limit;
    }

    StreamProcess process() {
        return new StreamProcess(transport, stdin, stdout, stderr, this);
    }

    @Override
    public void connectionMade(SubprocessTransport made) {
        transport = made;
        Transport in = made.getPipeTransport(0);
        if (in != null) {
            stdin = new StreamWriter(loop, in);
        }
        stdout = reader(made.getPipeTransport(1));
        stderr = reader(made.getPipeTransport(2));
    }

    private StreamReader reader(Transport pipe) {
        if (pipe == null) {
            return null;
        }
        StreamReader reader = new StreamReader(loop, limit);
        reader.setTransport(pipe);
        return reader;
    }

    @Override
    public void pipeDataReceived(int fd, ByteBuffer data) {
        (fd == 1 ? stdout : stderr).feedData(data);
    }

    @Override
    public void pipeConnectionLost(int fd, Throwable cause) {
        if (fd == 0) {
            stdin.lost(cause);
            return;
        }
        StreamReader reader = fd == 1 ? stdout : stderr;
        if (cause == null) {
            reader.feedEof();
        } else {
            reader.setException(cause);
        }
    }

    @Override
    public void pauseWriting() {
        stdin.pause();
    }

    @Override
    public void resumeWriting() {
        stdin.resume();
    }

    @Override
    public void processExited() {
        for (Future<Integer> waiter : List.copyOf(exitWaiters)) {
            if (!waiter.done()) {
                waiter.setResult(transport.getReturncode());
            }
        }
        exitWaiters.clear();
    }

    /** A future of the exit code: done at once if the child has exited. */
    Future<Integer> exit() {
        Future<Integer> waiter = loop.createFuture();
        if (transport.getReturncode() != null) {
            waiter.setResult(transport.getReturncode());
        } else {
            exitWaiters.add(waiter);
        }
        return waiter;
    }
}

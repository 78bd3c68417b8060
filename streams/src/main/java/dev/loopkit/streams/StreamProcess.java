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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessTransport;
import org.apiguardian.api.API;

/**
 * A child process with streams (asyncio's {@code asyncio.subprocess.Process}), made by
 * {@link Subprocesses}. Loop thread only.
 *
 * <p>Read what the child writes, or it may block on a full pipe: {@link #communicate} reads both
 * outputs to their end while it writes the input, which never deadlocks.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StreamProcess {

    /**
     * What {@link #communicate} collected.
     *
     * @param stdout everything the child wrote to its standard output (empty if it was not a pipe)
     * @param stderr everything it wrote to its standard error (empty if it was not a pipe)
     * @param returncode its exit code
     */
    public record Output(byte[] stdout, byte[] stderr, int returncode) {
    }

    private final SubprocessTransport transport;
    private final StreamWriter stdin;
    private final StreamReader stdout;
    private final StreamReader stderr;
    private final SubprocessStreamProtocol protocol;

    StreamProcess(SubprocessTransport transport, StreamWriter stdin, StreamReader stdout, StreamReader stderr,
            SubprocessStreamProtocol protocol) {
        this.transport = transport;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.protocol = protocol;
    }

    /** {@return the child's process id} */
    public long pid() {
        return transport.getPid();
    }

    /** {@return the exit code, or null while the child runs} */
    public Integer returncode() {
        return transport.getReturncode();
    }

    /** {@return the writer of the child's standard input, or null if it is not a pipe} */
    public StreamWriter stdin() {
        return stdin;
    }

    /** {@return the reader of the child's standard output, or null if it is not a pipe} */
    public StreamReader stdout() {
        return stdout;
    }

    /** {@return the reader of the child's standard error, or null if it is not a pipe} */
    public StreamReader stderr() {
        return stderr;
    }

    /**
     * Returns a future of the exit code, done once the child exits (asyncio's {@code wait()}, which
     * Java's {@code Object.wait} keeps from the name).
     *
     * @return a future of the loop
     */
    public Future<Integer> waitFor() {
        return protocol.exit();
    }

    /**
     * Writes {@code input} to the child's standard input and closes it, reads both outputs to
     * their end, and waits for the exit (asyncio's {@code communicate}). A child that exits
     * without reading all of its input is no error.
     *
     * @param input what to write, or null to write nothing (standard input is closed all the same)
     * @return a future of the loop with both outputs and the exit code
     * @throws IllegalStateException if no loop is running on this thread
     */
    public Future<Output> communicate(byte[] input) {
        return EventLoops.getRunningLoop().createTask(Coroutines.of(() -> {
            Future<byte[]> out = stdout == null ? null : stdout.read(-1);
            Future<byte[]> err = stderr == null ? null : stderr.read(-1);
            if (stdin != null) {
                if (input != null && input.length > 0 && !stdin.transport().isClosing()) {
                    stdin.write(input);
                }
                if (!stdin.transport().isClosing()) {
                    stdin.close();
                }
            }
            byte[] outBytes = out == null ? new byte[0] : Async.await(out);
            byte[] errBytes = err == null ? new byte[0] : Async.await(err);
            return new Output(outBytes, errBytes, Async.await(waitFor()));
        }));
    }

    /** Asks the child to stop (SIGTERM on Unix). */
    public void terminate() {
        transport.terminate();
    }

    /** Stops the child at once (SIGKILL on Unix). */
    public void kill() {
        transport.kill();
    }

    @Override
    public String toString() {
        return "StreamProcess[pid=" + pid() + ", returncode=" + returncode() + "]";
    }
}

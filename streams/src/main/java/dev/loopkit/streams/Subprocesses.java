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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.SubprocessTransport;
import org.apiguardian.api.API;

/**
 * Child processes with streams, for coroutines of the running loop (asyncio's
 * {@code create_subprocess_exec} and {@code create_subprocess_shell}):
 *
 * <pre>{@code
 * StreamProcess child = Async.await(Subprocesses.createSubprocessExec(new ProcessBuilder("sort")));
 * StreamProcess.Output output = Async.await(child.communicate("b\na\n".getBytes()));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Subprocesses {

    private Subprocesses() {
    }

    /**
     * Starts {@code command} on the running loop; its piped streams (the builder's default) become
     * {@link StreamProcess#stdin()}, {@link StreamProcess#stdout()} and {@link StreamProcess#stderr()}.
     *
     * @param command what to run, with its redirects; never null
     * @return a future of the loop with the child
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<StreamProcess> createSubprocessExec(ProcessBuilder command) {
        EventLoop loop = EventLoops.getRunningLoop();
        SubprocessStreamProtocol protocol = new SubprocessStreamProtocol(loop, StreamReader.DEFAULT_LIMIT);
        return started(loop, loop.subprocessExec(() -> protocol, command), protocol);
    }

    /**
     * Starts {@code command} with {@code /bin/sh -c} on the running loop, every stream a pipe.
     *
     * @param command the shell command line; never null
     * @return a future of the loop with the child
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<StreamProcess> createSubprocessShell(String command) {
        EventLoop loop = EventLoops.getRunningLoop();
        SubprocessStreamProtocol protocol = new SubprocessStreamProtocol(loop, StreamReader.DEFAULT_LIMIT);
        return started(loop, loop.subprocessShell(() -> protocol, command), protocol);
    }

    private static Future<StreamProcess> started(EventLoop loop, Future<SubprocessTransport> starting,
            SubprocessStreamProtocol protocol) {
        Future<StreamProcess> result = loop.createFuture();
        starting.addDoneCallback(done -> {
            if (done.cancelled()) {
                result.cancel();
            } else if (done.exception() != null) {
                result.setException(done.exception());
            } else {
                result.setResult(protocol.process());
            }
        });
        return result;
    }
}

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
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/**
 * Callbacks of a child process started by {@link EventLoop#subprocessExec} (asyncio's
 * {@code SubprocessProtocol}), called on the loop's thread. Every method has an empty default.
 *
 * <p>Order: {@link #connectionMade} once; then, per pipe, any number of {@link #pipeDataReceived}
 * and one {@link #pipeConnectionLost}; {@link #processExited} once the child has exited; and
 * {@link #connectionLost} last, once the child has exited and every pipe is closed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SubprocessProtocol {

    /**
     * The child is running.
     *
     * @param transport the child's transport; never null
     */
    default void connectionMade(SubprocessTransport transport) {
    }

    /**
     * The child wrote to its standard output (fd 1) or error (fd 2). The buffer belongs to the
     * loop: read it, or copy what you keep, before returning.
     *
     * @param fd 1 or 2
     * @param data the bytes, between position and limit; never null
     */
    default void pipeDataReceived(int fd, ByteBuffer data) {
    }

    /**
     * One of the child's pipes closed.
     *
     * @param fd 0, 1 or 2
     * @param cause why, or null for a regular close or end of file
     */
    default void pipeConnectionLost(int fd, Throwable cause) {
    }

    /** The child's standard input pipe went over its high water mark: stop writing until resumed. */
    default void pauseWriting() {
    }

    /** The child's standard input pipe drained below its low water mark. */
    default void resumeWriting() {
    }

    /** The child exited; its exit code is {@link SubprocessTransport#getReturncode()}. */
    default void processExited() {
    }

    /**
     * The child has exited and all its pipes are closed.
     *
     * @param cause why the transport was lost, or null
     */
    default void connectionLost(Throwable cause) {
    }
}

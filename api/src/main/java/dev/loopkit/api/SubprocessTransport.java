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

import org.apiguardian.api.API;

/**
 * A child process and its pipes (asyncio's {@code SubprocessTransport}). Loop thread only.
 * {@link #close()} kills a child that is still running, as asyncio's does: a child outlives its
 * transport only when its caller let it go on purpose, never by accident.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface SubprocessTransport {

    /** {@return the child's process id} */
    long getPid();

    /** {@return the child's exit code, or null while it runs (asyncio's {@code returncode})} */
    Integer getReturncode();

    /**
     * Returns the transport of one of the child's pipes: 0 (its standard input, for writing), 1 or
     * 2 (its standard output and error, for reading), or null for one that is not a pipe
     * ({@link ProcessBuilder.Redirect#PIPE} is the only kind that is).
     *
     * @param fd 0, 1 or 2
     * @return the pipe's transport, or null
     * @throws IllegalArgumentException for another fd
     */
    Transport getPipeTransport(int fd);

    /** Asks the child to stop: SIGTERM on Unix ({@link Process#destroy()}). */
    void terminate();

    /** Stops the child at once: SIGKILL on Unix ({@link Process#destroyForcibly()}). */
    void kill();

    /** Closes the pipes and kills the child if it is still running. */
    void close();

    /** {@return true once {@link #close()} was called} */
    boolean isClosing();

    /** {@return the protocol this transport calls} */
    SubprocessProtocol getProtocol();
}

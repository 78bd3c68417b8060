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
import org.apiguardian.api.API;

/**
 * Serves one connection of {@link Streams#startServer}; runs as a coroutine, so it may
 * {@link Async#await}. The connection is closed when it returns or throws.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface StreamHandler {

    /**
     * Serves the connection.
     *
     * @param reader reads what the client sends
     * @param writer sends to the client
     * @throws Exception any failure, reported to the loop's exception handler
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}

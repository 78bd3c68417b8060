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

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The sequential code of a coroutine: an ordinary lambda that may call
 * {@link Async#await(Future)}. Turned into a {@link Coroutine} by {@link Coroutines#of}.
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface CoroutineBody<T> {

    /**
     * Runs the body.
     *
     * @return the coroutine's result; may be null
     * @throws Exception any failure, which becomes the task's exception
     */
    T run() throws Exception;
}

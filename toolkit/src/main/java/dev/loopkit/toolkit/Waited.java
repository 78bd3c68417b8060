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
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What {@link Asyncio#wait} returns: the futures that are done and those still pending (asyncio's
 * {@code (done, pending)} pair), each in the order it was given.
 *
 * @param done the futures that are done
 * @param pending the futures that are not
 * @param <F> the type of the futures
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Waited<F>(Set<F> done, Set<F> pending) {

    /** Copies both sets, keeping their order. */
    public Waited {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}

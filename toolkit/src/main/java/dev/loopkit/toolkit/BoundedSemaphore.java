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

import org.apiguardian.api.API;

/**
 * A {@link Semaphore} that refuses to be released above the permits it started with (asyncio's
 * {@code BoundedSemaphore}): a release without an acquire is a bug caught at once.
 *
 * <p>Thread-safety: loop thread only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BoundedSemaphore extends Semaphore {

    private final int bound;

    /**
     * Creates a semaphore with {@code value} permits, which is also its bound.
     *
     * @param value the permits, zero or more
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** Creates a semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Gives a permit back.
     *
     * @throws IllegalStateException if that would make more permits than it started with
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times: more release() than"
                    + " acquire() calls");
        }
        super.release();
    }
}

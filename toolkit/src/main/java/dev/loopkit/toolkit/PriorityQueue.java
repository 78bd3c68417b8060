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

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link Queue} that hands out its least item first (asyncio's {@code PriorityQueue}), by
 * {@code order}; items that compare equal come out in no set order, as from a heap.
 *
 * @param <T> the type of the items
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class PriorityQueue<T> extends Queue<T> {

    /**
     * Creates a queue of at most {@code maxsize} items, least first by {@code order}.
     *
     * @param maxsize the bound, or 0 (or less) for none
     * @param order how items compare; never null
     */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        // java.util's heap, named in full because this class has asyncio's name.
        super(maxsize, new java.util.PriorityQueue<>(Objects.requireNonNull(order, "order")));
    }
}

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
package dev.loopkit.benchmarks;

import dev.loopkit.api.EventLoop;
import dev.loopkit.policy.LoopPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loops the loopkit benchmarks measure, chosen as an application chooses them, by the policy:
 * the {@code default} provider's unless a benchmark names another ({@code epoll}). One policy per
 * name, so that each choice is made and logged once per JVM.
 */
final class LoopkitLoops {

    private static final Map<String, LoopPolicy> POLICIES = new ConcurrentHashMap<>();

    private LoopkitLoops() {
    }

    /** A new loop of the {@code default} provider. */
    static EventLoop newLoop() {
        return newLoop("default");
    }

    /**
     * A new loop of the provider named {@code provider}.
     *
     * @throws dev.loopkit.policy.ProviderSelectionException if it is not on the class path or not
     *     available in this JVM, with the policy's explanation of every provider found
     */
    static EventLoop newLoop(String provider) {
        return POLICIES.computeIfAbsent(provider, name -> LoopPolicy.builder().providerName(name).build())
                .newEventLoop();
    }
}

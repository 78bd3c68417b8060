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
package dev.loopkit.policy.testproviders;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;

/** A test vendor's provider: a name, a priority, capabilities, and small working loops. */
abstract class TestProvider implements EventLoopProvider {

    private final String name;
    private final int priority;
    private final Set<String> capabilities;

    TestProvider(String name, int priority, String... capabilities) {
        this.name = name;
        this.priority = priority;
        this.capabilities = Set.of(capabilities);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public EventLoop newEventLoop() {
        return new RecordingLoop();
    }
}

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
package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest extends LoopTestSupport {

    @Test
    void closeTwiceIsANoOpAndReleasesTheSelector() {
        assertTrue(loop.selector().isOpen());
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
        assertFalse(loop.selector().isOpen());
    }

    @Test
    void anInterruptStopsTheLoopAndStaysSet() {
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            ran.add("interrupting");
            Thread.currentThread().interrupt();
        });
        loop.callLater(Duration.ofHours(1), () -> ran.add("never"));
        loop.runForever();
        assertTrue(Thread.interrupted(), "the interrupt status was swallowed");
        assertEquals(List.of("interrupting"), ran);
        assertFalse(loop.isRunning());
    }
}

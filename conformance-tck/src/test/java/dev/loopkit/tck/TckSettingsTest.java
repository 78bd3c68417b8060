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
package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TckSettingsTest {

    @Test
    void thisBuildCertifiesTheDefaultLoopAtTheSpinesScale() {
        // The spine asks for 8 threads x 100,000 callSoonThreadsafe calls: TS-01 at that scale.
        assertEquals(100_000, TckSettings.fromEnvironment().threadsafeCallsPerThread());
        assertEquals(Duration.ofSeconds(10), TckSettings.fromEnvironment().timeout());
    }

    @Test
    void aBadSettingIsAClearError() {
        String previous = System.getProperty("loopkit.tck.timeout");
        System.setProperty("loopkit.tck.timeout", "soon");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, TckSettings::fromEnvironment);
            assertEquals("-Dloopkit.tck.timeout=soon must be a positive whole number", e.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("loopkit.tck.timeout");
            } else {
                System.setProperty("loopkit.tck.timeout", previous);
            }
        }
    }
}

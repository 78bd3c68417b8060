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
package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's toolkit example runs as shown, and the README shows it as it runs. */
class PipelineTest {

    @Test
    void theProducerConsumerGroupPassesEveryItemInOrder() {
        assertEquals(List.of("item 1", "item 2", "item 3", "item 4", "item 5"), Pipeline.producerConsumer());
    }

    @Test
    void aPlainThreadGetsTheLoopsAnswer() throws Exception {
        assertEquals("hello from the loop", Pipeline.roundTrip());
    }

    @Test
    void theReadmeShowsBothExamplesExactlyAsTheyRun() throws IOException {
        ReadmeBlocks.assertShown("Pipeline", "pipeline", "round-trip");
    }
}

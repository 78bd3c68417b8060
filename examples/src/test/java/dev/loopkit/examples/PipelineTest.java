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

package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's toolkit example runs as shown, and the README shows it as it runs. */
class PipelineTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/loopkit/examples/Pipeline.java");
    private static final Path README = Path.of("../README.md");

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
        String readme = Files.readString(README);
        for (String marker : List.of("pipeline", "round-trip")) {
            String block = block(marker);
            assertTrue(readme.contains(block), () -> "README.md does not show Pipeline.java's '" + marker
                    + "' block as it is:\n" + block);
        }
    }

    /** The lines between "// README:MARKER" and "// README:end", without their common indentation. */
    private static String block(String marker) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        int start = indexOf(lines, "// README:" + marker) + 1;
        int end = indexOf(lines.subList(start, lines.size()), "// README:end") + start;
        List<String> body = lines.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()) + "\n";
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + marker + "' in " + SOURCE);
    }
}

package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's subprocess pipeline runs, and the README shows its code and its output as they are. */
class SubprocessPipelineTest {

    @Test
    void seqThroughSortComesOutReversed() throws IOException {
        List<String> seen = SubprocessPipeline.pipeline();
        assertEquals(List.of("seq 1 100000 | sort -rn: 100000 lines, first three 100000 99999 99998",
                "exit codes: seq 0, sort 0"), seen);
        ReadmeBlocks.assertShown("SubprocessPipeline", "subprocess-pipeline");
        ReadmeBlocks.assertShownAsRun("SubprocessPipeline's output", String.join("\n", seen) + "\n");
    }
}

package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadsTest {

    private static int heads(RequestHeads heads, String chunk) {
        int found = 0;
        for (byte b : chunk.getBytes(StandardCharsets.US_ASCII)) {
            if (heads.next(b)) {
                found++;
            }
        }
        return found;
    }

    @Test
    void countsPipelinedHeadsAndHeadsSplitAcrossChunks() {
        RequestHeads heads = new RequestHeads();
        assertEquals(2, heads(heads, "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n\r\nGET / HT"));
        assertEquals(0, heads(heads, "TP/1.1\r\nHost: a\r\n\r"));
        assertEquals(1, heads(heads, "\n"));
    }

    @Test
    void aLoneCarriageReturnOrLineFeedDoesNotEndAHead() {
        RequestHeads heads = new RequestHeads();
        assertEquals(0, heads(heads, "a\r\r\nb\n\n\r\n\rx"));
        assertEquals(1, heads(heads, "\r\r\n\r\n"));
    }
}

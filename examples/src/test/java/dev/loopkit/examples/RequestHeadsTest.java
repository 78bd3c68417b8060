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

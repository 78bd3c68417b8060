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

/** The README's TLS echo runs, and the README shows its code and its output as they are. */
class TlsEchoServerTest {

    @Test
    void theClientChecksTheCertificateAndGetsItsLinesBack() throws IOException {
        List<String> seen = TlsEchoServer.echo();
        assertEquals(List.of("echoed: hello", "echoed: tls"), seen.subList(1, 3));
        assertEquals(true, seen.get(0).startsWith("TLSv1.3 TLS_"), seen.get(0));
        ReadmeBlocks.assertShown("TlsEchoServer", "tls-echo");
        ReadmeBlocks.assertShownAsRun("TlsEchoServer's output", String.join("\n", seen) + "\n");
    }
}

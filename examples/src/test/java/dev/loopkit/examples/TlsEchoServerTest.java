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

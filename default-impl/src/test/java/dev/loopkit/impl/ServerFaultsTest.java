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
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopkit.api.Connection;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.testsupport.CollectingProtocol;
import dev.loopkit.testsupport.ProbeJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server or a connection attempt does when the network or the kernel lets it down. */
class ServerFaultsTest extends LoopTestSupport {

    @Test
    void cancellingAPendingConnectionClosesItsSocketAtOnce() throws IOException {
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                // Fill the listener's accept queue: the kernel then drops further SYNs, so a new
                // connect stays pending instead of completing.
                boolean full = false;
                for (int i = 0; i < 16 && !full; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(neverAccepts.getLocalSocketAddress(), 200);
                    } catch (SocketTimeoutException queueFull) {
                        full = true;
                    }
                }
                assumeTrue(full, "this kernel accepts every connect: there is no pending attempt to cancel");
                Future<Connection<CollectingProtocol>> connecting = loop.createConnection(() -> new CollectingProtocol(loop),
                        "127.0.0.1", neverAccepts.getLocalPort());
                for (int i = 0; i < 3; i++) {
                    runOnce(loop);
                }
                assumeFalse(connecting.done(), "the connection was made after all");
                assertTrue(anyChannelOpen(loop), "the pending attempt has no socket registered");
                connecting.cancel();
                for (int i = 0; i < 3; i++) {
                    runOnce(loop);
                }
                assertFalse(anyChannelOpen(loop), "the cancelled attempt's socket is still open");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void aStaleSocketFileIsReplacedAndAnyOtherFileKept(@TempDir Path dir) throws IOException {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(stale));
        }
        assertTrue(Files.exists(stale), "closing a Unix-domain channel left no file to test with");
        Server server = loop.runUntilComplete(loop.createUnixServer(() -> new Protocol() { }, stale));
        assertTrue(server.isServing());
        server.close();
        Path regular = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Future<Server> refused = loop.createUnixServer(() -> new Protocol() { }, regular);
        assertTrue(refused.done() && refused.exception() instanceof IOException, String.valueOf(refused.exception()));
        assertEquals("keep me", Files.readString(regular));
    }

    /**
     * Out of file descriptors, accept() fails at once for as long as connections wait: the server
     * must rest between attempts instead of reporting the failure at full speed. Run in a JVM of its
     * own with a small descriptor limit ({@link AcceptBackoffProbe}).
     */
    @Test
    void aServerOutOfFileDescriptorsRestsBetweenAccepts(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "needs ulimit");
        String output = ProbeJvm.run(dir, "ulimit -n 256", AcceptBackoffProbe.class);
        String verdict = output.lines().filter(line -> line.startsWith("accept failures reported: ")).findFirst()
                .orElseThrow(() -> new AssertionError("the probe reported nothing:\n" + output));
        assumeFalse(verdict.endsWith(": 0"), "the probe never ran out of descriptors:\n" + output);
        int reported = Integer.parseInt(verdict.substring(verdict.lastIndexOf(' ') + 1));
        assertTrue(reported <= 4, "accept failures were reported " + reported + " times in 3 s:\n" + output);
    }
}

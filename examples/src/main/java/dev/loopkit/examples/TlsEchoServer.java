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

import dev.loopkit.api.Async;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.Loops;
import dev.loopkit.streams.StreamConnection;
import dev.loopkit.streams.Streams;
import dev.loopkit.toolkit.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's TLS echo: the stream echo server behind TLS, and a client that checks its
 * certificate, with a certificate made on the spot ({@link SelfSignedCertificate}, which only this
 * client trusts).
 */
public final class TlsEchoServer {

    private TlsEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        echo().forEach(System.out::println);
    }

    /** Runs the server and the client; returns what the client saw, a line per fact. */
    static List<String> echo() throws IOException {
        // README:tls-echo
        SelfSignedCertificate certificate = SelfSignedCertificate.generate("localhost", "127.0.0.1");
        return Loops.run(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                byte[] line;
                while ((line = Async.await(reader.readLine())).length > 0) {
                    writer.write(line);
                    Async.await(writer.drain());
                }
            }, "127.0.0.1", 0, SslOptions.server(certificate.keyContext())));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();

            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port,
                    SslOptions.client(certificate.trustContext())));
            Transport tls = client.writer().transport();
            List<String> seen = new ArrayList<>();
            seen.add(tls.getExtraInfo("ssl_version") + " " + tls.getExtraInfo("cipher") + ", server "
                    + ((X509Certificate) tls.getExtraInfo("peercert")).getSubjectX500Principal());
            for (String text : new String[] {"hello", "tls"}) {
                client.writer().write((text + "\n").getBytes());
                seen.add("echoed: " + new String(Async.await(client.reader().readLine())).strip());
            }
            client.writer().close();
            server.close();
            return seen;
        });
        // README:end
    }
}

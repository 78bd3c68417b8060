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
import dev.loopkit.policy.Loops;
import dev.loopkit.streams.StreamConnection;
import dev.loopkit.streams.Streams;
import java.net.InetSocketAddress;

/** The README's echo server written with streams, and a client talking to it. */
public final class StreamEchoServer {

    private StreamEchoServer() {
    }

    public static void main(String[] args) {
        Loops.run(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                byte[] line;
                while ((line = Async.await(reader.readLine())).length > 0) {
                    writer.write(line);
                    Async.await(writer.drain());
                }
            }, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            System.out.println("stream echo server on port " + port);

            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port));
            for (String text : new String[] {"hello", "loopkit"}) {
                client.writer().write((text + "\n").getBytes());
                System.out.print("echoed: " + new String(Async.await(client.reader().readLine())));
            }
            client.writer().close();
            server.close();
            return null;
        });
    }
}

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

import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run by {@link ServerFaultsTest} in a JVM with few file descriptors: connects to a loop's server
 * until the process runs out of descriptors, lets the loop run 3 s more, and prints how often the
 * server reported a failed accept().
 */
public final class AcceptBackoffProbe {

    private AcceptBackoffProbe() {
    }

    public static void main(String[] args) throws Exception {
        SelectorEventLoop loop = new SelectorEventLoop();
        AtomicInteger reports = new AtomicInteger();
        AtomicReference<String> first = new AtomicReference<>("none");
        loop.setExceptionHandler((l, context) -> {
            if (context.message().startsWith("Error on accept()")) {
                reports.incrementAndGet();
                first.compareAndSet("none", String.valueOf(context.exception()));
            }
        });
        // Load the reporting path's classes while descriptors are left to read them from the jars.
        loop.callExceptionHandler(ExceptionContext.of("warming up", new IOException("warming up")));
        Server server = loop.runUntilComplete(loop.createServer(() -> new Protocol() { }, "127.0.0.1", 0));
        // A timed wait too: on a virtual thread the JDK starts its pollers lazily, which needs descriptors.
        loop.callLater(Duration.ofMillis(10), loop::stop);
        loop.runForever();
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        List<Socket> clients = new ArrayList<>();
        Thread connector = Thread.ofPlatform().start(() -> {
            while (true) {
                try {
                    Socket client = new Socket();
                    clients.add(client);
                    client.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                } catch (IOException outOfDescriptors) {
                    return;
                }
            }
        });
        connector.join();
        loop.callLater(Duration.ofSeconds(3), loop::stop);
        reports.set(0);
        loop.runForever();
        System.out.println("clients: " + clients.size() + ", first failure: " + first.get());
        System.out.println("accept failures reported: " + reports.get());
        System.exit(0);
    }
}

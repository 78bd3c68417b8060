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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.toolkit.GroupServer;
import dev.loopkit.toolkit.LoopGroup;
import dev.loopkit.toolkit.SelfSignedCertificate;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP example answers the JDK's own HttpClient, many requests over kept-alive connections, on
 * each provider the examples ship with, on one loop and on a group of loops: the same code, only
 * the loops differ.
 */
class HttpPlaintextServerTest {

    @ParameterizedTest
    @CsvSource({"default, http", "default, https", "epoll, http", "epoll, https"})
    void theJdkHttpClientGetsHelloWorldOverKeepAlive(String provider, String scheme) throws Exception {
        // HTTPS with a certificate made now, which only this client trusts.
        SelfSignedCertificate certificate = scheme.equals("https") ? SelfSignedCertificate.generate("localhost", "127.0.0.1") : null;
        EventLoop loop = policy(provider).newEventLoop();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread loopThread = Thread.ofPlatform().name("http-example-loop").start(() -> {
            Server server = loop.runUntilComplete(certificate == null ? HttpPlaintextServer.start(loop, "127.0.0.1", 0)
                    : HttpPlaintextServer.start(loop, "127.0.0.1", 0, SslOptions.server(certificate.keyContext())));
            port.complete(((InetSocketAddress) server.sockets().get(0)).getPort());
            loop.runForever();
            server.close();
        });
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (certificate != null) {
            builder.sslContext(certificate.trustContext());
        }
        try (HttpClient client = builder.build()) {
            URI uri = URI.create(scheme + "://127.0.0.1:" + port.get(30, TimeUnit.SECONDS) + "/");
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                assertEquals("Hello, World!", response.body());
                assertEquals("loopkit", response.headers().firstValue("server").orElse(""));
            }
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(Duration.ofSeconds(30));
            loop.close();
        }
        assertTrue(loop.isClosed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "epoll"})
    void aGroupOfLoopsAnswersOnEveryLoop(String provider) throws Exception {
        LoopPolicy policy = policy(provider);
        try (LoopGroup group = LoopGroup.start(2, policy::newEventLoop)) {
            GroupServer server = HttpPlaintextServer.start(group, "127.0.0.1", 0);
            List<Socket> clients = new ArrayList<>();
            try {
                // Two requests, pipelined, on each of 64 connections: SO_REUSEPORT hashes each
                // connection's ports, so all 64 on one loop has odds of 2^-63.
                byte[] requests = "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 64; i++) {
                    Socket client = new Socket("127.0.0.1", server.address().getPort());
                    clients.add(client);
                    client.setSoTimeout(10_000);
                    client.getOutputStream().write(requests);
                }
                byte[] answers = new byte[2 * HttpPlaintextServer.RESPONSE.length];
                for (Socket client : clients) {
                    assertEquals(answers.length, client.getInputStream().readNBytes(answers, 0, answers.length));
                    String text = new String(answers, StandardCharsets.US_ASCII);
                    assertEquals(2, text.split("Hello, World!", -1).length - 1, text);
                }
            } finally {
                for (Socket client : clients) {
                    client.close();
                }
            }
            long[] perLoop = server.connectionsPerLoop();
            assertTrue(perLoop[0] > 0 && perLoop[1] > 0, "connections per loop: " + Arrays.toString(perLoop));
        }
    }

    /** The policy that picks {@code provider}; epoll is skipped where Netty has no native epoll. */
    private static LoopPolicy policy(String provider) {
        // Netty ships epoll for Linux on these two only; everywhere else the policy would refuse it.
        assumeTrue(!provider.equals("epoll") || System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")), "epoll needs Linux");
        return LoopPolicy.builder().providerName(provider).build();
    }
}

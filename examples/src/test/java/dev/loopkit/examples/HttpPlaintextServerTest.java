package dev.loopkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Server;
import dev.loopkit.policy.LoopPolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP example answers the JDK's own HttpClient, many requests over kept-alive connections, on
 * each provider the examples ship with: the same code, only the loop differs.
 */
class HttpPlaintextServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "epoll"})
    void theJdkHttpClientGetsHelloWorldOverKeepAlive(String provider) throws Exception {
        // Netty ships epoll for Linux on these two only; everywhere else the policy would refuse it.
        assumeTrue(!provider.equals("epoll") || System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")), "epoll needs Linux");
        EventLoop loop = LoopPolicy.builder().providerName(provider).build().newEventLoop();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread loopThread = Thread.ofPlatform().name("http-example-loop").start(() -> {
            Server server = loop.runUntilComplete(HttpPlaintextServer.start(loop, "127.0.0.1", 0));
            port.complete(((InetSocketAddress) server.sockets().get(0)).getPort());
            loop.runForever();
            server.close();
        });
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            URI uri = URI.create("http://127.0.0.1:" + port.get(30, TimeUnit.SECONDS) + "/");
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
}

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
package dev.loopkit.benchmarks;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory per idle connection on loopkit's default loop: a server in this JVM accepts {@code n}
 * connections that a Python process ({@code idle_clients.py}) opens and holds, and the heap
 * retained after a full collection, less the same before, is divided by {@code n}. The kernel's
 * share is read from {@code /proc/slabinfo} (the slab objects one accepted TCP socket holds).
 */
final class IdleConnections {

    /** The slab caches one accepted, idle TCP socket uses on Linux, with the JDK's epoll selector. */
    private static final List<String> SLABS = List.of("TCP", "sock_inode_cache", "filp", "dentry", "eventpoll_epi");
    /** Linux's default ephemeral port range, 32768 to 60999: connections from one client address to one port. */
    private static final int EPHEMERAL_PORTS = 28_232;

    private IdleConnections() {
    }

    /** What one run measured; {@code kernelBytes} is 0 where {@code /proc/slabinfo} cannot be read. */
    record Result(int connections, double heapBytes, long kernelBytes, long fileLimit) {

        /** The arithmetic for a million idle connections on one loop, from this run's figures. */
        String millionConnections() {
            double heap = heapBytes * 1e6 / (1 << 30);
            double kernel = kernelBytes * 1e6 / (1 << 30);
            return String.format(Locale.ROOT, "idle connections: %d held (limit: %d open files per process);"
                    + " %.0f B of heap and %d B of kernel slab per connection%n"
                    + "  1 M idle connections: %.2f GiB heap + %.2f GiB kernel = %.2f GiB, 1 M descriptors"
                    + " (ulimit -n above 1,000,000) and, from one client address, 1 M / %d ports = %d"
                    + " client addresses%n", connections, fileLimit, heapBytes, kernelBytes, heap, kernel,
                    heap + kernel, EPHEMERAL_PORTS, (1_000_000 + EPHEMERAL_PORTS - 1) / EPHEMERAL_PORTS);
        }
    }

    /**
     * Holds as many idle connections as asked and this machine's limits allow (file descriptors,
     * ephemeral ports); empty, with the reason printed, where Python cannot run.
     */
    static Optional<Result> measure(int wanted) {
        long fileLimit = fileLimit();
        // The client and the server each need a descriptor per connection, and a few to spare.
        int n = (int) Math.min(wanted, Math.min(fileLimit - 500, EPHEMERAL_PORTS - 500));
        AtomicInteger accepted = new AtomicInteger();
        EventLoop loop = LoopkitLoops.newLoop();
        Thread thread = Thread.ofPlatform().name("idle-connections").start(loop::runForever);
        Process clients = null;
        try {
            CompletableFuture<Server> listening = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> {
                Future<Server> server = loop.createServer(() -> new Idle(accepted), "127.0.0.1", 0);
                server.addDoneCallback(done -> listening.complete(done.result()));
            });
            Completion.await(listening, "the idle-connection server");
            int port = ((InetSocketAddress) listening.join().sockets().get(0)).getPort();
            long before = usedHeapAfterCollection();
            clients = startClients(port, n);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (accepted.get() < n) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the server accepted " + accepted.get() + " of " + n
                            + " idle connections within 120 s");
                }
                Thread.sleep(10);
            }
            long after = usedHeapAfterCollection();
            return Optional.of(new Result(n, (after - before) / (double) n, kernelBytesPerSocket(), fileLimit));
        } catch (IOException | IllegalStateException e) {
            System.out.println("(idle connections skipped: " + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (clients != null) {
                clients.destroy();
            }
            loop.callSoonThreadsafe(loop::stop);
            Completion.join(thread);
            loop.close();
        }
    }

    private static Process startClients(int port, int n) throws IOException {
        Path script = PythonPeers.script("idle_clients.py");
        Process clients = new ProcessBuilder(PythonPeers.python(), script.toString(), "127.0.0.1",
                Integer.toString(port), Integer.toString(n)).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                StandardCharsets.UTF_8));
        String line = lines.readLine();
        if (line == null || !line.equals("connected " + n)) {
            clients.destroy();
            throw new IllegalStateException("the Python clients could not open " + n + " connections: " + line);
        }
        return clients;
    }

    /** A server-side protocol that does nothing but count its connection. */
    private static final class Idle implements Protocol {
        private final AtomicInteger accepted;

        Idle(AtomicInteger accepted) {
            this.accepted = accepted;
        }

        @Override
        public void connectionMade(Transport transport) {
            accepted.incrementAndGet();
        }
    }

    private static long usedHeapAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The soft limit on open files of this process (what the server can hold). */
    private static long fileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1_024;
    }

    /** The size of the slab objects behind one accepted socket, or 0 if slabinfo is unreadable. */
    private static long kernelBytesPerSocket() {
        try {
            long total = 0;
            for (String line : Files.readAllLines(Path.of("/proc/slabinfo"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && SLABS.contains(fields[0])) {
                    total += Long.parseLong(fields[3]);
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

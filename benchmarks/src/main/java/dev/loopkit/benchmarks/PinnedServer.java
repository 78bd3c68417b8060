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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer server in a process of its own pinned to CPU 0 ({@code taskset}), for the load runs
 * (HTTP, TCP echo) whose client is pinned to CPU 1: started, asked for the address it prints once
 * it listens, asked for the CPU time it has used, and stopped.
 */
final class PinnedServer implements AutoCloseable {

    /** The CPU of a server measured alone, and of its client. */
    static final String SERVER_CPU = "0";
    static final String CLIENT_CPU = "1";

    private final Process process;

    private PinnedServer(Process process) {
        this.process = process;
    }

    /**
     * Why servers and their clients cannot be pinned to a CPU each here (one CPU, no
     * {@code taskset}), or empty if they can.
     */
    static Optional<String> missingPinning() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Optional.of("the server and its client need a CPU each, and this machine has one");
        }
        return missing("taskset", "-V", "util-linux");
    }

    /**
     * Why {@code tool} cannot be run here (it asks it for its version with {@code versionFlag}),
     * naming the Debian package that has it, or empty if it runs.
     */
    static Optional<String> missing(String tool, String versionFlag, String debianPackage) {
        try {
            Process probe = new ProcessBuilder(tool, versionFlag).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(tool + " is not installed (apt-get install " + debianPackage + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * This JVM's java with the flags loopkit's programs need and this JVM's class path: the
     * start of a command for a Java server or client.
     */
    static List<String> javaCommand() {
        return List.of(ProcessHandle.current().info().command().orElse("java"), "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"));
    }

    /** Starts {@code command} on CPU 0. */
    static PinnedServer start(List<String> command) throws IOException {
        return start(SERVER_CPU, command);
    }

    /** Starts {@code command} on {@code cpus}, a {@code taskset} CPU list such as {@code 0,1}. */
    static PinnedServer start(String cpus, List<String> command) throws IOException {
        return new PinnedServer(new ProcessBuilder(concat(List.of("taskset", "-c", cpus), command.toArray(String[]::new)))
                .redirectErrorStream(true).start());
    }

    /**
     * The first group of {@code address} in the line the server prints once it listens; fails if
     * it exits or prints no such line within 60 s. What it prints afterwards is drained, so that it
     * never blocks on a full pipe.
     */
    String awaitAddress(Pattern address) throws InterruptedException {
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder said = new StringBuilder();
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher matcher = address.matcher(line);
                    if (matcher.find()) {
                        Thread.ofVirtual().start(() -> drain(lines));
                        return matcher.group(1);
                    }
                    said.append(line).append('\n');
                }
            } catch (IOException e) {
                said.append(e.getMessage());
            }
            throw new IllegalStateException("the server exited without listening: " + said);
        });
        try {
            return found.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the server printed no address within 60 s", e);
        }
    }

    private static void drain(BufferedReader lines) {
        try {
            while (lines.readLine() != null) {
                // Discarded: only the address line matters.
            }
        } catch (IOException e) {
            // The server is gone; nothing more to drain.
        }
    }

    /** The CPU time the server has used so far, user space and kernel apart. */
    CpuTime cpu() {
        return CpuTime.of(process.pid());
    }

    /** Stops the server: politely, then forcibly after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A load run against pinned servers, which may fail for reasons of the machine. */
    @FunctionalInterface
    interface LoadRun<T> {
        T run() throws IOException, InterruptedException;
    }

    /**
     * The outcome of {@code run}, or empty where it fails (a tool missing, a server that does not
     * start or answers wrongly), with what was skipped and why printed.
     */
    static <T> Optional<T> orSkipped(String what, LoadRun<T> run) {
        try {
            return Optional.of(run.run());
        } catch (IOException | IllegalStateException e) {
            System.out.println("(" + what + " skipped: " + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}

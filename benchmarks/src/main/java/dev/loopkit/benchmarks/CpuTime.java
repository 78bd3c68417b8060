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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time a process has used, split into user space and the kernel (Linux's
 * {@code /proc/PID/stat}): the kernel's share of a server's time per request is the network
 * stack and the system calls, which no event loop's own code can cut.
 *
 * @param user time in user space, all threads
 * @param system time in the kernel on the process's behalf, all threads
 */
record CpuTime(Duration user, Duration system) {

    /** The kernel's clock ticks per second, in which {@code /proc} counts CPU time. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    /**
     * Reads {@code pid}'s CPU time so far.
     *
     * @throws IllegalStateException where {@code /proc} does not tell (not Linux, or the process is gone)
     */
    static CpuTime of(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
        // The command name, field 2, may hold spaces and parentheses: count the fields after its last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new CpuTime(ticks(fields[11]), ticks(fields[12])); // fields 14 (utime) and 15 (stime)
    }

    /** The time used since {@code earlier}. */
    CpuTime minus(CpuTime earlier) {
        return new CpuTime(user.minus(earlier.user), system.minus(earlier.system));
    }

    Duration total() {
        return user.plus(system);
    }

    /** The kernel's share of the total, 0 to 1. */
    double systemShare() {
        return total().isZero() ? 0 : system.toNanos() / (double) total().toNanos();
    }

    private static Duration ticks(String count) {
        return Duration.ofNanos(Long.parseLong(count) * 1_000_000_000L / TICKS_PER_SECOND);
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            getconf.waitFor(10, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100; // USER_HZ on every Linux architecture the JDK runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

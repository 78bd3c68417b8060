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
import dev.loopkit.policy.Loops;
import dev.loopkit.streams.StreamProcess;
import dev.loopkit.streams.Subprocesses;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The README's subprocess pipeline: {@code seq 1 100000 | sort -rn}, with the loop as the pipe:
 * each chunk {@code seq} writes is passed on to {@code sort} as it arrives, with backpressure, and
 * {@code sort}'s output is read to its end.
 */
public final class SubprocessPipeline {

    private SubprocessPipeline() {
    }

    public static void main(String[] args) {
        pipeline().forEach(System.out::println);
    }

    /** Runs the pipeline; returns what it found, a line per fact. */
    static List<String> pipeline() {
        // README:subprocess-pipeline
        return Loops.run(() -> {
            StreamProcess seq = Async.await(Subprocesses.createSubprocessExec(new ProcessBuilder("seq", "1", "100000")));
            StreamProcess sort = Async.await(Subprocesses.createSubprocessExec(new ProcessBuilder("sort", "-rn")));
            byte[] chunk;
            while ((chunk = Async.await(seq.stdout().read(64 * 1024))).length > 0) {
                sort.stdin().write(chunk);
                Async.await(sort.stdin().drain());             // sort reads slower? wait for it
            }
            sort.stdin().close();
            String[] sorted = new String(Async.await(sort.stdout().read(-1)), StandardCharsets.US_ASCII).split("\n");
            return List.of("seq 1 100000 | sort -rn: " + sorted.length + " lines, first three "
                    + String.join(" ", List.of(sorted).subList(0, 3)),
                    "exit codes: seq " + Async.await(seq.waitFor()) + ", sort " + Async.await(sort.waitFor()));
        });
        // README:end
    }
}

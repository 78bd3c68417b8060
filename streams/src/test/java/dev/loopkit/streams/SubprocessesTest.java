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
package dev.loopkit.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loopkit.api.Async;
import dev.loopkit.policy.Loops;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** asyncio's create_subprocess_exec/shell on the running loop: communicate, waitFor, kill, line reads. */
@Timeout(120)
class SubprocessesTest {

    @Test
    void communicateWritesTheInputAndReadsBothOutputsToTheirEnd() {
        byte[] input = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(input);
        StreamProcess.Output output = Loops.run(() -> {
            StreamProcess child = Async.await(Subprocesses.createSubprocessShell("cat; echo done >&2; exit 4"));
            return Async.await(child.communicate(input));
        });
        assertArrayEquals(input, output.stdout());
        assertEquals("done\n", new String(output.stderr(), StandardCharsets.UTF_8));
        assertEquals(4, output.returncode());
    }

    @Test
    void linesArriveAsTheChildWritesThem() {
        String lines = Loops.run(() -> {
            StreamProcess child = Async.await(Subprocesses.createSubprocessExec(
                    new ProcessBuilder("sh", "-c", "echo one; echo two").redirectErrorStream(true)));
            assertNull(child.stderr(), "stderr goes to stdout: no pipe of its own");
            String first = new String(Async.await(child.stdout().readLine()), StandardCharsets.UTF_8);
            String second = new String(Async.await(child.stdout().readLine()), StandardCharsets.UTF_8);
            assertEquals(0, Async.await(child.waitFor()));
            return first + second;
        });
        assertEquals("one\ntwo\n", lines);
    }

    @Test
    void aChildThatNeverExitsEndsWhenKilled() {
        int code = Loops.run(() -> {
            StreamProcess child = Async.await(Subprocesses.createSubprocessExec(new ProcessBuilder("sleep", "1000")));
            assertNull(child.returncode());
            child.kill();
            return Async.await(child.waitFor());
        });
        assertNotEquals(0, code);
    }
}

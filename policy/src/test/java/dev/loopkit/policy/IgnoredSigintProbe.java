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
package dev.loopkit.policy;

import dev.loopkit.api.Coroutines;
import dev.loopkit.testsupport.RecordingLoop;

/**
 * Run by {@link RunnerTest} in a JVM started with SIGINT ignored, as a shell starts a job in the
 * background: prints what a loop's {@code addSignalHandler} and the runner do then.
 */
final class IgnoredSigintProbe {

    private IgnoredSigintProbe() {
    }

    public static void main(String[] args) {
        try (RecordingLoop loop = new RecordingLoop()) {
            loop.addSignalHandler("SIGINT", () -> { });
            System.out.println("addSignalHandler: accepted");
        } catch (IllegalArgumentException refused) {
            System.out.println("addSignalHandler: " + refused.getMessage());
        }
        try (Runner runner = new Runner(RecordingLoop::new, false)) {
            System.out.println("runner: " + runner.run(Coroutines.of(() -> 42)));
        }
    }
}

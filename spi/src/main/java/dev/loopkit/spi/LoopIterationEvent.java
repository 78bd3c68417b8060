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
package dev.loopkit.spi;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * JFR: the callback phase of one loop iteration (the due timers and the ready callbacks, run one
 * after the other) that took longer than the threshold, 100 ms by default. The wait for I/O, and
 * the I/O callbacks a back end runs while polling, are not part of it.
 */
@Name("dev.loopkit.LoopIteration")
@Label("Loop Iteration")
@Category({"loopkit", "Event Loop"})
@Description("The ready callbacks of one loop iteration, when they took longer than the threshold together")
@Threshold("100 ms")
@StackTrace(false)
final class LoopIterationEvent extends jdk.jfr.Event {

    @Label("Callbacks")
    @Description("How many callbacks were ready when the phase began")
    int callbacks;

    @Label("Ready After")
    @Description("How many callbacks the phase left ready for the next iteration")
    int readyAfter;
}

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
 * JFR: one ready callback (a timer, a {@code callSoon}, a task's step) that ran for longer than
 * the threshold, 100 ms by default as asyncio's {@code slow_callback_duration}. Recorded whenever
 * a flight recording runs, debug mode or not; {@code -XX:StartFlightRecording:dev.loopkit.SlowCallback#threshold=20ms}
 * changes the threshold.
 */
@Name("dev.loopkit.SlowCallback")
@Label("Slow Callback")
@Category({"loopkit", "Event Loop"})
@Description("A loop callback that ran for longer than the threshold, blocking the loop meanwhile")
@Threshold("100 ms")
@StackTrace(false)
final class SlowCallbackEvent extends jdk.jfr.Event {

    @Label("Callback")
    @Description("The callback, as the loop describes it in its slow-callback warning")
    String callback;
}

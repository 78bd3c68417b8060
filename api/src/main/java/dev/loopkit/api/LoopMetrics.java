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
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What an operator watches on a loop ({@link EventLoop#metrics()}): how late it runs, how much
 * work waits, how many timers and transports it holds. The loop updates the values once per
 * iteration (the transports as they open and close); reading them costs nothing and never blocks
 * the loop.
 *
 * <p>Thread-safe: read from any thread, e.g. a metrics registry's; each value is the latest the
 * loop published, and two values read one after the other may come from different iterations.
 * {@code loopkit-micrometer} binds them to a Micrometer registry.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface LoopMetrics {

    /**
     * {@return how late the loop started its latest due timer: the time from the timer's
     * deadline to the iteration that ran it} Zero until a timer has run. A loop whose callbacks
     * block shows it here first.
     */
    Duration lag();

    /** {@return how many callbacks the latest iteration found ready to run (the ready queue's depth)} */
    int readyCallbacks();

    /** {@return how many timers are scheduled and not cancelled, as of the latest iteration} */
    int scheduledTimers();

    /** {@return how many transports (TCP, Unix-domain, UDP, subprocess) are open on the loop now} */
    int openTransports();

    /** {@return how many iterations the loop has run since it was created} */
    long iterations();
}

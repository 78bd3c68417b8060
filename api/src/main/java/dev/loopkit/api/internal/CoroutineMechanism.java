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
package dev.loopkit.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How a {@link ThreadCoroutine}'s virtual thread is run, chosen once per process: the fastest one
 * the JVM allows, overridable with {@code -Dloopkit.coroutines=inline|handoff}.
 *
 * <ul>
 *   <li>{@link #INLINE}: the virtual thread's scheduler is the thread that resumes it, so a step
 *       runs inline on the loop thread (~0.2 µs a round trip). Needs JDK 24+ (where
 *       {@code synchronized} no longer pins a virtual thread to its carrier) and
 *       {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =dev.loopkit.api} on the
 *       module path), because the JDK's builder for such threads is not public: see
 *       {@link InlineVirtualThreads}, the one class that uses it.
 *   <li>{@link #HANDOFF}: a plain virtual thread; the loop thread parks while the step runs on the
 *       JDK's scheduler (~8 µs a round trip from a platform loop thread).
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public enum CoroutineMechanism {

    /** Virtual threads scheduled inline on the resuming (loop) thread. */
    INLINE("virtual threads scheduled inline on the loop thread"),

    /** Virtual threads on the JDK's default scheduler, handed off with park/unpark. */
    HANDOFF("virtual threads on the JDK default scheduler (park/unpark hand-off)");

    /** The system property that forces a mechanism. */
    public static final String PROPERTY = "loopkit.coroutines";

    private final String description;

    CoroutineMechanism(String description) {
        this.description = description;
    }

    /** {@return a one-line description of the mechanism} */
    public String description() {
        return description;
    }

    /** {@return the mechanism in use in this process} */
    public static CoroutineMechanism current() {
        return Selection.MECHANISM;
    }

    /** {@return why {@link #current()} was chosen, for a start-up log line} */
    public static String reason() {
        return Selection.REASON;
    }

    private static final class Selection {
        static final CoroutineMechanism MECHANISM;
        static final String REASON;

        static {
            String problem = InlineVirtualThreads.problem();
            String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            switch (requested) {
                case "handoff" -> {
                    MECHANISM = HANDOFF;
                    REASON = "-D" + PROPERTY + "=handoff";
                }
                case "inline" -> {
                    if (problem != null) {
                        throw new IllegalStateException("-D" + PROPERTY + "=inline was requested but " + problem);
                    }
                    MECHANISM = INLINE;
                    REASON = "-D" + PROPERTY + "=inline";
                }
                case "auto" -> {
                    MECHANISM = problem == null ? INLINE : HANDOFF;
                    REASON = problem == null ? "fastest available" : "inline unavailable: " + problem;
                }
                default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + requested
                        + " is not a coroutine mechanism; expected auto, inline or handoff");
            }
        }
    }
}

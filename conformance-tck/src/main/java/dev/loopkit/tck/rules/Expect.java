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
package dev.loopkit.tck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Assertions the rules share. */
final class Expect {

    private Expect() {
    }

    /** Asserts that {@code call} throws an {@link IllegalStateException} with exactly {@code message}. */
    static IllegalStateException illegalState(String message, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call,
                () -> "expected IllegalStateException(\"" + message + "\")");
        assertEquals(message, e.getMessage());
        return e;
    }

    /** Returns what {@code call} threw, or null. */
    static Throwable thrownBy(Executable call) {
        try {
            call.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}

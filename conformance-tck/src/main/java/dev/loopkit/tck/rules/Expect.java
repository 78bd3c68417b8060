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

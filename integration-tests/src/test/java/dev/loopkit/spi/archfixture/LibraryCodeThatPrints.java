package dev.loopkit.spi.archfixture;

/** Breaks "library code logs through SLF4J only"; used only to prove that rule can fail. */
public final class LibraryCodeThatPrints {

    private LibraryCodeThatPrints() {
    }

    static void report(String message) {
        System.err.println(message);
        java.util.logging.Logger.getLogger("loopkit").info(message);
    }
}

package dev.loopkit.tck;

/** The body of one rule's test. */
@FunctionalInterface
public interface Check {

    /**
     * Verifies the rule against the provider in {@code tck}; fails by throwing.
     *
     * @param tck fresh loops of the provider under test and bounded helpers
     * @throws Exception any failure
     */
    void verify(TckContext tck) throws Exception;
}

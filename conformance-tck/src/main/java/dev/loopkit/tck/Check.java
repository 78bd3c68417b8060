package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The body of one rule's test. */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface Check {

    /**
     * Verifies the rule against the provider in {@code tck}; fails by throwing.
     *
     * @param tck fresh loops of the provider under test and bounded helpers
     * @throws Exception any failure
     */
    void verify(TckContext tck) throws Exception;
}

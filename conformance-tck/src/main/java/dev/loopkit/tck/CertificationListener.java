package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Follows a certification as it runs, so a long run never looks hung: told when a rule group
 * starts and ends, and when each rule starts and ends. Called on the launcher's thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CertificationListener {

    /** A listener that ignores everything. */
    CertificationListener NONE = new CertificationListener() {
    };

    /**
     * A rule group started.
     *
     * @param group e.g. {@code "LC Lifecycle"}
     */
    default void groupStarted(String group) {
    }

    /**
     * A rule's test started (a skipped rule is only reported as finished).
     *
     * @param rule the rule
     */
    default void ruleStarted(Rule rule) {
    }

    /**
     * A rule finished.
     *
     * @param outcome its outcome
     */
    default void ruleFinished(RuleOutcome outcome) {
    }

    /**
     * A rule group finished.
     *
     * @param group e.g. {@code "LC Lifecycle"}
     */
    default void groupFinished(String group) {
    }
}

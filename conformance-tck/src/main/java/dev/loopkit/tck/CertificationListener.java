package dev.loopkit.tck;

/**
 * Follows a certification as it runs, so a long run never looks hung: told when a rule group
 * starts and when it ends. Called on the launcher's thread.
 */
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

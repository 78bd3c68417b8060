package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of certifying one provider: every rule's outcome, in catalogue order.
 *
 * @param providerName the provider's name
 * @param providerClass the provider's class name
 * @param providerSource the provider's jar, directory or module
 * @param startedAt when the run began
 * @param outcomes one per rule, in catalogue order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CertificationResult(String providerName, String providerClass, String providerSource,
        Instant startedAt, List<RuleOutcome> outcomes) {

    /** Copies the outcomes. */
    public CertificationResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Returns how many rules ended with {@code status}. */
    public long count(RuleOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Returns the outcomes of the rules that failed. */
    public List<RuleOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == RuleOutcome.Status.FAILED).toList();
    }

    /** Returns the ids of the rules that failed, in catalogue order. */
    public List<String> failedRuleIds() {
        return failures().stream().map(o -> o.rule().id()).toList();
    }

    /** Returns true when every required rule passed: the provider is certified. */
    public boolean certified() {
        return outcomes.stream().noneMatch(o -> o.rule().required() && o.status() != RuleOutcome.Status.PASSED);
    }
}

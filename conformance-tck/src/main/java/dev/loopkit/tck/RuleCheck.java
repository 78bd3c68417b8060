package dev.loopkit.tck;

import java.util.Objects;

/**
 * A rule with the check that verifies it.
 *
 * @param rule the rule; never null
 * @param check its test; never null
 */
public record RuleCheck(Rule rule, Check check) {

    /** Checks the arguments. */
    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(check, "check");
    }
}

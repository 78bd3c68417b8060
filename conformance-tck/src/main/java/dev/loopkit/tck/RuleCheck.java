package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A rule with the check that verifies it.
 *
 * @param rule the rule; never null
 * @param check its test; never null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleCheck(Rule rule, Check check) {

    /** Checks the arguments. */
    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(check, "check");
    }
}

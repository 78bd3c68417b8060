package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Why one candidate won or lost a {@link Selection}.
 *
 * @param candidate the candidate; never null
 * @param chosen whether it is the chosen provider
 * @param reason why, e.g. {@code "highest priority"} or {@code "lower priority (0 < 10)"}; never null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Verdict(Candidate candidate, boolean chosen, String reason) {
}

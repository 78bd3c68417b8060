package dev.loopkit.policy;

/**
 * Why one candidate won or lost a {@link Selection}.
 *
 * @param candidate the candidate; never null
 * @param chosen whether it is the chosen provider
 * @param reason why, e.g. {@code "highest priority"} or {@code "lower priority (0 < 10)"}; never null
 */
public record Verdict(Candidate candidate, boolean chosen, String reason) {
}

/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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

    /**
     * {@return how many rules ended with {@code status}}
     *
     * @param status the status to count
     */
    public long count(RuleOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** {@return the outcomes of the rules that failed} */
    public List<RuleOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == RuleOutcome.Status.FAILED).toList();
    }

    /** {@return the ids of the rules that failed, in catalogue order} */
    public List<String> failedRuleIds() {
        return failures().stream().map(o -> o.rule().id()).toList();
    }

    /** {@return true when every required rule passed: the provider is certified} */
    public boolean certified() {
        return outcomes.stream().noneMatch(o -> o.rule().required() && o.status() != RuleOutcome.Status.PASSED);
    }
}

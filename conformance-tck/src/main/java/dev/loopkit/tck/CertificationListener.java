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

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

import java.util.List;
import org.apiguardian.api.API;

/**
 * A group of rules sharing an id prefix, one class per group (Reactive Streams' TCK in one file
 * is what not to copy).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RuleGroup {

    /** {@return the id prefix, e.g. {@code LC}} */
    String prefix();

    /** {@return the group's title, e.g. {@code Lifecycle}} */
    String title();

    /** {@return the group's rules with their checks, in id order} */
    List<RuleCheck> rules();

    /**
     * Declares a required rule.
     *
     * @param id the id
     * @param statement what a conforming loop does
     * @param reference where the behaviour comes from (see {@link Rule#reference()})
     * @param hint what to check when it fails, completing "if this fails, check ..."
     * @param check its test
     * @return the rule with its check
     */
    static RuleCheck required(String id, String statement, String reference, String hint, Check check) {
        return new RuleCheck(new Rule(id, statement, reference, hint, null), check);
    }

    /**
     * Declares an optional rule, skipped for providers that lack {@code capability}.
     *
     * @param id the id
     * @param capability the capability the rule needs
     * @param statement what a conforming loop does
     * @param reference where the behaviour comes from (see {@link Rule#reference()})
     * @param hint what to check when it fails, completing "if this fails, check ..."
     * @param check its test
     * @return the rule with its check
     */
    static RuleCheck optional(String id, String capability, String statement, String reference, String hint,
            Check check) {
        return new RuleCheck(new Rule(id, statement, reference, hint, capability), check);
    }
}

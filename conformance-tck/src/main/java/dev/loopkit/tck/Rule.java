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

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One rule of the TCK: an id that reports, docs and test names share (e.g. {@code LC-03}), a
 * one-line statement, the behaviour it is taken from, what a vendor whose loop fails it should
 * check first, and whether it is required.
 *
 * @param id the rule id, {@code GROUP-NN}; never null
 * @param statement what a conforming loop does, in one line; never null
 * @param reference where the behaviour comes from: mostly a function or test of CPython's asyncio,
 *     else the contract it follows (ServiceLoader's, the design's); never null
 * @param hint what to check when the rule fails, completing "if this fails, check ..."; never blank
 * @param capability null for a required rule; else the provider capability without which the
 *     rule is skipped (optional rule)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Rule(String id, String statement, String reference, String hint, String capability) {

    /** Checks the arguments. */
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(reference, "reference");
        if (hint == null || hint.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " needs a hint: what to check when it fails");
        }
        if (!id.matches("[A-Z]{2}-\\d{2}")) {
            throw new IllegalArgumentException("rule id must look like LC-01, got " + id);
        }
    }

    /** {@return the group prefix, e.g. {@code LC}} */
    public String group() {
        return id.substring(0, 2);
    }

    /** {@return true unless the rule depends on an optional capability} */
    public boolean required() {
        return capability == null;
    }

    /** {@return the hint as a sentence: "If this fails, check ..."} */
    public String advice() {
        return "If this fails, check " + hint + ".";
    }

    /** {@return the display name used in test reports: id, then statement} */
    public String displayName() {
        return id + " " + statement;
    }
}

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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Which rules a run includes: every rule, or those named by id ({@code IO-02}) or group
 * ({@code IO}), minus those named after a {@code !}. Written as a comma-separated list, e.g.
 * {@code "LC,SC,!SC-11"} or {@code "!IO"}; a list of exclusions alone starts from every rule.
 * A rule left out is reported as skipped, so a partial run never certifies. Immutable.
 *
 * @param included ids and group prefixes to run; empty for every rule
 * @param excluded ids and group prefixes never to run
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleSelection(Set<String> included, Set<String> excluded) {

    /** Every rule. */
    public static final RuleSelection ALL = new RuleSelection(Set.of(), Set.of());

    /** Copies the sets and checks that every entry names a rule or a group of the catalogue. */
    public RuleSelection {
        included = Set.copyOf(included);
        excluded = Set.copyOf(excluded);
        List<String> unknown = new ArrayList<>();
        for (String name : union(included, excluded)) {
            if (Rules.find(name).isEmpty() && Rules.groups().stream().noneMatch(g -> g.prefix().equals(name))) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no rule or group is named " + String.join(", ", unknown)
                    + "; name rules by id (IO-02) or group (" + String.join(", ", Rules.groups().stream()
                            .map(RuleGroup::prefix).toList()) + "), e.g. \"LC,SC,!SC-11\"");
        }
    }

    /**
     * Parses a comma-separated list such as {@code "LC,SC,!SC-11"}; blank means every rule.
     *
     * @param text the list; never null
     * @return the selection
     * @throws IllegalArgumentException naming every entry that is no rule id or group
     */
    public static RuleSelection parse(String text) {
        Objects.requireNonNull(text, "text");
        Set<String> included = new TreeSet<>();
        Set<String> excluded = new TreeSet<>();
        for (String entry : text.split(",")) {
            String name = entry.strip();
            if (name.startsWith("!")) {
                excluded.add(name.substring(1).strip());
            } else if (!name.isEmpty()) {
                included.add(name);
            }
        }
        return new RuleSelection(included, excluded);
    }

    /**
     * {@return true if the run includes {@code rule}}
     *
     * @param rule a rule of the kit
     */
    public boolean selects(Rule rule) {
        return (included.isEmpty() || names(included, rule)) && !names(excluded, rule);
    }

    /** {@return true when every rule is selected} */
    public boolean isAll() {
        return included.isEmpty() && excluded.isEmpty();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(new TreeSet<>(included));
        new TreeSet<>(excluded).forEach(name -> parts.add("!" + name));
        return parts.isEmpty() ? "all rules" : String.join(",", parts);
    }

    private static boolean names(Set<String> names, Rule rule) {
        return names.contains(rule.id()) || names.contains(rule.group());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}

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
package dev.loopkit.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The selection rules, first match wins: (1) a provider named by the operator; (2) else the
 * available provider with the highest priority, ties broken by name so class-path order never
 * matters; both restricted to providers that declare every required capability. Two providers
 * with one name never win: naming that name, or having it rank first, is an error naming both.
 */
final class ProviderSelector {

    /** Highest priority first, then by name: deterministic whatever the discovery order. */
    static final Comparator<Candidate> RANKING = Comparator.comparingInt(Candidate::priority).reversed()
            .thenComparing(Candidate::name);

    private ProviderSelector() {
    }

    /**
     * Chooses among {@code candidates}.
     *
     * @param requestedName the operator's choice, or null
     * @param requestedBy where that choice came from, e.g. {@code -Dloopkit.provider}
     * @param required the capabilities the chosen provider must declare
     * @throws ProviderSelectionException when no provider can be chosen
     */
    static Selection select(List<Candidate> candidates, String requestedName, String requestedBy,
            Set<String> required) {
        Map<String, List<Candidate>> byName = candidates.stream().filter(c -> c.name() != null)
                .collect(Collectors.groupingBy(Candidate::name, LinkedHashMap::new, Collectors.toList()));
        return requestedName != null
                ? selectNamed(candidates, byName, requestedName.strip(), requestedBy, required)
                : selectByPriority(candidates, byName, required);
    }

    private static Selection selectNamed(List<Candidate> candidates, Map<String, List<Candidate>> byName,
            String name, String requestedBy, Set<String> required) {
        String rule = requestedBy + "=" + name;
        List<Candidate> named = byName.getOrDefault(name, List.of());
        if (named.isEmpty()) {
            throw new ProviderSelectionException(rule + " names no provider; known names: "
                    + (byName.isEmpty() ? "none" : String.join(", ", new TreeSet<>(byName.keySet())))
                    + ". Fix the name or add the provider's jar.", verdicts(candidates, null, c -> "not named"));
        }
        if (named.size() > 1) {
            throw duplicate(name, named, rule, candidates);
        }
        Candidate chosen = named.get(0);
        switch (chosen.status()) {
            case FAILED -> throw new ProviderSelectionException(rule + ": provider '" + name + "' from "
                    + chosen.source() + " failed: " + chosen.failureSummary(),
                    verdicts(candidates, null, c -> c == chosen ? "failed" : "not named"));
            case UNAVAILABLE -> throw new ProviderSelectionException(rule + ": provider '" + name
                    + "' is not available in this JVM: " + chosen.unavailabilitySummary(),
                    verdicts(candidates, null, c -> c == chosen ? "unavailable" : "not named"));
            default -> {
            }
        }
        Set<String> missing = missing(chosen, required);
        if (!missing.isEmpty()) {
            throw new ProviderSelectionException(rule + ": provider '" + name + "' lacks the required capabilit"
                    + (missing.size() == 1 ? "y " : "ies ") + missing + " (it declares "
                    + (chosen.capabilities().isEmpty() ? "none" : chosen.capabilities()) + ")",
                    verdicts(candidates, null, c -> c == chosen ? "lacks " + missing : "not named"));
        }
        return new Selection(chosen, rule, required,
                verdicts(candidates, chosen, c -> c == chosen ? "named by " + rule : "not named"));
    }

    private static Selection selectByPriority(List<Candidate> candidates, Map<String, List<Candidate>> byName,
            Set<String> required) {
        List<Candidate> eligible = candidates.stream()
                .filter(c -> c.status() == Candidate.Status.AVAILABLE && c.hasCapabilities(required))
                .sorted(RANKING).toList();
        if (eligible.isEmpty()) {
            boolean anyAvailable = candidates.stream().anyMatch(c -> c.status() == Candidate.Status.AVAILABLE);
            String problem = anyAvailable
                    ? "No available provider declares the required capabilities " + new TreeSet<>(required)
                    : "No loop provider is available";
            throw new ProviderSelectionException(problem,
                    verdicts(candidates, null, c -> loserReason(c, null, required, byName)));
        }
        Candidate chosen = eligible.get(0);
        List<Candidate> sameName = byName.get(chosen.name());
        if (sameName.size() > 1) {
            throw duplicate(chosen.name(), sameName, "highest priority", candidates);
        }
        boolean tie = eligible.size() > 1 && eligible.get(1).priority() == chosen.priority();
        String rule = "highest priority among " + eligible.size() + " usable provider" + (eligible.size() == 1 ? "" : "s")
                + (tie ? ", tie broken by name" : "");
        return new Selection(chosen, rule, required, verdicts(candidates, chosen,
                c -> c == chosen ? "highest priority" + (tie ? " (tie broken by name)" : "")
                        : loserReason(c, chosen, required, byName)));
    }

    private static String loserReason(Candidate c, Candidate winner, Set<String> required,
            Map<String, List<Candidate>> byName) {
        return switch (c.status()) {
            case FAILED -> "failed: " + c.failureSummary();
            case UNAVAILABLE -> "unavailable: " + c.unavailabilitySummary();
            case AVAILABLE -> {
                Set<String> missing = missing(c, required);
                if (!missing.isEmpty()) {
                    yield "lacks " + missing;
                }
                if (byName.get(c.name()).size() > 1) {
                    yield "name '" + c.name() + "' is registered twice";
                }
                if (winner == null) {
                    yield "usable";
                }
                yield c.priority() == winner.priority()
                        ? "same priority, loses by name to '" + winner.name() + "'"
                        : "lower priority (" + c.priority() + " < " + winner.priority() + ")";
            }
        };
    }

    private static ProviderSelectionException duplicate(String name, List<Candidate> named, String rule,
            List<Candidate> candidates) {
        String who = named.stream().map(c -> c.className() + " (" + c.source() + ")")
                .collect(Collectors.joining(" and "));
        return new ProviderSelectionException(rule + ": provider name '" + name + "' is registered by " + who
                + "; remove one of the jars, or name another provider with -Dloopkit.provider",
                verdicts(candidates, null, c -> named.contains(c) ? "duplicate name" : "not chosen"));
    }

    private static Set<String> missing(Candidate c, Set<String> required) {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(c.capabilities());
        return missing;
    }

    private static List<Verdict> verdicts(List<Candidate> candidates, Candidate chosen,
            Function<Candidate, String> reason) {
        List<Verdict> verdicts = new ArrayList<>();
        if (chosen != null) {
            verdicts.add(new Verdict(chosen, true, reason.apply(chosen)));
        }
        for (Candidate c : candidates) {
            if (c != chosen) {
                verdicts.add(new Verdict(c, false, reason.apply(c)));
            }
        }
        return verdicts;
    }
}

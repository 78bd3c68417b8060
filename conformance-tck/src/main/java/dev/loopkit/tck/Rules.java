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

import dev.loopkit.tck.rules.ContextRules;
import dev.loopkit.tck.rules.ExceptionHandlerRules;
import dev.loopkit.tck.rules.ExecutorRules;
import dev.loopkit.tck.rules.FutureRules;
import dev.loopkit.tck.rules.IoRules;
import dev.loopkit.tck.rules.LifecycleRules;
import dev.loopkit.tck.rules.ProviderRules;
import dev.loopkit.tck.rules.RegistryRules;
import dev.loopkit.tck.rules.SchedulingRules;
import dev.loopkit.tck.rules.SignalRules;
import dev.loopkit.tck.rules.SubprocessRules;
import dev.loopkit.tck.rules.TlsRules;
import dev.loopkit.tck.rules.TaskRules;
import dev.loopkit.tck.rules.ThreadSafetyRules;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The rule catalogue: every rule's id, one-line statement and asyncio reference, as the test
 * names, the certification report and the README share them. Built from the rule groups, so an id
 * is declared once, beside its check.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Rules {

    private static final List<RuleGroup> GROUPS = List.of(new LifecycleRules(), new SchedulingRules(),
            new ThreadSafetyRules(), new FutureRules(), new TaskRules(), new RegistryRules(),
            new ContextRules(),
            new ExceptionHandlerRules(), new ExecutorRules(), new ProviderRules(), new IoRules(), new TlsRules(), new SubprocessRules(), new SignalRules());

    static {
        Set<String> ids = new HashSet<>();
        for (RuleGroup group : GROUPS) {
            for (RuleCheck rule : group.rules()) {
                if (!rule.rule().group().equals(group.prefix()) || !ids.add(rule.rule().id())) {
                    throw new ExceptionInInitializerError("rule " + rule.rule().id() + " is misplaced or duplicated");
                }
            }
        }
    }

    private Rules() {
    }

    /** {@return the rule groups, in report order} */
    public static List<RuleGroup> groups() {
        return GROUPS;
    }

    /** {@return every rule, in report order} */
    public static List<Rule> all() {
        return GROUPS.stream().flatMap(g -> g.rules().stream()).map(RuleCheck::rule).toList();
    }

    /**
     * {@return the rule with {@code id}, if any}
     *
     * @param id a rule id such as {@code LC-01}
     */
    public static Optional<Rule> find(String id) {
        return all().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}

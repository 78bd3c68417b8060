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

    /** Returns the rule groups, in report order. */
    public static List<RuleGroup> groups() {
        return GROUPS;
    }

    /** Returns every rule, in report order. */
    public static List<Rule> all() {
        return GROUPS.stream().flatMap(g -> g.rules().stream()).map(RuleCheck::rule).toList();
    }

    /** Returns the rule with {@code id}, if any. */
    public static Optional<Rule> find(String id) {
        return all().stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}

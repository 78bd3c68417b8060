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

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.spi.EventLoopProvider;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a vendor extends to certify its loop: return the provider, and every rule of
 * {@link Rules} runs against it, one test per rule named after its id, grouped by rule group.
 *
 * <pre>{@code
 * class MyLoopConformanceTest extends EventLoopConformance {
 *     @Override
 *     protected EventLoopProvider provider() {
 *         return new MyProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>Required rules fail; an optional rule whose capability the provider does not declare is
 * skipped with the reason. To run only some rules, give the JUnit configuration parameter (or system
 * property) {@code loopkit.tck.rules}, e.g. {@code LC,SC,!SC-11} (see {@link RuleSelection}); the
 * others are reported as skipped. Each test gets fresh loops and closes them; each is bounded by
 * {@link TckSettings#timeout()}. The rules on what the loop logs run only when SLF4J runs with
 * {@link LogCapture} ({@code -Dslf4j.provider=dev.loopkit.tck.LogCapture}) and are skipped
 * otherwise.
 */
@ExtendWith(JUnitRuleSelection.class)
@API(status = STABLE, since = "0.1")
public abstract class EventLoopConformance {

    /** For the vendor's subclass, which the JUnit Platform creates for each rule. */
    protected EventLoopConformance() {
    }

    /** {@return the provider under test; called once per rule, so it may return a new instance} */
    protected abstract EventLoopProvider provider();

    /** {@return the kit's settings; the default implementation reads them from the environment} */
    protected TckSettings settings() {
        return TckSettings.fromEnvironment();
    }

    /**
     * Every rule group as a container of one test per rule.
     *
     * @param rules the JUnit configuration parameter {@code loopkit.tck.rules}, when given: it
     *     narrows the rules of {@link #settings()}
     */
    @TestFactory
    @DisplayName("loopkit conformance")
    Stream<DynamicNode> conformance(Optional<RuleSelection> rules) {
        TckSettings settings = rules.map(settings()::withRules).orElseGet(this::settings);
        return Rules.groups().stream().map(group -> DynamicContainer.dynamicContainer(
                group.prefix() + " " + group.title(),
                group.rules().stream().map(rule -> DynamicTest.dynamicTest(rule.rule().displayName(),
                        () -> verify(rule, settings)))));
    }

    void verify(RuleCheck rule, TckSettings settings) throws Exception {
        Assumptions.assumeTrue(settings.rules().selects(rule.rule()),
                () -> "not selected: the run includes " + settings.rules());
        // Making the provider and asking its capabilities is the vendor's code: bounded like the rest.
        RuleRun.run(rule.rule(), tck -> {
            String capability = rule.rule().capability();
            Assumptions.assumeTrue(capability == null || tck.provider().capabilities().contains(capability),
                    () -> "optional rule skipped: provider '" + tck.provider().name()
                            + "' does not declare capability '" + capability + "'");
            rule.check().verify(tck);
        }, new TckContext(this::provider, settings));
    }
}

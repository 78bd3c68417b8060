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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.broken.BrokenProviders;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Vendors run or skip rules by id or group, from the command line, the settings or JUnit's configuration. */
class RuleSelectionTest {

    @Test
    void groupsAndIdsAreIncludedAndExcluded() {
        RuleSelection selection = RuleSelection.parse("LC, SC ,!SC-11");
        assertTrue(selection.selects(Rules.find("LC-01").orElseThrow()));
        assertTrue(selection.selects(Rules.find("SC-10").orElseThrow()));
        assertFalse(selection.selects(Rules.find("SC-11").orElseThrow()));
        assertFalse(selection.selects(Rules.find("TK-01").orElseThrow()));
        assertEquals("LC,SC,!SC-11", selection.toString());
        RuleSelection allButIo = RuleSelection.parse("!IO");
        assertTrue(allButIo.selects(Rules.find("TK-01").orElseThrow()));
        assertFalse(allButIo.selects(Rules.find("IO-01").orElseThrow()));
        assertTrue(RuleSelection.parse(" ").isAll());
    }

    @Test
    void anUnknownRuleOrGroupIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleSelection.parse("LC,ZZ,!XX-01"));
        assertTrue(e.getMessage().startsWith("no rule or group is named XX-01, ZZ; name rules by id (IO-02) or group"
                + " (LC, SC, TS, FU, TK, RG, CX, EH, EX, PV, IO, TL, SP, SG)"), e.getMessage());
    }

    @Test
    void theJUnitConfigurationParameterSelectsTheRulesOfAVendorsKit() {
        List<String> passed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CorrectKit.class))
                .configurationParameter("loopkit.tck.rules", "PV-01,PV-03")
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (!id.isTest()) {
                            return;
                        }
                        String rule = id.getDisplayName().substring(0, 5);
                        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                            passed.add(rule);
                        } else if (result.getThrowable().map(Throwable::getMessage).orElse("")
                                .contains("not selected: the run includes PV-01,PV-03")) {
                            skipped.add(rule);
                        }
                    }
                });
        assertEquals(List.of("PV-01", "PV-03"), passed);
        assertEquals(Rules.all().size() - 2, skipped.size());
    }

    /** A vendor's kit, as a vendor writes it. */
    static class CorrectKit extends EventLoopConformance {
        @Override
        protected EventLoopProvider provider() {
            return new BrokenProviders.Correct();
        }
    }
}

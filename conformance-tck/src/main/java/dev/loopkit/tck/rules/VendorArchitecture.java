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
package dev.loopkit.tck.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;

/**
 * The one check of the kit that needs ArchUnit, kept apart so that only PV-08 loads it: which
 * classes of the default loop a provider class depends on.
 */
final class VendorArchitecture {

    private VendorArchitecture() {
    }

    /** Returns one line per dependency of {@code type} on {@code dev.loopkit.impl}; empty when there is none. */
    static List<String> dependenciesOnTheDefaultLoop(Class<?> type) {
        JavaClasses vendor = new ClassFileImporter().importClasses(type);
        ArchRule rule = ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                .resideInAPackage("dev.loopkit.impl..").allowEmptyShould(true);
        EvaluationResult result = rule.evaluate(vendor);
        return result.hasViolation() ? result.getFailureReport().getDetails() : List.of();
    }
}

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

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the kit the rule selection given as the JUnit configuration parameter
 * {@code loopkit.tck.rules} ({@code junit-platform.properties}, Surefire's
 * {@code configurationParameters}, or a system property of that name), so that a vendor's build
 * runs or skips rules the JUnit way. Dynamic tests carry no tags, so this is the kit's tag filter.
 * Used by {@link EventLoopConformance}; not for vendors.
 */
final class JUnitRuleSelection implements ParameterResolver {

    static final String PARAMETER = "loopkit.tck.rules";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Optional.class
                && parameter.getDeclaringExecutable().getDeclaringClass() == EventLoopConformance.class;
    }

    @Override
    public Optional<RuleSelection> resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).map(value -> {
            try {
                return RuleSelection.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PARAMETER + "=" + value + ": " + e.getMessage(), e);
            }
        });
    }
}

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

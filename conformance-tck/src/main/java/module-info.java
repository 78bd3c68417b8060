/**
 * The loopkit conformance TCK: a JUnit 5 kit a vendor extends in one small class
 * ({@link dev.loopkit.tck.EventLoopConformance}), the rule catalogue ({@link dev.loopkit.tck.Rules})
 * and the certification runner behind {@code loopkit certify}.
 */
module dev.loopkit.tck {
    requires transitive dev.loopkit.policy;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.launcher;
    requires com.tngtech.archunit;
    requires org.slf4j;

    exports dev.loopkit.tck;
    opens dev.loopkit.tck to org.junit.platform.commons;
}

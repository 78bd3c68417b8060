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
/**
 * The loopkit conformance TCK: a JUnit 5 kit a vendor extends in one small class
 * ({@link dev.loopkit.tck.EventLoopConformance}), the rule catalogue ({@link dev.loopkit.tck.Rules})
 * and the certification runner behind {@code loopkit certify}.
 */
module dev.loopkit.tck {
    requires transitive dev.loopkit.spi;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.platform.launcher;
    requires com.tngtech.archunit;
    requires static transitive org.apiguardian.api;
    requires org.slf4j;
    // The TL rules make their certificates with SelfSignedCertificate.
    requires dev.loopkit.toolkit;
    // The SG rules raise a signal (sun.misc.Signal): the JDK has no other way.
    requires jdk.unsupported;

    exports dev.loopkit.tck;

    // PV-06 asks ServiceLoader whether the vendor registered its provider.
    uses dev.loopkit.spi.EventLoopProvider;
    // LogCapture passes the loop's log on to the application's own SLF4J provider.
    uses org.slf4j.spi.SLF4JServiceProvider;
    opens dev.loopkit.tck to org.junit.platform.commons;
}

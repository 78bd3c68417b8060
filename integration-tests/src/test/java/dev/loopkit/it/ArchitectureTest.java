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
package dev.loopkit.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.loopkit.api.archfixture.ApiThatSeesTheSpi;
import dev.loopkit.epoll.archfixture.EpollThatSeesTheDefaultLoop;
import dev.loopkit.micrometer.archfixture.MicrometerThatSeesTheSpi;
import dev.loopkit.policy.archfixture.PolicyThatSeesTheDefaultLoop;
import dev.loopkit.policy.archfixture.PolicyThatSeesTheEpollLoop;
import dev.loopkit.policy.archfixture.PolicyThatSeesTheInternals;
import dev.loopkit.spi.archfixture.LibraryCodeThatPrints;
import dev.loopkit.spi.archfixture.SpiThatSeesTheDefaultLoop;
import dev.loopkit.streams.archfixture.StreamsThatSeeTheSpi;
import dev.loopkit.toolkit.archfixture.ToolkitThatSeesTheSpi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's arrows between modules, checked on the built classes of every library module. Each
 * rule is also run against a fixture that breaks it, so a rule that cannot fail is caught.
 */
class ArchitectureTest {

    private static final String[] LIBRARY = {"dev.loopkit.api..", "dev.loopkit.spi..", "dev.loopkit.impl..",
        "dev.loopkit.policy..", "dev.loopkit.tck..", "dev.loopkit.toolkit..", "dev.loopkit.streams..",
        "dev.loopkit.epoll..", "dev.loopkit.micrometer.."};

    static final ArchRule API_SEES_NOTHING_ELSE = classes().that().resideInAPackage("dev.loopkit.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.loopkit.api..", "org.apiguardian.api..", "java..", "javax.net.ssl..")
            .because("api depends on nothing but the JDK (java.*, and javax.net.ssl for TLS) and apiguardian's"
                    + " stability marks");

    static final ArchRule SPI_SEES_ONLY_API = classes().that().resideInAPackage("dev.loopkit.spi..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.spi..", "dev.loopkit.api..", "org.slf4j..", "org.apiguardian.api..", "java..",
                    "javax.net.ssl..", "sun.misc..", "jdk.jfr..")
            .because("spi sees only api and SLF4J (and the JDK's jdk.unsupported sun.misc.Signal, its only way to"
                    + " handle signals, and jdk.jfr for the loop's flight-recorder events)");

    static final ArchRule POLICY_SEES_ONLY_CONTRACTS = classes().that().resideInAPackage("dev.loopkit.policy..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.policy..", "dev.loopkit.spi..", "dev.loopkit.api..", "org.slf4j..",
                    "org.apiguardian.api..", "java..")
            .because("policy sees api, spi and SLF4J; providers arrive through ServiceLoader");

    static final ArchRule TOOLKIT_SEES_ONLY_API = classes().that().resideInAPackage("dev.loopkit.toolkit..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.toolkit..", "dev.loopkit.api..", "org.apiguardian.api..", "java..",
                    "javax.net.ssl..")
            .because("the toolkit is written against the api alone, so it works on every vendor's loop");

    static final ArchRule MICROMETER_SEES_ONLY_API = classes().that().resideInAPackage("dev.loopkit.micrometer..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.micrometer..", "dev.loopkit.api..", "io.micrometer..",
                    "org.apiguardian.api..", "java..")
            .because("the Micrometer binding reads LoopMetrics, which every loop offers, and nothing of the SPI");

    static final ArchRule INTERNALS_STAY_WITH_API_AND_SPI = noClasses().that().resideInAnyPackage(LIBRARY)
            .and().resideOutsideOfPackages("dev.loopkit.api..", "dev.loopkit.spi..")
            .should().dependOnClassesThat().resideInAPackage("dev.loopkit.api.internal..")
            .because("api.internal is exported only to spi on the module path; on the class path this rule keeps"
                    + " it so");

    static final ArchRule STREAMS_SEE_ONLY_API = classes().that().resideInAPackage("dev.loopkit.streams..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.streams..", "dev.loopkit.api..", "org.apiguardian.api..", "java..")
            .because("streams are written against the api alone, so they work on every vendor's loop");

    static final ArchRule NOBODY_SEES_THE_DEFAULT_LOOP = noClasses().that().resideOutsideOfPackage("dev.loopkit.impl..")
            .should().dependOnClassesThat().resideInAPackage("dev.loopkit.impl..")
            .because("the default loop is found through ServiceLoader like any vendor's");

    static final ArchRule EPOLL_SEES_ONLY_CONTRACTS_AND_NETTY = classes().that().resideInAPackage("dev.loopkit.epoll..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.loopkit.epoll..", "dev.loopkit.spi..", "dev.loopkit.api..", "io.netty..",
                    "com.google.auto.service..", "org.apiguardian.api..", "java..")
            .because("the epoll loop is built as an outside vendor's jar: api, spi and Netty, never the default loop");

    static final ArchRule NOBODY_SEES_THE_EPOLL_LOOP = noClasses().that().resideOutsideOfPackage("dev.loopkit.epoll..")
            .should().dependOnClassesThat().resideInAPackage("dev.loopkit.epoll..")
            .because("the epoll loop is found through ServiceLoader like any vendor's");

    static final ArchRule NO_STANDARD_STREAMS = noClasses().that().resideInAnyPackage(LIBRARY)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("library code logs through SLF4J only");

    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses().that().resideInAnyPackage(LIBRARY)
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("library code logs through SLF4J only");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.loopkit");
    }

    @Test
    void apiDependsOnNothingOfLoopkit() {
        API_SEES_NOTHING_ELSE.check(library);
        assertTrue(API_SEES_NOTHING_ELSE.evaluate(fixture(ApiThatSeesTheSpi.class)).hasViolation());
    }

    @Test
    void spiDependsOnlyOnApi() {
        SPI_SEES_ONLY_API.check(library);
        assertTrue(SPI_SEES_ONLY_API.evaluate(fixture(SpiThatSeesTheDefaultLoop.class)).hasViolation());
    }

    @Test
    void policyDependsOnlyOnTheContracts() {
        POLICY_SEES_ONLY_CONTRACTS.check(library);
        assertTrue(POLICY_SEES_ONLY_CONTRACTS.evaluate(fixture(PolicyThatSeesTheDefaultLoop.class)).hasViolation());
    }

    @Test
    void micrometerBindingDependsOnlyOnApiAndMicrometer() {
        MICROMETER_SEES_ONLY_API.check(library);
        assertTrue(MICROMETER_SEES_ONLY_API.evaluate(fixture(MicrometerThatSeesTheSpi.class)).hasViolation());
    }

    @Test
    void toolkitDependsOnlyOnApi() {
        TOOLKIT_SEES_ONLY_API.check(library);
        assertTrue(TOOLKIT_SEES_ONLY_API.evaluate(fixture(ToolkitThatSeesTheSpi.class)).hasViolation());
    }

    @Test
    void streamsDependOnlyOnApi() {
        STREAMS_SEE_ONLY_API.check(library);
        assertTrue(STREAMS_SEE_ONLY_API.evaluate(fixture(StreamsThatSeeTheSpi.class)).hasViolation());
    }

    @Test
    void onlyApiAndSpiSeeTheInternals() {
        INTERNALS_STAY_WITH_API_AND_SPI.check(library);
        assertTrue(INTERNALS_STAY_WITH_API_AND_SPI.evaluate(fixture(PolicyThatSeesTheInternals.class)).hasViolation());
    }

    @Test
    void nothingDependsOnTheDefaultLoop() {
        NOBODY_SEES_THE_DEFAULT_LOOP.check(library);
        assertTrue(NOBODY_SEES_THE_DEFAULT_LOOP.evaluate(fixture(SpiThatSeesTheDefaultLoop.class)).hasViolation());
    }

    @Test
    void theEpollLoopSeesOnlyTheContractsAndNettyAndNobodySeesIt() {
        EPOLL_SEES_ONLY_CONTRACTS_AND_NETTY.check(library);
        assertTrue(EPOLL_SEES_ONLY_CONTRACTS_AND_NETTY.evaluate(fixture(EpollThatSeesTheDefaultLoop.class))
                .hasViolation());
        NOBODY_SEES_THE_EPOLL_LOOP.check(library);
        assertTrue(NOBODY_SEES_THE_EPOLL_LOOP.evaluate(fixture(PolicyThatSeesTheEpollLoop.class)).hasViolation());
    }

    @Test
    void libraryCodeLogsThroughSlf4jOnly() {
        NO_STANDARD_STREAMS.check(library);
        NO_JAVA_UTIL_LOGGING.check(library);
        JavaClasses printing = fixture(LibraryCodeThatPrints.class);
        assertTrue(NO_STANDARD_STREAMS.evaluate(printing).hasViolation());
        assertTrue(NO_JAVA_UTIL_LOGGING.evaluate(printing).hasViolation());
    }

    @Test
    void theImportSeesEveryLibraryModule() {
        for (String type : new String[] {"dev.loopkit.api.EventLoop", "dev.loopkit.spi.BaseEventLoop",
            "dev.loopkit.impl.SelectorEventLoop", "dev.loopkit.policy.LoopPolicy", "dev.loopkit.tck.Rules",
            "dev.loopkit.toolkit.Asyncio", "dev.loopkit.streams.Streams"}) {
            assertTrue(library.contain(type), type + " was not imported");
        }
        assertFalse(library.contain(ApiThatSeesTheSpi.class), "test fixtures must stay out of the checked classes");
    }

    private static JavaClasses fixture(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }
}

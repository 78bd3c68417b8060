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
package dev.loopkit.tck.broken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.Certification;
import dev.loopkit.tck.CertificationListener;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.RuleOutcome;
import dev.loopkit.tck.RuleSelection;
import dev.loopkit.tck.Rules;
import dev.loopkit.tck.TckSettings;
import dev.loopkit.tck.brokenio.BrokenIoProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TCK proves it can fail: the whole kit runs through the JUnit Platform launcher against each
 * deliberately broken provider, and exactly the listed rules must fail, no more, no fewer. The
 * correct controls built from the same pieces must pass everything.
 */
class BrokenProvidersTest {

    /**
     * The kit's own default: enough for every rule of a working loop on a loaded 2-core machine.
     * Only the rules a provider is expected to fail may hang, and those run side by side.
     */
    private static final TckSettings SETTINGS = new TckSettings(Duration.ofSeconds(10), 2_000);
    /**
     * For the rules a provider must pass, which run while dozens of other certifications share the
     * cores: a timeout there can only be starvation (a hang is a failure at any bound), and the
     * default loop's first rule once took just over 10 s in that burst on a machine with both cores
     * busy. Three times the kit's default keeps the bound without making the verdict depend on load.
     */
    private static final TckSettings SHOULD_PASS = new TckSettings(Duration.ofSeconds(30), 2_000);
    /**
     * For the rules a provider is expected to fail (or may fail): a timeout is a failure too, so a
     * short one cannot turn their verdict, it only ends their hangs and busy loops sooner and gives
     * the cores back to the rules that must pass, which start in the same burst.
     */
    private static final TckSettings MAY_FAIL = new TckSettings(Duration.ofSeconds(3), 2_000);

    private static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();
    private static final Map<String, Callable<CertificationResult>> RESULTS = new LinkedHashMap<>();
    /**
     * Runs the rules providers are expected to fail, several per core: they mostly wait out a hang,
     * which needs no core, but some spin, and hundreds at once would starve the rules that must pass.
     */
    private static final ExecutorService WAITERS =
            Executors.newFixedThreadPool(8 * Runtime.getRuntime().availableProcessors());

    /**
     * What a provider must break. {@code racing} are rules whose outcome depends on a race with
     * the defect (a missing wake-up is only seen when the loop is already asleep; a peer that keeps
     * reading may or may not drain fast enough to keep a writer under its high water mark): they
     * may fail or pass; every other rule must do exactly what {@code failing} says. {@code inOneRun}
     * is for a provider whose loops share state, so that its rules must run in catalogue order.
     */
    private record Expectation(Supplier<EventLoopProvider> provider, List<String> failing, List<String> racing,
            boolean inOneRun) {
    }

    private static void expect(Supplier<EventLoopProvider> provider, String... failing) {
        expect(provider, List.of(failing), List.of());
    }

    private static void expect(Supplier<EventLoopProvider> provider, List<String> failing, List<String> racing) {
        EXPECTED.put(provider.get().getClass().getSimpleName(), new Expectation(provider, failing, racing, false));
    }

    static {
        expect(BrokenProviders.Correct::new);
        expect(BrokenProviders.CorrectForwarding::new);
        // The default loop, a control with every I/O capability, found as an application finds it.
        expect(() -> LoopPolicy.builder().providerName("default").build().provider());
        expect(BrokenProviders.OwnTasksComplete::new);
        expect(BrokenProviders.LifoCallSoon::new, "LC-05", "LC-06", "LC-24", "SC-01", "SC-02", "SC-09", "SC-18",
                "SC-19", "FU-02", "TK-25", "EH-01", "EH-10", "EH-13", "EH-17");
        expect(BrokenProviders.TimersIgnoreTime::new, "SC-03", "SC-06", "SC-11", "SC-17");
        // Every rule that stops the loop with stop() hangs; runUntilComplete stops it inside the loop it forwards to.
        expect(BrokenProviders.StopIgnored::new, "LC-03", "LC-04", "LC-05", "LC-06", "LC-07", "LC-14", "LC-16",
                "LC-20", "LC-22", "LC-23", "LC-27", "LC-28", "SC-01", "SC-02", "SC-03", "SC-04", "SC-05", "SC-07",
                "SC-08", "SC-09", "SC-11", "SC-12", "SC-13", "SC-14", "SC-16", "SC-17", "SC-18", "SC-19", "TS-01",
                "TS-02", "TS-03", "TS-04", "TS-05", "TS-08", "TS-09", "FU-01", "FU-02", "FU-03", "FU-04", "FU-12",
                "FU-13", "FU-15", "FU-16", "TK-04", "TK-05", "TK-06", "TK-09", "TK-13", "TK-21", "TK-22", "TK-23",
                "TK-25", "RG-02", "RG-03", "RG-04", "RG-07", "RG-11", "CX-02", "CX-03", "CX-04", "EH-01", "EH-02",
                "EH-03", "EH-07", "EH-10", "EH-13", "EH-14", "EH-16", "EH-17", "EX-01", "EX-08", "EX-09");
        expect(BrokenProviders.CloseWhileRunningAllowed::new, "LC-07");
        expect(BrokenProviders.ClosedLoopAcceptsWork::new, "LC-09", "LC-10", "TS-07", "PV-10");
        expect(BrokenProviders.InlineFutureCallbacks::new, "FU-01", "FU-03", "TK-06", "TK-15", "TK-21", "TK-22",
                "TK-23", "CX-04", "EH-13");
        expect(BrokenProviders.FutureCompletesTwice::new, "FU-09");
        expect(BrokenProviders.CancelNotPropagated::new, "TK-04", "TK-05", "TK-06", "TK-07", "TK-08", "TK-21",
                "TK-22", "TK-23", "TK-24");
        expect(BrokenProviders.TasksNeverRegistered::new, "LC-28", "RG-01", "RG-04", "RG-05", "RG-11");
        expect(BrokenProviders.StepsWithoutEnterTask::new, "TK-06", "TK-23", "RG-06");
        expect(BrokenProviders.CurrentTaskNotCleared::new, "LC-19", "LC-25", "FU-15", "FU-16", "TK-02", "TK-04", "TK-05",
                "TK-06", "TK-10", "TK-11", "TK-15", "TK-17", "TK-21", "TK-22", "TK-23", "TK-24", "RG-03", "RG-04",
                "RG-06", "RG-07", "RG-08", "RG-10", "RG-11", "CX-01", "EH-13", "EH-15");
        expect(BrokenProviders.NoWakeup::new, List.of("TS-02", "TS-03"),
                List.of("TS-01", "TS-04", "EX-01", "EX-02", "EX-03", "EX-04", "EX-05", "EX-06", "EX-07"));
        expect(BrokenProviders.ThrowingCallbackStopsLoop::new, "EH-02");
        expect(BrokenProviders.HandlerNeverCalled::new, "LC-28", "FU-13", "FU-15", "FU-16", "EH-01", "EH-04",
                "EH-11", "EH-12", "EH-14", "EH-15", "EH-16", "EH-17");
        expect(BrokenProviders.ClockBackwards::new, "LC-15", "SC-03", "SC-04", "SC-05", "SC-06", "SC-08", "SC-10",
                "SC-11", "SC-12", "SC-14", "SC-15", "SC-17", "TK-02", "TK-17", "TK-23", "RG-06", "RG-10", "EH-02",
                "EH-13", "EH-15", "EX-05");
        // Its loop never learns of debug mode: no thread checks, and no creation sites either.
        expect(BrokenProviders.DebugWithoutChecks::new, "LC-27", "TS-05", "TS-08", "EH-13", "EH-17");
        // EH-13's 40 ms callbacks stay under the default 100 ms it keeps, unless the machine is busy.
        expect(BrokenProviders.SlowThresholdIgnored::new, List.of("EH-09"), List.of("EH-13"));
        expect(BrokenProviders.ExecutorOutlivesClose::new, "EX-04", "EX-05");
        expect(BrokenProviders.ExecutorRunsOnLoopThread::new, "TS-08", "EX-01", "EX-03", "EX-05", "EX-06", "EX-07",
                "EX-08", "EX-09");
        expect(BrokenProviders.SameTaskNames::new, "TK-09");
        // Its one loop carries every rule's leftovers into the next: the rules run in order, in one run.
        EXPECTED.put("ReusesOneLoop", new Expectation(BrokenProviders.ReusesOneLoop::new, List.of(allBut("LC-01", "SC-15",
                "LC-02", "LC-09", "LC-10", "LC-11", "LC-12", "LC-13", "SC-10", "FU-05", "FU-06", "FU-07", "FU-08",
                "FU-09", "FU-10", "FU-11", "FU-14", "TK-14", "EH-04", "EH-06", "EH-09", "EH-12", "PV-01", "PV-04",
                "PV-05",
                "PV-06", "PV-07", "PV-08", "PV-10")), List.of(), true));
        expect(BrokenProviders.BlankName::new, "PV-01");
        // A second socket back end (blocking channels on virtual threads), correct and with one I/O defect each.
        expect(BrokenIoProviders.CorrectThreaded::new);
        expect(BrokenIoProviders.DropsEveryOtherChunk::new, "IO-02");
        expect(BrokenIoProviders.NeverPausesWriting::new, "IO-03");
        expect(BrokenIoProviders.IgnoresPauseReading::new, List.of("IO-04"), List.of("IO-03"));
        expect(BrokenIoProviders.IgnoresWriteEof::new, "IO-05");
        expect(BrokenIoProviders.WriteAfterCloseSilent::new, "IO-08");
        expect(BrokenIoProviders.ResetReportedAsClean::new, "IO-07");
        expect(BrokenIoProviders.ClosedLoopFailsTheFuture::new, "IO-17");
        expect(BrokenIoProviders.LookupFailureAsRefused::new, "IO-18", "IO-23");
        expect(BrokenIoProviders.IgnoresBufferedProtocol::new, "IO-28");
        expect(BrokenIoProviders.RebindsTheCallersChannel::new, "IO-30");
        expect(BrokenIoProviders.LeavesAcceptedSocketsOpen::new, "IO-31");
        expect(BrokenIoProviders.ServesPlaintextDespiteSsl::new, "TL-01");
        expect(BrokenIoProviders.IgnoresSetProtocol::new, "TL-02");
        expect(BrokenIoProviders.SkipsTheHostNameCheck::new, "TL-03");
        expect(BrokenIoProviders.MergesStderrIntoStdout::new, "SP-01");
        expect(BrokenIoProviders.LeavesChildrenRunning::new, "SP-02");
        expect(BrokenProviders.SignalHandlerOffTheLoop::new, "SG-01");
        expect(BrokenProviders.ReservedSignalsAccepted::new, "SG-02");
        expect(BrokenProviders.ForgetsTheOriginalSignalHandler::new, "SG-03");
        // A readiness back end on a selector of its own, correct and with one defect each.
        expect(BrokenIoProviders.CorrectSelecting::new);
        expect(BrokenIoProviders.RemoveAnswersFalse::new, "IO-20");
        expect(BrokenIoProviders.SwitchesChannelsToNonBlocking::new, "IO-19");
        expect(BrokenIoProviders.SockRecvLeavesItsReader::new, "IO-21");
        expect(BrokenIoProviders.SockRecvWaitsWhenFull::new, "IO-22");
        expect(BrokenIoProviders.ResolvesLiteralsInExecutor::new, "IO-23");
        expect(BrokenIoProviders.WrapsBindErrors::new, "IO-24");
        expect(BrokenIoProviders.UnixBindErrorThrown::new, "IO-25");
        expect(BrokenIoProviders.UdpResolvesForTheCaller::new, "IO-26");
        expect(BrokenIoProviders.SkipsPollWhenBusy::new, "IO-27");
        expect(BrokenIoProviders.UnwatchesByDescriptor::new, "IO-29");
        expect(BrokenProviders.NotRegistered::new, "PV-06");
        expect(BrokenProviders.CallSoonAsTimer::new, "SC-14");
        expect(BrokenProviders.MillisecondClock::new, "SC-15");
        expect(BrokenProviders.DebugChecksOnlyCallSoon::new, "TS-08");
        expect(BrokenProviders.ThreadsafeHandleNotCancellable::new, "SC-19", "TS-09");
        expect(BrokenProviders.ExecutorCancelIgnored::new, "EX-08");
        expect(BrokenProviders.ShutdownWithoutExecutorNeverCompletes::new, "EX-09");
        expect(BrokenProviders.RunUntilCompleteSwallowsFailure::new, "LC-21");
        expect(BrokenProviders.RunUntilCompleteCreatesTaskFirst::new, "LC-22");
        expect(BrokenProviders.ForeignFutureCheckedFirst::new, "LC-22", "LC-23");
        expect(BrokenProviders.SecondCancelReturnsFalse::new, "TK-21");
        expect(BrokenProviders.CancelLostAfterWakeup::new, "TK-22");
        expect(BrokenProviders.SelfCancelDeferred::new, "TK-23");
        expect(BrokenProviders.UncancelWithdrawsAll::new, "TK-24");
        expect(BrokenProviders.FirstStepAsTimer::new, "TK-25");
        expect(BrokenProviders.RunUntilCompleteBypassesFactory::new, "TK-26");
        expect(BrokenProviders.TasksNeverUnregistered::new, "RG-11");
        expect(BrokenProviders.FutureForgetsRetrieval::new, "FU-15");
        expect(BrokenProviders.TaskReadsOwnException::new, "FU-16");
        expect(BrokenProviders.OpaqueFutureToString::new, "FU-17", "EH-17");
        expect(BrokenProviders.CancelledTimersKeptUntilClose::new, "SC-16", "SC-19");
        expect(BrokenProviders.CloseKeepsScheduled::new, "LC-24", "SC-19");
        expect(BrokenProviders.TimersOverflow::new, "SC-17");
        expect(BrokenProviders.RefusesVirtualThreads::new, "LC-25");
        expect(BrokenProviders.ClearsInterrupt::new, "LC-26");
        expect(BrokenProviders.OpaqueToString::new, "LC-27");
        expect(BrokenProviders.DefaultHandlerOmitsFuture::new, "EH-11");
        expect(BrokenProviders.HandlerFailureSwallowed::new, "EH-12", "EH-17");
        expect(BrokenProviders.WarnsOutsideDebug::new, "EH-13");
        expect(BrokenProviders.EveryVirtualMachineErrorFatal::new, "EH-14");
        expect(BrokenProviders.StopsForFatalFailures::new, "EH-15");
        expect(BrokenProviders.NamesCallbacksUnguarded::new, "EH-16");
        expect(BrokenProviders.FuturesWithoutCreationSite::new, "EH-17");
        expect(BrokenProviders.PendingTasksDroppedAtClose::new, "LC-28");
        expect(BrokenProviders.ThreadsafeQueueOvertaken::new, "SC-18", "SC-19");
        expect(BrokenProviders.CancelledCallbacksKept::new, "SC-19");
        expect(BrokenProviders.TasksStartInEmptyContext::new, "CX-01");
        expect(BrokenProviders.CallbacksIgnoreContext::new, "CX-02");
        expect(BrokenProviders.ExplicitContextCopied::new, "CX-03");
        expect(BrokenProviders.DoneCallbacksInCompletersContext::new, "CX-04");
        expect(BrokenProviders.EagerFactoryIgnored::new, "RG-12");
        expect(BrokenProviders.EagerSuspendedTasksUnlisted::new, "RG-13");
    }

    /**
     * The rules a provider should pass run in one certification, one provider per core: more would
     * only make every rule slower on a busy CI machine. The rules it should fail run one per thread
     * of {@link #WAITERS}: many of them hang, and a hang only waits out its timeout, so the waits
     * overlap instead of adding up and need no core.
     */
    @BeforeAll
    static void certifyAllInParallel() {
        new ClassFileImporter().importClasses(BrokenProviders.class);
        // One rule of the default loop first, alone: the JUnit launcher, the kit, SLF4J and the
        // loops' classes are then initialised before the burst below, in which the first rule of
        // the default loop's certification once took more than its 10 s on a loaded machine.
        Certification.certify(LoopPolicy.builder().providerName("default").build().provider(),
                SETTINGS.withRules(new RuleSelection(Set.of("LC-01"), Set.of())), CertificationListener.NONE);
        ExecutorService runners = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            EXPECTED.forEach((name, expectation) -> {
                if (expectation.inOneRun()) {
                    Future<CertificationResult> all = runners.submit(() -> certify(expectation,
                            SETTINGS.withRules(RuleSelection.ALL)));
                    RESULTS.put(name, all::get);
                    return;
                }
                Set<String> mayFail = new TreeSet<>(expectation.failing());
                mayFail.addAll(expectation.racing());
                Map<RuleSelection, Future<CertificationResult>> parts = new LinkedHashMap<>();
                RuleSelection shouldPass = new RuleSelection(Set.of(), mayFail);
                parts.put(shouldPass, runners.submit(() -> certify(expectation, SHOULD_PASS.withRules(shouldPass))));
                for (String id : mayFail) {
                    RuleSelection one = new RuleSelection(Set.of(id), Set.of());
                    parts.put(one, WAITERS.submit(() -> certify(expectation, MAY_FAIL.withRules(one))));
                }
                RESULTS.put(name, () -> merge(parts));
            });
        } finally {
            runners.shutdown();
        }
    }

    @AfterAll
    static void stopWaiters() {
        WAITERS.shutdown();
    }

    private static CertificationResult certify(Expectation expectation, TckSettings settings) {
        return Certification.certify(expectation.provider().get(), settings, CertificationListener.NONE);
    }

    /** One result from the parts of a certification: each rule's outcome from the part that ran it. */
    private static CertificationResult merge(Map<RuleSelection, Future<CertificationResult>> parts) throws Exception {
        Map<String, RuleOutcome> outcomes = new LinkedHashMap<>();
        CertificationResult part = null;
        for (Map.Entry<RuleSelection, Future<CertificationResult>> entry : parts.entrySet()) {
            part = entry.getValue().get();
            part.outcomes().stream().filter(o -> entry.getKey().selects(o.rule()))
                    .forEach(o -> outcomes.put(o.rule().id(), o));
        }
        List<RuleOutcome> inOrder = Rules.all().stream().map(rule -> outcomes.get(rule.id())).toList();
        return new CertificationResult(part.providerName(), part.providerClass(), part.providerSource(),
                part.startedAt(), inOrder);
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenProviderFailsExactlyItsRules() {
        return EXPECTED.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            CertificationResult result = RESULTS.get(entry.getKey()).call();
            List<String> racing = entry.getValue().racing();
            List<String> decided = result.failedRuleIds().stream().filter(id -> !racing.contains(id)).toList();
            recordDeviations(entry.getKey(), entry.getValue().failing(), decided);
            assertEquals(entry.getValue().failing(), decided, () -> entry.getKey() + " failed:\n"
                    + String.join("\n", result.failures().stream()
                            .map(o -> o.rule().id() + " " + (entry.getValue().failing().contains(o.rule().id())
                                    ? o.message().lines().findFirst().orElse("") : o.message())).toList()));
        }));
    }

    /**
     * For {@code ./run stress}: appends one line per rule that did not do what was expected,
     * {@code RULE PROVIDER failed|passed}, to the file named by {@code -Dloopkit.selftest.deviations}.
     */
    private static void recordDeviations(String provider, List<String> expected, List<String> actual)
            throws IOException {
        String file = System.getProperty("loopkit.selftest.deviations");
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        actual.stream().filter(id -> !expected.contains(id)).forEach(id -> lines.add(id + " " + provider + " failed"));
        expected.stream().filter(id -> !actual.contains(id)).forEach(id -> lines.add(id + " " + provider + " passed"));
        synchronized (BrokenProvidersTest.class) {
            Files.write(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @TestFactory
    Stream<DynamicTest> thereAreAtLeastTwentyBrokenProviders() {
        long broken = EXPECTED.values().stream().filter(e -> !e.failing().isEmpty()).count();
        long brokenIo = EXPECTED.values().stream()
                .filter(e -> e.failing().stream().anyMatch(id -> id.startsWith("IO-"))).count();
        return Stream.of(DynamicTest.dynamicTest(broken + " broken providers",
                        () -> assertEquals(true, broken >= 20, broken + " < 20")),
                DynamicTest.dynamicTest(brokenIo + " broken I/O back ends",
                        () -> assertEquals(true, brokenIo >= 5, brokenIo + " < 5")));
    }

    /** Every required rule but {@code passing} (optional rules are skipped for these providers). */
    private static String[] allBut(String... passing) {
        List<String> failing = new ArrayList<>(Rules.all().stream().filter(r -> r.required()).map(r -> r.id())
                .toList());
        failing.removeAll(List.of(passing));
        return failing.toArray(String[]::new);
    }
}

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

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.testsupport.ForwardingLoop;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deliberately broken providers the TCK's own tests certify, each registered like a vendor's
 * (AutoService) so that only its one defect shows. {@link BrokenProvidersTest} lists which rules
 * each one must break.
 */
public final class BrokenProviders {

    private BrokenProviders() {
    }

    /** A provider whose loops come from {@code loops}. */
    abstract static class Base implements EventLoopProvider {
        private final String name;
        private final Supplier<EventLoop> loops;
        private final Set<String> capabilities;

        Base(String name, Supplier<EventLoop> loops) {
            this(name, loops, Set.of());
        }

        Base(String name, Supplier<EventLoop> loops, Set<String> capabilities) {
            this.name = name;
            this.loops = loops;
            this.capabilities = capabilities;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> capabilities() {
            return capabilities;
        }

        @Override
        public EventLoop newEventLoop() {
            return loops.get();
        }
    }

    /** A correct provider on the same base loop: the control group. */
    @AutoService(EventLoopProvider.class)
    public static final class Correct extends Base {
        public Correct() {
            super("correct", RecordingLoop::new);
        }
    }

    /**
     * A correct loop that forwards to the base loop, the way every broken provider that breaks the
     * base loop's final public behaviour is built: the control that shows forwarding alone breaks
     * nothing.
     */
    @AutoService(EventLoopProvider.class)
    public static final class CorrectForwarding extends Base {
        public CorrectForwarding() {
            super("correct-forwarding", ForwardingLoop::new, Set.of(Capabilities.SIGNALS));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SignalHandlerOffTheLoop extends Base {
        public SignalHandlerOffTheLoop() {
            super("signal-handler-off-the-loop", SignalDefects.HandlerOffTheLoop::new, Set.of(Capabilities.SIGNALS));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ReservedSignalsAccepted extends Base {
        public ReservedSignalsAccepted() {
            super("reserved-signals-accepted", SignalDefects.ReservedSignalsAccepted::new,
                    Set.of(Capabilities.SIGNALS));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ForgetsTheOriginalSignalHandler extends Base {
        public ForgetsTheOriginalSignalHandler() {
            super("forgets-the-original-signal-handler", SignalDefects.ForgetsTheOriginalHandler::new,
                    Set.of(Capabilities.SIGNALS));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class LifoCallSoon extends Base {
        public LifoCallSoon() {
            super("lifo-call-soon", BrokenLoops.LifoCallSoon::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TimersIgnoreTime extends Base {
        public TimersIgnoreTime() {
            super("timers-ignore-time", BrokenLoops.TimersIgnoreTime::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class StopIgnored extends Base {
        public StopIgnored() {
            super("stop-ignored", BrokenLoops.StopIgnored::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CloseWhileRunningAllowed extends Base {
        public CloseWhileRunningAllowed() {
            super("close-while-running", BrokenLoops.CloseWhileRunningAllowed::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ClosedLoopAcceptsWork extends Base {
        public ClosedLoopAcceptsWork() {
            super("closed-accepts-work", BrokenLoops.ClosedLoopAcceptsWork::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class InlineFutureCallbacks extends Base {
        public InlineFutureCallbacks() {
            super("inline-future-callbacks",
                    () -> new BrokenLoops.DefectiveFutures(DefectiveFuture.Defect.INLINE_CALLBACKS));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class FutureCompletesTwice extends Base {
        public FutureCompletesTwice() {
            super("future-completes-twice",
                    () -> new BrokenLoops.DefectiveFutures(DefectiveFuture.Defect.COMPLETES_TWICE));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CancelNotPropagated extends Base {
        public CancelNotPropagated() {
            super("cancel-not-propagated", BrokenLoops.CancelNotPropagated::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TasksNeverRegistered extends Base {
        public TasksNeverRegistered() {
            super("tasks-unregistered", () -> new BrokenLoops.OwnTasks(new MinimalTask.Registry(false, true, true, true)));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class StepsWithoutEnterTask extends Base {
        public StepsWithoutEnterTask() {
            super("no-enter-task", () -> new BrokenLoops.OwnTasks(new MinimalTask.Registry(true, true, false, false)));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CurrentTaskNotCleared extends Base {
        public CurrentTaskNotCleared() {
            super("no-leave-task", () -> new BrokenLoops.OwnTasks(new MinimalTask.Registry(true, true, true, false)));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class OwnTasksComplete extends Base {
        public OwnTasksComplete() {
            super("own-tasks", () -> new BrokenLoops.OwnTasks(MinimalTask.Registry.COMPLETE));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class NoWakeup extends Base {
        public NoWakeup() {
            super("no-wakeup", BrokenLoops.NoWakeup::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ThrowingCallbackStopsLoop extends Base {
        public ThrowingCallbackStopsLoop() {
            super("throwing-callback-stops", BrokenLoops.ThrowingCallbackStopsLoop::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class HandlerNeverCalled extends Base {
        public HandlerNeverCalled() {
            super("handler-never-called", BrokenLoops.HandlerNeverCalled::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ClockBackwards extends Base {
        public ClockBackwards() {
            super("clock-backwards", BrokenLoops.ClockBackwards::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DebugWithoutChecks extends Base {
        public DebugWithoutChecks() {
            super("debug-without-checks", BrokenLoops.DebugWithoutChecks::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SlowThresholdIgnored extends Base {
        public SlowThresholdIgnored() {
            super("slow-threshold-ignored", BrokenLoops.SlowThresholdIgnored::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ExecutorOutlivesClose extends Base {
        public ExecutorOutlivesClose() {
            super("executor-outlives-close", BrokenLoops.ExecutorOutlivesClose::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ExecutorRunsOnLoopThread extends Base {
        public ExecutorRunsOnLoopThread() {
            super("executor-on-loop-thread", BrokenLoops.ExecutorRunsOnLoopThread::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SameTaskNames extends Base {
        public SameTaskNames() {
            super("same-task-names", BrokenLoops.SameTaskNames::new);
        }
    }

    /** Hands out one loop over and over instead of a fresh one. */
    @AutoService(EventLoopProvider.class)
    public static final class ReusesOneLoop extends Base {
        private static final EventLoop SHARED = new RecordingLoop();

        public ReusesOneLoop() {
            super("reuses-one-loop", () -> SHARED);
        }
    }

    /** Its name is blank. */
    @AutoService(EventLoopProvider.class)
    public static final class BlankName extends Base {
        public BlankName() {
            super(" ", RecordingLoop::new);
        }
    }

    /** Correct in every way but not registered for ServiceLoader. */
    public static final class NotRegistered extends Base {
        public NotRegistered() {
            super("not-registered", RecordingLoop::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CallSoonAsTimer extends Base {
        public CallSoonAsTimer() {
            super("call-soon-as-timer", BrokenLoops.CallSoonAsTimer::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class MillisecondClock extends Base {
        public MillisecondClock() {
            super("millisecond-clock", BrokenLoops.MillisecondClock::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DebugChecksOnlyCallSoon extends Base {
        public DebugChecksOnlyCallSoon() {
            super("debug-checks-call-soon-only", BrokenLoops.DebugChecksOnlyCallSoon::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ThreadsafeHandleNotCancellable extends Base {
        public ThreadsafeHandleNotCancellable() {
            super("threadsafe-handle-not-cancellable", BrokenLoops.ThreadsafeHandleNotCancellable::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ExecutorCancelIgnored extends Base {
        public ExecutorCancelIgnored() {
            super("executor-cancel-ignored", BrokenLoops.ExecutorCancelIgnored::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ShutdownWithoutExecutorNeverCompletes extends Base {
        public ShutdownWithoutExecutorNeverCompletes() {
            super("shutdown-without-executor-hangs", BrokenLoops.ShutdownWithoutExecutorNeverCompletes::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RunUntilCompleteSwallowsFailure extends Base {
        public RunUntilCompleteSwallowsFailure() {
            super("run-until-complete-swallows", BrokenLoops.RunUntilCompleteSwallowsFailure::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RunUntilCompleteCreatesTaskFirst extends Base {
        public RunUntilCompleteCreatesTaskFirst() {
            super("run-until-complete-task-first", BrokenLoops.RunUntilCompleteCreatesTaskFirst::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ForeignFutureCheckedFirst extends Base {
        public ForeignFutureCheckedFirst() {
            super("foreign-future-checked-first", BrokenLoops.ForeignFutureCheckedFirst::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class FutureForgetsRetrieval extends Base {
        public FutureForgetsRetrieval() {
            super("future-forgets-retrieval", () -> new BrokenLoops.DefectiveFutures(DefectiveFuture.Defect.FORGETS_RETRIEVAL));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class OpaqueFutureToString extends Base {
        public OpaqueFutureToString() {
            super("opaque-future-to-string", () -> new BrokenLoops.DefectiveFutures(DefectiveFuture.Defect.OPAQUE_TO_STRING));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SecondCancelReturnsFalse extends Base {
        public SecondCancelReturnsFalse() {
            super("second-cancel-false", () -> new BrokenLoops.CancellationDefect(BrokenLoops.CancellationDefect.Defect.SECOND_CANCEL_RETURNS_FALSE));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class UncancelWithdrawsAll extends Base {
        public UncancelWithdrawsAll() {
            super("uncancel-withdraws-all", () -> new BrokenLoops.CancellationDefect(BrokenLoops.CancellationDefect.Defect.UNCANCEL_WITHDRAWS_ALL));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CancelLostAfterWakeup extends Base {
        public CancelLostAfterWakeup() {
            super("cancel-lost-after-wakeup", () -> new BrokenLoops.OwnTasks(MinimalTask.Defect.LOSES_CANCEL_AFTER_WAKEUP));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SelfCancelDeferred extends Base {
        public SelfCancelDeferred() {
            super("self-cancel-deferred", () -> new BrokenLoops.OwnTasks(MinimalTask.Defect.DEFERS_SELF_CANCEL));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class FirstStepAsTimer extends Base {
        public FirstStepAsTimer() {
            super("first-step-as-timer", () -> new BrokenLoops.OwnTasks(MinimalTask.Defect.FIRST_STEP_AS_TIMER));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TaskReadsOwnException extends Base {
        public TaskReadsOwnException() {
            super("task-reads-own-exception", () -> new BrokenLoops.OwnTasks(MinimalTask.Defect.READS_OWN_EXCEPTION));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TasksNeverUnregistered extends Base {
        public TasksNeverUnregistered() {
            super("tasks-never-unregistered", () -> new BrokenLoops.OwnTasks(new MinimalTask.Registry(true, false, true, true)));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RunUntilCompleteBypassesFactory extends Base {
        public RunUntilCompleteBypassesFactory() {
            super("run-until-complete-bypasses-factory", BrokenLoops.RunUntilCompleteBypassesFactory::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CancelledTimersKeptUntilClose extends Base {
        public CancelledTimersKeptUntilClose() {
            super("cancelled-timers-kept", BrokenLoops.CancelledTimersKeptUntilClose::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CloseKeepsScheduled extends Base {
        public CloseKeepsScheduled() {
            super("close-keeps-scheduled", () -> new BrokenLoops.KeepsScheduledCallbacks(true));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TimersOverflow extends Base {
        public TimersOverflow() {
            super("timers-overflow", RunAndClockDefects.TimersOverflow::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RefusesVirtualThreads extends Base {
        public RefusesVirtualThreads() {
            super("refuses-virtual-threads", RunAndClockDefects.RefusesVirtualThreads::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ClearsInterrupt extends Base {
        public ClearsInterrupt() {
            super("clears-interrupt", RunAndClockDefects.ClearsInterrupt::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class OpaqueToString extends Base {
        public OpaqueToString() {
            super("opaque-to-string", RunAndClockDefects.OpaqueToString::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DefaultHandlerOmitsFuture extends Base {
        public DefaultHandlerOmitsFuture() {
            super("default-handler-omits-future", LogDefects.DefaultHandlerOmitsFuture::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class HandlerFailureSwallowed extends Base {
        public HandlerFailureSwallowed() {
            super("handler-failure-swallowed", LogDefects.HandlerFailureSwallowed::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class WarnsOutsideDebug extends Base {
        public WarnsOutsideDebug() {
            super("warns-outside-debug", LogDefects.WarnsOutsideDebug::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class EveryVirtualMachineErrorFatal extends Base {
        public EveryVirtualMachineErrorFatal() {
            super("every-vm-error-fatal", FailureDefects.EveryVirtualMachineErrorFatal::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class StopsForFatalFailures extends Base {
        public StopsForFatalFailures() {
            super("stops-for-fatal-failures", FailureDefects.StopsForFatalFailures::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class NamesCallbacksUnguarded extends Base {
        public NamesCallbacksUnguarded() {
            super("names-callbacks-unguarded", FailureDefects.NamesCallbacksUnguarded::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class FuturesWithoutCreationSite extends Base {
        public FuturesWithoutCreationSite() {
            super("futures-without-creation-site", FailureDefects.FuturesWithoutCreationSite::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class PendingTasksDroppedAtClose extends Base {
        public PendingTasksDroppedAtClose() {
            super("pending-tasks-dropped-at-close", RunAndClockDefects.PendingTasksDroppedAtClose::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ThreadsafeQueueOvertaken extends Base {
        public ThreadsafeQueueOvertaken() {
            super("threadsafe-queue-overtaken", RunAndClockDefects.ThreadsafeQueueOvertaken::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CancelledCallbacksKept extends Base {
        public CancelledCallbacksKept() {
            super("cancelled-callbacks-kept", () -> new BrokenLoops.KeepsScheduledCallbacks(false));
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class TasksStartInEmptyContext extends Base {
        public TasksStartInEmptyContext() {
            super("tasks-start-in-empty-context", ContextDefects.TasksStartInEmptyContext::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CallbacksIgnoreContext extends Base {
        public CallbacksIgnoreContext() {
            super("callbacks-ignore-context", ContextDefects.CallbacksIgnoreContext::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ExplicitContextCopied extends Base {
        public ExplicitContextCopied() {
            super("explicit-context-copied", ContextDefects.ExplicitContextCopied::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class EagerFactoryIgnored extends Base {
        public EagerFactoryIgnored() {
            super("eager-factory-ignored", ContextDefects.EagerFactoryIgnored::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class EagerSuspendedTasksUnlisted extends Base {
        public EagerSuspendedTasksUnlisted() {
            super("eager-suspended-tasks-unlisted", ContextDefects.EagerSuspendedTasksUnlisted::new);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DoneCallbacksInCompletersContext extends Base {
        public DoneCallbacksInCompletersContext() {
            super("done-callbacks-in-completers-context", () -> new BrokenLoops.DefectiveFutures(
                    DefectiveFuture.Defect.CALLBACKS_IN_COMPLETERS_CONTEXT));
        }
    }
}

package dev.loopkit.tck.brokenio;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.spi.EventLoopProvider;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Providers of the threaded TCP back end and of the selecting readiness back end: a correct one
 * of each (the controls) and one per I/O defect, each registered like a vendor's.
 * {@code BrokenProvidersTest} lists which rules each breaks.
 */
public final class BrokenIoProviders {

    private BrokenIoProviders() {
    }

    /** A provider of the loops {@code loops} makes, declaring one capability. */
    abstract static class Base implements EventLoopProvider {
        private final String name;
        private final String capability;
        private final Supplier<EventLoop> loops;

        Base(String name, String capability, Supplier<EventLoop> loops) {
            this.name = name;
            this.capability = capability;
            this.loops = loops;
        }

        /** A provider of {@link ThreadedTcpLoop}s with {@code defect}, declaring TCP. */
        Base(String name, ThreadedTcpLoop.Defect defect) {
            this(name, Capabilities.TCP, () -> new ThreadedTcpLoop(defect));
        }

        /** A provider of {@link SelectingLoop}s with {@code defect}, declaring readiness. */
        Base(String name, SelectingLoop.Defect defect) {
            this(name, Capabilities.READINESS, () -> new SelectingLoop(defect));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> capabilities() {
            return Set.of(capability);
        }

        @Override
        public EventLoop newEventLoop() {
            return loops.get();
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CorrectThreadedTcp extends Base {
        public CorrectThreadedTcp() {
            super("threaded-tcp", ThreadedTcpLoop.Defect.NONE);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DropsEveryOtherChunk extends Base {
        public DropsEveryOtherChunk() {
            super("drops-chunks", ThreadedTcpLoop.Defect.DROPS_EVERY_OTHER_CHUNK);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class NeverPausesWriting extends Base {
        public NeverPausesWriting() {
            super("never-pauses-writing", ThreadedTcpLoop.Defect.NEVER_PAUSES_WRITING);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresPauseReading extends Base {
        public IgnoresPauseReading() {
            super("ignores-pause-reading", ThreadedTcpLoop.Defect.IGNORES_PAUSE_READING);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresWriteEof extends Base {
        public IgnoresWriteEof() {
            super("ignores-write-eof", ThreadedTcpLoop.Defect.IGNORES_WRITE_EOF);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class WriteAfterCloseSilent extends Base {
        public WriteAfterCloseSilent() {
            super("write-after-close-silent", ThreadedTcpLoop.Defect.WRITE_AFTER_CLOSE_SILENT);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ResetReportedAsClean extends Base {
        public ResetReportedAsClean() {
            super("reset-as-clean-close", ThreadedTcpLoop.Defect.RESET_REPORTED_AS_CLEAN);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ClosedLoopFailsTheFuture extends Base {
        public ClosedLoopFailsTheFuture() {
            super("closed-loop-fails-the-future", ThreadedTcpLoop.Defect.CLOSED_LOOP_FAILS_THE_FUTURE);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class LookupFailureAsRefused extends Base {
        public LookupFailureAsRefused() {
            super("lookup-failure-as-refused", ThreadedTcpLoop.Defect.LOOKUP_FAILURE_AS_REFUSED);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class CorrectSelecting extends Base {
        public CorrectSelecting() {
            super("selecting", SelectingLoop.Defect.NONE);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RemoveAnswersFalse extends Base {
        public RemoveAnswersFalse() {
            super("remove-answers-false", SelectingLoop.Defect.REMOVE_ANSWERS_FALSE);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SwitchesChannelsToNonBlocking extends Base {
        public SwitchesChannelsToNonBlocking() {
            super("switches-to-non-blocking", SelectingLoop.Defect.SWITCHES_CHANNELS_TO_NON_BLOCKING);
        }
    }
}

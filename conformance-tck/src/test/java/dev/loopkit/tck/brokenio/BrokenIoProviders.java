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
package dev.loopkit.tck.brokenio;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.spi.ReadinessEventLoop;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Providers of the threaded socket back end and of the selecting readiness back end: a correct
 * one of each (the controls, certified for every capability they declare) and one per I/O
 * defect, each registered like a vendor's.
 * {@code BrokenProvidersTest} lists which rules each breaks.
 */
public final class BrokenIoProviders {

    private BrokenIoProviders() {
    }

    /** A provider of the loops {@code loops} makes, declaring one capability. */
    abstract static class Base implements EventLoopProvider {
        private final String name;
        private final Set<String> capabilities;
        private final Supplier<EventLoop> loops;

        Base(String name, Set<String> capabilities, Supplier<EventLoop> loops) {
            this.name = name;
            this.capabilities = capabilities;
            this.loops = loops;
        }

        /** A provider of {@link ThreadedLoop}s with {@code defect}, declaring TCP only. */
        Base(String name, ThreadedLoop.Defect defect) {
            this(name, defect, Capabilities.TCP);
        }

        /** A provider of {@link ThreadedLoop}s with {@code defect}, declaring {@code capabilities}. */
        Base(String name, ThreadedLoop.Defect defect, String... capabilities) {
            this(name, Set.of(capabilities), () -> ConnectingDefects.loop(defect));
        }

        /** A provider of {@link SelectingLoop}s with {@code defect}, declaring readiness. */
        Base(String name, SelectingLoop.Defect defect) {
            this(name, defect, Capabilities.READINESS);
        }

        /** A provider of {@link SelectingLoop}s with {@code defect}, declaring {@code capabilities}. */
        Base(String name, SelectingLoop.Defect defect, String... capabilities) {
            this(name, Set.of(capabilities), () -> SockDefects.loop(defect));
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

    @AutoService(EventLoopProvider.class)
    public static final class CorrectThreaded extends Base {
        public CorrectThreaded() {
            super("threaded", ThreadedLoop.Defect.NONE, Capabilities.TCP, Capabilities.UNIX, Capabilities.UDP,
                    Capabilities.TLS, Capabilities.SUBPROCESS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class DropsEveryOtherChunk extends Base {
        public DropsEveryOtherChunk() {
            super("drops-chunks", ThreadedLoop.Defect.DROPS_EVERY_OTHER_CHUNK);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class NeverPausesWriting extends Base {
        public NeverPausesWriting() {
            super("never-pauses-writing", ThreadedLoop.Defect.NEVER_PAUSES_WRITING);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresPauseReading extends Base {
        public IgnoresPauseReading() {
            super("ignores-pause-reading", ThreadedLoop.Defect.IGNORES_PAUSE_READING);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresWriteEof extends Base {
        public IgnoresWriteEof() {
            super("ignores-write-eof", ThreadedLoop.Defect.IGNORES_WRITE_EOF);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class WriteAfterCloseSilent extends Base {
        public WriteAfterCloseSilent() {
            super("write-after-close-silent", ThreadedLoop.Defect.WRITE_AFTER_CLOSE_SILENT);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ResetReportedAsClean extends Base {
        public ResetReportedAsClean() {
            super("reset-as-clean-close", ThreadedLoop.Defect.RESET_REPORTED_AS_CLEAN);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ClosedLoopFailsTheFuture extends Base {
        public ClosedLoopFailsTheFuture() {
            super("closed-loop-fails-the-future", ThreadedLoop.Defect.CLOSED_LOOP_FAILS_THE_FUTURE);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class LookupFailureAsRefused extends Base {
        public LookupFailureAsRefused() {
            super("lookup-failure-as-refused", ThreadedLoop.Defect.LOOKUP_FAILURE_AS_REFUSED);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresBufferedProtocol extends Base {
        public IgnoresBufferedProtocol() {
            super("ignores-buffered-protocol", ThreadedLoop.Defect.IGNORES_BUFFERED_PROTOCOL);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class RebindsTheCallersChannel extends Base {
        public RebindsTheCallersChannel() {
            super("rebinds-the-callers-channel", ThreadedLoop.Defect.REBINDS_THE_CALLERS_CHANNEL);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class LeavesAcceptedSocketsOpen extends Base {
        public LeavesAcceptedSocketsOpen() {
            super("leaves-accepted-sockets-open", ThreadedLoop.Defect.LEAVES_ACCEPTED_SOCKETS_OPEN);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class IgnoresSetProtocol extends Base {
        public IgnoresSetProtocol() {
            super("ignores-set-protocol", ThreadedLoop.Defect.IGNORES_SET_PROTOCOL, Capabilities.TCP, Capabilities.TLS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SkipsTheHostNameCheck extends Base {
        public SkipsTheHostNameCheck() {
            super("skips-the-host-name-check", ThreadedLoop.Defect.SKIPS_THE_HOST_NAME_CHECK, Capabilities.TCP,
                    Capabilities.TLS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ServesPlaintextDespiteSsl extends Base {
        public ServesPlaintextDespiteSsl() {
            super("serves-plaintext-despite-ssl", ThreadedLoop.Defect.SERVES_PLAINTEXT_DESPITE_SSL, Capabilities.TCP,
                    Capabilities.TLS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class MergesStderrIntoStdout extends Base {
        public MergesStderrIntoStdout() {
            super("merges-stderr-into-stdout", ThreadedLoop.Defect.MERGES_STDERR_INTO_STDOUT, Capabilities.SUBPROCESS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class LeavesChildrenRunning extends Base {
        public LeavesChildrenRunning() {
            super("leaves-children-running", ThreadedLoop.Defect.LEAVES_CHILDREN_RUNNING, Capabilities.SUBPROCESS);
        }
    }

    /** The readiness vendor: its transports all come from the readiness layer, and its signals from the base loop, so it declares every capability. */
    @AutoService(EventLoopProvider.class)
    public static final class CorrectSelecting extends Base {
        public CorrectSelecting() {
            super("selecting", ReadinessEventLoop.CAPABILITIES, () -> SockDefects.loop(SelectingLoop.Defect.NONE));
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

    @AutoService(EventLoopProvider.class)
    public static final class SockRecvLeavesItsReader extends Base {
        public SockRecvLeavesItsReader() {
            super("sock-recv-leaves-reader", SelectingLoop.Defect.SOCK_RECV_LEAVES_ITS_READER);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SockRecvWaitsWhenFull extends Base {
        public SockRecvWaitsWhenFull() {
            super("sock-recv-waits-when-full", SelectingLoop.Defect.SOCK_RECV_WAITS_WHEN_FULL);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class ResolvesLiteralsInExecutor extends Base {
        public ResolvesLiteralsInExecutor() {
            super("resolves-literals-in-executor", ThreadedLoop.Defect.RESOLVES_LITERALS_IN_EXECUTOR);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class WrapsBindErrors extends Base {
        public WrapsBindErrors() {
            super("wraps-bind-errors", ThreadedLoop.Defect.WRAPS_BIND_ERRORS);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class UnixBindErrorThrown extends Base {
        public UnixBindErrorThrown() {
            super("unix-bind-error-thrown", ThreadedLoop.Defect.UNIX_BIND_ERROR_THROWN, Capabilities.UNIX);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class UdpResolvesForTheCaller extends Base {
        public UdpResolvesForTheCaller() {
            super("udp-resolves-for-the-caller", ThreadedLoop.Defect.UDP_RESOLVES_FOR_THE_CALLER, Capabilities.UDP);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class SkipsPollWhenBusy extends Base {
        public SkipsPollWhenBusy() {
            super("skips-poll-when-busy", SelectingLoop.Defect.SKIPS_POLL_WHEN_BUSY);
        }
    }

    @AutoService(EventLoopProvider.class)
    public static final class UnwatchesByDescriptor extends Base {
        public UnwatchesByDescriptor() {
            super("unwatches-by-descriptor", SelectingLoop.Defect.UNWATCHES_BY_DESCRIPTOR);
        }
    }
}

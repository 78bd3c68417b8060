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
package dev.loopkit.epoll;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.auto.service.AutoService;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.spi.ReadinessEventLoop;
import io.netty.channel.epoll.Epoll;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Provides {@link EpollEventLoop} under the name {@value #NAME}, with priority {@value #PRIORITY}
 * (above the default loop's 0), so that the policy picks it wherever it is available: on Linux
 * (x86_64 or aarch64), where Netty's native library loads and the JVM lets it read channels' file
 * descriptors. Elsewhere {@link #isAvailable()} is false and {@link #unavailabilityReason()} says
 * why, and the policy falls back to the default loop. Stateless and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@AutoService(EventLoopProvider.class)
public final class EpollProvider implements EventLoopProvider {

    /** The provider's name. */
    public static final String NAME = "epoll";
    /** The provider's priority: above the default loop's. */
    public static final int PRIORITY = 10;

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
    public EpollProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return unavailabilityReason().isEmpty();
    }

    @Override
    public Optional<String> unavailabilityReason() {
        return unavailability();
    }

    /** Why the epoll loop cannot run in this JVM, or empty if it can. */
    static Optional<String> unavailability() {
        if (!Epoll.isAvailable()) {
            Throwable cause = Epoll.unavailabilityCause();
            return Optional.of("Netty's native epoll library does not load here (it needs Linux on x86_64 or"
                    + " aarch64): " + (cause == null ? "no cause given" : cause));
        }
        return ChannelDescriptors.problem();
    }

    /** Everything the readiness layer gives: TCP, Unix-domain, UDP, readiness callbacks and signals. */
    @Override
    public Set<String> capabilities() {
        return ReadinessEventLoop.CAPABILITIES;
    }

    @Override
    public EventLoop newEventLoop() {
        return new EpollEventLoop();
    }
}

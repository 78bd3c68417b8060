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
package dev.loopkit.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.EventLoop;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A loop vendor's entry point, found with {@link java.util.ServiceLoader}: register the
 * implementing class with {@code @AutoService(EventLoopProvider.class)} (which writes the
 * {@code META-INF/services} file) and, for the module path, {@code provides} in
 * {@code module-info.java}.
 *
 * <p>Contract: the class is public with a public no-argument constructor that does no heavy work
 * (SLF4J's habit: work happens in {@link #newEventLoop()}). {@link #name()} is stable and not
 * blank; {@link #isAvailable()} has no side effects; {@link #newEventLoop()} returns a fresh,
 * open loop that is not running, every call.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
@API(status = STABLE, since = "0.1")
public interface EventLoopProvider {

    /** {@return the provider's stable, non-blank name, e.g. {@code "default"}} */
    String name();

    /**
     * {@return the priority used when no provider is named: the available provider with the
     * highest priority wins, ties broken by name} The default implementation returns 0.
     */
    default int priority() {
        return 0;
    }

    /**
     * {@return whether this provider can create loops in this JVM (e.g. its native library loads)}
     * Must have no side effects. The default implementation returns {@code true}.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Returns why {@link #isAvailable()} is false, in words that tell an operator what to change
     * (e.g. {@code "Netty's native epoll library does not load here: ..."}); the policy shows it
     * when it passes this provider over. Must have no side effects. The default implementation
     * returns an empty optional.
     *
     * @return the reason, or empty if the provider is available or gives none
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default Optional<String> unavailabilityReason() {
        return Optional.empty();
    }

    /**
     * {@return the optional capabilities the provider's loops support, named as in
     * {@link Capabilities}} The default implementation returns an empty set.
     */
    default Set<String> capabilities() {
        return Set.of();
    }

    /**
     * Creates a new loop: open, not running, owned by the caller, who must close it.
     *
     * @return a fresh loop; never null
     */
    EventLoop newEventLoop();
}

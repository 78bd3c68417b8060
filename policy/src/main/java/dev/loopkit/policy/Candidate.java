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
package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.spi.EventLoopProvider;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One provider registration found by {@link ProviderDiscovery}, with what was learnt about it
 * without ever letting it abort discovery.
 *
 * @param name the provider's name, or null if it could not be instantiated or asked
 * @param className the implementing class (for a class that failed to load, the name registered)
 * @param source where it came from: a jar or directory path, or {@code module NAME}; never null
 * @param priority the provider's priority (0 when unknown)
 * @param capabilities the declared capabilities, sorted; empty when unknown
 * @param status whether it can be used
 * @param failure why it failed, or null
 * @param unavailabilityReason for an unavailable provider, its own
 *     {@link EventLoopProvider#unavailabilityReason() reason}, or null
 * @param provider the instance, or null unless it was instantiated
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Candidate(
        String name,
        String className,
        String source,
        int priority,
        SortedSet<String> capabilities,
        Status status,
        Throwable failure,
        String unavailabilityReason,
        EventLoopProvider provider) {

    /** Whether a candidate can be used. */
    public enum Status {
        /** Instantiated and {@code isAvailable()} returned true. */
        AVAILABLE,
        /** Instantiated and {@code isAvailable()} returned false. */
        UNAVAILABLE,
        /** Failed to load, to construct, or to answer {@code name()}, {@code isAvailable()}, .... */
        FAILED
    }

    /** Checks the arguments and makes the capabilities an unmodifiable sorted copy. */
    public Candidate {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        capabilities = Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
    }

    static Candidate failed(String name, String className, String source, Throwable failure) {
        return new Candidate(name, className, source, 0, new TreeSet<>(), Status.FAILED, failure, null, null);
    }

    /** {@return the name, or the class name for a provider that never told its name} */
    public String displayName() {
        return name != null ? name : className;
    }

    /**
     * {@return true if every one of {@code required} is declared}
     *
     * @param required the capabilities asked for
     */
    public boolean hasCapabilities(Set<String> required) {
        return capabilities.containsAll(required);
    }

    /**
     * {@return why an unavailable candidate cannot be used: its own reason, or that
     * {@code isAvailable()} returned false}
     */
    public String unavailabilitySummary() {
        return unavailabilityReason != null ? unavailabilityReason : "isAvailable() returned false";
    }

    /** {@return one line on why the candidate failed, e.g. {@code "constructor threw IllegalStateException: no GPU"}} */
    public String failureSummary() {
        if (failure == null) {
            return "";
        }
        Throwable cause = failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}

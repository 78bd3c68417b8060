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
package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.spi.EventLoopProvider;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The kit as {@link Certification} launches it: its provider and settings are set just before the
 * launch. Public only because the JUnit Platform instantiates it; not for vendors, who extend
 * {@link EventLoopConformance} themselves.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CertificationTarget extends EventLoopConformance {

    /**
     * Per launching thread: the launcher runs the kit's factory and tests on the thread that
     * called it, so certifications on different threads do not see each other's provider; each
     * rule's own thread, started from there, inherits it.
     */
    private static final InheritableThreadLocal<Target> TARGET = new InheritableThreadLocal<>();

    private record Target(EventLoopProvider provider, TckSettings settings) {
    }

    /** Created by the JUnit Platform for each rule. */
    public CertificationTarget() {
    }

    static void configure(EventLoopProvider provider, TckSettings settings) {
        TARGET.set(new Target(Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(settings, "settings")));
    }

    static void clear() {
        TARGET.remove();
    }

    @Override
    protected EventLoopProvider provider() {
        return target().provider();
    }

    @Override
    protected TckSettings settings() {
        return target().settings();
    }

    private static Target target() {
        Target target = TARGET.get();
        if (target == null) {
            throw new IllegalStateException("CertificationTarget runs only through Certification.certify(...)");
        }
        return target;
    }
}

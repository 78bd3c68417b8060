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

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.spi.EventLoopProvider;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a loop provider at start-up and creates loops from it; also keeps asyncio's older
 * per-thread "current loop" ({@link #getEventLoop()}, {@link #setEventLoop}) for code written in
 * that style. New code uses {@link Loops#run} or a {@link Runner}.
 *
 * <p>Selection, first match wins (see {@link Selection#explain()} for why a provider won):
 * <ol>
 *   <li>a provider name given to the builder, else {@code -Dloopkit.provider=NAME}, else the
 *       environment variable {@code LOOPKIT_PROVIDER}: that provider, or a
 *       {@link ProviderSelectionException} listing the providers that exist and why each is or is
 *       not usable;
 *   <li>otherwise the available provider with the highest priority, ties broken by name;
 * </ol>
 * both restricted to providers declaring every {@linkplain Builder#requireCapabilities required
 * capability}. The choice is made once, on first use, and logged once at INFO.
 *
 * <p>The process-wide default ({@link #getDefault()}) is built from the system property and the
 * environment; {@link #setDefault} replaces it once, at start-up; {@link #resetDefault()} is for
 * tests.
 *
 * <p>Thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class LoopPolicy {

    /** The system property that names the provider to use. */
    public static final String PROVIDER_PROPERTY = "loopkit.provider";
    /** The environment variable that names the provider to use (after the system property). */
    public static final String PROVIDER_ENV = "LOOPKIT_PROVIDER";

    private static final Logger LOG = LoggerFactory.getLogger(LoopPolicy.class);
    private static final AtomicReference<LoopPolicy> DEFAULT = new AtomicReference<>();

    private final Supplier<List<Candidate>> discovery;
    private final String providerName;
    private final String providerNameSource;
    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final Set<String> requiredCapabilities;
    private final ThreadLocal<EventLoop> current = new ThreadLocal<>();
    private volatile Selection selection;

    private LoopPolicy(Builder builder) {
        this.discovery = builder.discovery;
        this.providerName = builder.providerName;
        this.providerNameSource = builder.providerNameSource;
        this.properties = builder.properties;
        this.environment = builder.environment;
        this.requiredCapabilities = Set.copyOf(builder.requiredCapabilities);
    }

    /** {@return a builder for a policy over loopkit's own class loader} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the process-wide policy, creating the standard one on first use} */
    public static LoopPolicy getDefault() {
        LoopPolicy policy = DEFAULT.get();
        if (policy == null) {
            DEFAULT.compareAndSet(null, builder().build());
            policy = DEFAULT.get();
        }
        return policy;
    }

    /**
     * Sets the process-wide policy, once, at start-up.
     *
     * @param policy the policy; never null
     * @throws IllegalStateException if a default policy was already set or used
     */
    public static void setDefault(LoopPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (!DEFAULT.compareAndSet(null, policy)) {
            throw new IllegalStateException("The default LoopPolicy is already set or in use; set it once, at"
                    + " start-up, before any loop is created (tests: call LoopPolicy.resetDefault() first)");
        }
    }

    /** Forgets the process-wide policy, so that the next use builds a fresh one. For tests. */
    public static void resetDefault() {
        DEFAULT.set(null);
    }

    /**
     * {@return the choice of provider and why, selecting on first call}
     *
     * @throws ProviderSelectionException if no provider can be chosen
     */
    public Selection selection() {
        Selection chosen = selection;
        if (chosen == null) {
            synchronized (this) {
                chosen = selection;
                if (chosen == null) {
                    chosen = select();
                    selection = chosen;
                    // One line: log collectors split a multi-line message into records.
                    LOG.info("{}", chosen.summary());
                }
            }
        }
        return chosen;
    }

    /** {@return the chosen provider} */
    public EventLoopProvider provider() {
        return selection().chosen().provider();
    }

    /**
     * Creates a new loop from the chosen provider; the caller owns and closes it.
     *
     * @return a new loop, not running
     * @throws ProviderSelectionException if no provider can be chosen
     */
    public EventLoop newEventLoop() {
        EventLoop loop = provider().newEventLoop();
        if (loop == null) {
            throw new IllegalStateException("provider '" + selection().chosen().name() + "' ("
                    + selection().chosen().className() + ") returned null from newEventLoop()");
        }
        return loop;
    }

    /**
     * {@return the running loop of this thread, else the loop set with {@link #setEventLoop}}
     *
     * @throws IllegalStateException if there is neither
     */
    public EventLoop getEventLoop() {
        return EventLoops.findRunningLoop().orElseGet(() -> {
            EventLoop loop = current.get();
            if (loop == null) {
                throw new IllegalStateException("There is no current event loop in thread '"
                        + Thread.currentThread().getName() + "': call setEventLoop(newEventLoop()) first, or use"
                        + " Loops.run(...)");
            }
            return loop;
        });
    }

    /**
     * Sets (or with null, clears) this thread's current loop. The caller still owns the loop.
     *
     * @param loop the loop, or null
     */
    public void setEventLoop(EventLoop loop) {
        if (loop == null) {
            current.remove();
        } else {
            current.set(loop);
        }
    }

    private Selection select() {
        String name = providerName;
        String by = providerNameSource;
        if (name == null) {
            name = blankToNull(properties.apply(PROVIDER_PROPERTY));
            by = "-D" + PROVIDER_PROPERTY;
        }
        if (name == null) {
            name = blankToNull(environment.apply(PROVIDER_ENV));
            by = "env " + PROVIDER_ENV;
        }
        return ProviderSelector.select(discovery.get(), name, by, requiredCapabilities);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Configures a {@link LoopPolicy}. Not thread-safe. */
    public static final class Builder {

        private Supplier<List<Candidate>> discovery = ProviderDiscovery::discover;
        private String providerName;
        private String providerNameSource;
        private Function<String, String> properties = System::getProperty;
        private Function<String, String> environment = System::getenv;
        private final Set<String> requiredCapabilities = new TreeSet<>();

        private Builder() {
        }

        /**
         * Discovers providers through {@code loader} instead of loopkit's own class loader.
         *
         * @param loader the class loader whose {@code ServiceLoader} finds the providers
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            this.discovery = () -> ProviderDiscovery.discover(loader);
            return this;
        }

        /**
         * Discovers providers in the modules of {@code layer} instead.
         *
         * @param layer the layer whose modules provide {@code EventLoopProvider}
         * @return this builder
         */
        public Builder moduleLayer(ModuleLayer layer) {
            Objects.requireNonNull(layer, "layer");
            this.discovery = () -> ProviderDiscovery.discover(layer);
            return this;
        }

        /**
         * Names the provider to use, overriding the system property and the environment.
         *
         * @param name the provider's name; never null
         * @return this builder
         */
        public Builder providerName(String name) {
            return providerName(name, "providerName");
        }

        /**
         * Names the provider to use, overriding the system property and the environment.
         *
         * @param name the provider's name; never null
         * @param source how errors and the explanation should call this choice, e.g. {@code --provider}
         * @return this builder
         */
        public Builder providerName(String name, String source) {
            this.providerName = Objects.requireNonNull(name, "name");
            this.providerNameSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Requires the chosen provider to declare every one of {@code capabilities}.
         *
         * @param capabilities capability names such as {@code tcp}
         * @return this builder
         */
        public Builder requireCapabilities(String... capabilities) {
            for (String capability : capabilities) {
                requiredCapabilities.add(Objects.requireNonNull(capability, "capability"));
            }
            return this;
        }

        /**
         * Reads system properties from {@code properties} instead of {@link System#getProperty}.
         *
         * @param properties looks a system property up by name; null when unset
         * @return this builder
         */
        public Builder systemProperties(Function<String, String> properties) {
            this.properties = Objects.requireNonNull(properties, "properties");
            return this;
        }

        /**
         * Reads environment variables from {@code environment} instead of {@link System#getenv}.
         *
         * @param environment looks an environment variable up by name; null when unset
         * @return this builder
         */
        public Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** {@return the policy; it selects lazily, on first use} */
        public LoopPolicy build() {
            return new LoopPolicy(this);
        }
    }
}

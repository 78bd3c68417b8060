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

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.loopkit.spi.CallbackFailures;
import dev.loopkit.spi.CodeSources;
import dev.loopkit.spi.EventLoopProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every registered {@link EventLoopProvider} with {@link ServiceLoader#stream()}, lazily and
 * defensively: a provider's class is inspected before it is instantiated, and one that fails to
 * load, to construct, or to answer ({@code name()}, {@code priority()}, {@code capabilities()},
 * {@code isAvailable()}), by throwing anything but the JVM's own fatal errors (as
 * {@link CallbackFailures#isFatal} defines them) or by taking longer than {@link #timeout()}, is recorded as
 * {@link Candidate.Status#FAILED} with its cause and its jar, logged with one WARN, and skipped:
 * it never hides the others and never aborts or hangs start-up.
 *
 * <p>Thread-safe: every call discovers afresh.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProviderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);
    private static final String SERVICE_FILE = "META-INF/services/" + EventLoopProvider.class.getName();
    private static final Pattern PROVIDER_IN_ERROR = Pattern.compile("Provider (\\S+)");
    static final String TIMEOUT_PROPERTY = "loopkit.discovery.timeout";
    private static final String TIMEOUT_ENV = "LOOPKIT_DISCOVERY_TIMEOUT";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Guards against a broken iterator that keeps failing on the same entry. */
    private static final int MAX_CONSECUTIVE_ERRORS = 64;

    private ProviderDiscovery() {
    }

    /**
     * Discovers the providers visible to loopkit's own class loader. The thread context class
     * loader is deliberately not used: it changes with the calling thread (a container's request
     * thread, a test runner, a pool thread), and the loop an application runs must not depend on
     * which thread first asked for one. Pass a loader explicitly for plug-in layouts.
     *
     * @return the candidates, in discovery order
     */
    public static List<Candidate> discover() {
        return discover(ProviderDiscovery.class.getClassLoader());
    }

    /**
     * Discovers the providers visible to {@code loader} (its class path and the modules of its
     * layer).
     *
     * @param loader the class loader to search; never null
     * @return the candidates, in discovery order
     */
    public static List<Candidate> discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return discover(ServiceLoader.load(EventLoopProvider.class, loader), loader);
    }

    /**
     * Discovers the providers in the modules of {@code layer} and its parents.
     *
     * @param layer the module layer to search; never null
     * @return the candidates, in discovery order
     */
    public static List<Candidate> discover(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return discover(ServiceLoader.load(layer, EventLoopProvider.class), null);
    }

    private static List<Candidate> discover(ServiceLoader<EventLoopProvider> loader, ClassLoader registrations) {
        List<Candidate> found = new ArrayList<>();
        Spliterator<ServiceLoader.Provider<EventLoopProvider>> providers = loader.stream().spliterator();
        int consecutiveErrors = 0;
        while (true) {
            try {
                if (!providers.tryAdvance(provider -> found.add(inspect(provider)))) {
                    break;
                }
                consecutiveErrors = 0;
            } catch (ServiceConfigurationError e) {
                found.add(loadFailure(e, registrations));
                if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                    LOG.warn("Stopped provider discovery after {} consecutive errors", consecutiveErrors);
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Instantiates and questions one provider on a thread of its own, for at most
     * {@link #timeout()}: a constructor or {@code isAvailable()} that blocks (a native library
     * waiting on a device, a network probe) makes the provider fail, never discovery hang.
     */
    private static Candidate inspect(ServiceLoader.Provider<EventLoopProvider> registration) {
        Class<? extends EventLoopProvider> type = registration.type();
        String source = CodeSources.of(type);
        Answers answers = new Answers();
        FutureTask<Candidate> inspection = new FutureTask<>(() -> inspect(registration, type, source, answers));
        Thread thread = new Thread(inspection, "loopkit-discovery " + type.getName());
        thread.setDaemon(true);
        thread.start();
        Duration timeout = timeout();
        try {
            return inspection.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            String what = answers.constructed ? "isAvailable()" : "its constructor";
            return warn(answers.failed(type, source, new TimeoutException(what + " did not return within "
                    + timeout.toMillis() + " ms (raise -D" + TIMEOUT_PROPERTY + "=SECONDS if it is only slow)")),
                    what + " blocked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return answers.failed(type, source, e);
        } catch (ExecutionException e) {
            // inspect(...) catches everything but the JVM's own fatal errors.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * What a provider told before it failed, kept so that the explanation shows it. Written by the
     * inspecting thread, read by the discovering one after a time-out.
     */
    private static final class Answers {
        volatile boolean constructed;
        volatile String name;
        volatile int priority;
        volatile SortedSet<String> capabilities = new TreeSet<>();

        Candidate failed(Class<?> type, String source, Throwable failure) {
            return new Candidate(name, type.getName(), source, priority, new TreeSet<>(capabilities),
                    Candidate.Status.FAILED, failure, null, null);
        }
    }

    private static Candidate inspect(ServiceLoader.Provider<EventLoopProvider> registration,
            Class<? extends EventLoopProvider> type, String source, Answers answers) {
        EventLoopProvider provider;
        try {
            provider = registration.get();
            answers.constructed = true;
        } catch (Throwable e) {
            CallbackFailures.rethrowIfFatal(e);
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            return warn(answers.failed(type, source, cause), "its constructor threw");
        }
        try {
            String name = provider.name();
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("name() returned " + (name == null ? "null" : "a blank name"));
            }
            answers.name = name;
            answers.priority = provider.priority();
            answers.capabilities = new TreeSet<>(provider.capabilities());
            boolean available = provider.isAvailable();
            String reason = available ? null : provider.unavailabilityReason().orElse(null);
            return new Candidate(name, type.getName(), source, answers.priority, answers.capabilities,
                    available ? Candidate.Status.AVAILABLE : Candidate.Status.UNAVAILABLE, null, reason, provider);
        } catch (Throwable e) {
            CallbackFailures.rethrowIfFatal(e);
            return warn(answers.failed(type, source, e), "it failed to describe itself");
        }
    }

    /**
     * Returns how long a provider's constructor and its questions may take together:
     * {@code -Dloopkit.discovery.timeout=SECONDS}, else {@code LOOPKIT_DISCOVERY_TIMEOUT}, else 5 s.
     */
    static Duration timeout() {
        String value = System.getProperty(TIMEOUT_PROPERTY);
        String from = "-D" + TIMEOUT_PROPERTY;
        if (value == null) {
            value = System.getenv(TIMEOUT_ENV);
            from = TIMEOUT_ENV;
        }
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration parsed = Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
            if (parsed.isNegative() || parsed.isZero()) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            LOG.warn("Ignored {}={}: not a positive number of seconds; using {} s", from, value,
                    DEFAULT_TIMEOUT.toSeconds());
            return DEFAULT_TIMEOUT;
        }
    }

    private static Candidate loadFailure(ServiceConfigurationError error, ClassLoader registrations) {
        Matcher matcher = PROVIDER_IN_ERROR.matcher(String.valueOf(error.getMessage()));
        String className = matcher.find() ? matcher.group(1) : "(unknown class)";
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return warn(Candidate.failed(null, className, registeredBy(className, registrations), cause),
                "it failed to load");
    }

    private static Candidate warn(Candidate failed, String what) {
        // One line for operators; the stack trace is there at DEBUG for whoever fixes the provider.
        LOG.warn("Skipped loop provider {} from {}: {}: {}", failed.displayName(), failed.source(), what,
                failed.failureSummary());
        LOG.debug("Stack trace of the skipped provider {}", failed.displayName(), failed.failure());
        return failed;
    }

    /** Finds the services file that registered {@code className}, for a class that did not load. */
    private static String registeredBy(String className, ClassLoader registrations) {
        if (registrations == null) {
            return "(unknown)";
        }
        try {
            Enumeration<URL> files = registrations.getResources(SERVICE_FILE);
            for (URL file : Collections.list(files)) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                    if (reader.lines().map(line -> line.replaceAll("#.*", "").strip()).anyMatch(className::equals)) {
                        return CodeSources.path(file).replace("!/" + SERVICE_FILE, "").replace("/" + SERVICE_FILE, "");
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read the service files to locate {}", className, e);
        }
        return "(unknown)";
    }
}

package dev.loopkit.policy;

import dev.loopkit.spi.EventLoopProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every registered {@link EventLoopProvider} with {@link ServiceLoader#stream()}, lazily and
 * defensively: a provider's class is inspected before it is instantiated, and one that fails to
 * load, to construct, or to answer ({@code name()}, {@code priority()}, {@code capabilities()},
 * {@code isAvailable()}) is recorded as {@link Candidate.Status#FAILED} with its cause and its
 * jar, logged with one WARN, and skipped: it never hides the others and never aborts start-up.
 *
 * <p>Thread-safe: every call discovers afresh.
 */
public final class ProviderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);
    private static final String SERVICE_FILE = "META-INF/services/" + EventLoopProvider.class.getName();
    private static final Pattern PROVIDER_IN_ERROR = Pattern.compile("Provider (\\S+)");
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

    private static Candidate inspect(ServiceLoader.Provider<EventLoopProvider> registration) {
        Class<? extends EventLoopProvider> type = registration.type();
        String source = sourceOf(type);
        EventLoopProvider provider;
        try {
            provider = registration.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            return warn(Candidate.failed(null, type.getName(), source, cause), "its constructor threw");
        }
        // Keep whatever the provider told before it failed, so the explanation shows it.
        String name = null;
        int priority = 0;
        Set<String> capabilities = new TreeSet<>();
        try {
            name = provider.name();
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("name() returned " + (name == null ? "null" : "a blank name"));
            }
            priority = provider.priority();
            capabilities = new TreeSet<>(provider.capabilities());
            boolean available = provider.isAvailable();
            return new Candidate(name, type.getName(), source, priority, new TreeSet<>(capabilities),
                    available ? Candidate.Status.AVAILABLE : Candidate.Status.UNAVAILABLE, null, provider);
        } catch (RuntimeException | LinkageError e) {
            Candidate failed = new Candidate(name, type.getName(), source, priority, new TreeSet<>(capabilities),
                    Candidate.Status.FAILED, e, null);
            return warn(failed, "it failed to describe itself");
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

    /** Returns the jar, directory or module a class was loaded from. */
    static String sourceOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        CodeSource code = type.getProtectionDomain().getCodeSource();
        return code == null || code.getLocation() == null ? "(unknown)" : toPath(code.getLocation());
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
                        return toPath(file).replace("!/" + SERVICE_FILE, "").replace("/" + SERVICE_FILE, "");
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read the service files to locate {}", className, e);
        }
        return "(unknown)";
    }

    private static String toPath(URL url) {
        String text = url.toString();
        if (text.startsWith("jar:")) {
            text = text.substring("jar:".length());
        }
        int bang = text.indexOf("!/");
        String base = bang >= 0 ? text.substring(0, bang) : text;
        String path;
        try {
            path = Path.of(URI.create(base)).toString();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            path = base;
        }
        return bang >= 0 ? path + text.substring(bang) : path;
    }
}

package dev.loopkit.api.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * How a {@link ThreadCoroutine}'s virtual thread is run, chosen once per process: the fastest one
 * the JVM allows, overridable with {@code -Dloopkit.coroutines=inline|handoff}.
 *
 * <ul>
 *   <li>{@link #INLINE}: the virtual thread's scheduler is the thread that resumes it, so a step
 *       runs inline on the loop thread (~0.2 µs a round trip). Needs JDK 24+ (where
 *       {@code synchronized} no longer pins a virtual thread to its carrier) and
 *       {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =dev.loopkit.api} on the
 *       module path), because the JDK's builder for such threads is not public.
 *   <li>{@link #HANDOFF}: a plain virtual thread; the loop thread parks while the step runs on the
 *       JDK's scheduler (~8 µs a round trip from a platform loop thread).
 * </ul>
 */
public enum CoroutineMechanism {

    /** Virtual threads scheduled inline on the resuming (loop) thread. */
    INLINE("virtual threads scheduled inline on the loop thread"),

    /** Virtual threads on the JDK's default scheduler, handed off with park/unpark. */
    HANDOFF("virtual threads on the JDK default scheduler (park/unpark hand-off)");

    /** The system property that forces a mechanism. */
    public static final String PROPERTY = "loopkit.coroutines";

    private final String description;

    CoroutineMechanism(String description) {
        this.description = description;
    }

    /** Returns a one-line description of the mechanism. */
    public String description() {
        return description;
    }

    /** Returns the mechanism in use in this process. */
    public static CoroutineMechanism current() {
        return Selection.MECHANISM;
    }

    /** Returns why {@link #current()} was chosen, for a start-up log line. */
    public static String reason() {
        return Selection.REASON;
    }

    /** Whether {@link #INLINE} is usable here, and the constructor it needs. */
    static Constructor<?> inlineBuilderConstructor() {
        return Selection.INLINE_BUILDER;
    }

    /**
     * The JDK's own scheduler of virtual threads, where the virtual threads that inline coroutines
     * start go (the JDK would otherwise give them the coroutine's scheduler); null unless
     * {@link #INLINE} is usable.
     */
    static Executor defaultScheduler() {
        return Selection.DEFAULT_SCHEDULER;
    }

    private static final class Selection {
        static final Constructor<?> INLINE_BUILDER;
        static final Executor DEFAULT_SCHEDULER;
        static final CoroutineMechanism MECHANISM;
        static final String REASON;

        static {
            Constructor<?> builder = null;
            Executor defaultScheduler = null;
            String problem;
            if (Runtime.version().feature() < 24) {
                problem = "JDK " + Runtime.version().feature() + " < 24 pins virtual threads in synchronized blocks";
            } else {
                try {
                    Class<?> type = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
                    Constructor<?> constructor = type.getDeclaredConstructor(Executor.class);
                    constructor.setAccessible(true);
                    Field scheduler = Class.forName("java.lang.VirtualThread").getDeclaredField("DEFAULT_SCHEDULER");
                    scheduler.setAccessible(true);
                    defaultScheduler = (Executor) scheduler.get(null);
                    builder = constructor;
                    problem = null;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    problem = "the JDK's virtual thread builder is not accessible (" + e.getClass().getSimpleName()
                            + "); add --add-opens java.base/java.lang=ALL-UNNAMED (class path) or "
                            + "=dev.loopkit.api (module path)";
                }
            }
            INLINE_BUILDER = builder;
            DEFAULT_SCHEDULER = builder != null ? defaultScheduler : null;

            String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            switch (requested) {
                case "handoff" -> {
                    MECHANISM = HANDOFF;
                    REASON = "-D" + PROPERTY + "=handoff";
                }
                case "inline" -> {
                    if (builder == null) {
                        throw new IllegalStateException("-D" + PROPERTY + "=inline was requested but " + problem);
                    }
                    MECHANISM = INLINE;
                    REASON = "-D" + PROPERTY + "=inline";
                }
                case "auto" -> {
                    MECHANISM = builder != null ? INLINE : HANDOFF;
                    REASON = builder != null ? "fastest available" : "inline unavailable: " + problem;
                }
                default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + requested
                        + " is not a coroutine mechanism; expected auto, inline or handoff");
            }
        }
    }
}

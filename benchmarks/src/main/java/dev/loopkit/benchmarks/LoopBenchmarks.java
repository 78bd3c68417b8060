package dev.loopkit.benchmarks;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.CoroutineBody;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;
import dev.loopkit.spi.EventLoopProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code ./run bench}: callbacks/s of a {@code callSoon} chain and round trips/s of two tasks
 * awaiting each other on the default loop, each beside a real peer measured in the same run (a
 * single-thread JDK executor, two JDK virtual threads, CPython's asyncio), with the ratio.
 *
 * <p>Arguments: an optional scale factor (default 1.0) that multiplies the operation counts.
 */
public final class LoopBenchmarks {

    private static final int WARMUPS = 3;
    private static final int RUNS = 5;

    private LoopBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        long callbacks = (long) (2_000_000 * scale);
        long roundTrips = (long) (200_000 * scale);
        EventLoopProvider provider = ServiceLoader.load(EventLoopProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("default")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the default provider is not on the class path"));
        System.out.printf("loopkit benchmarks: JDK %s, %d cores, provider '%s', coroutines: %s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), provider.name(),
                CoroutineMechanism.current());

        List<String[]> rows = new ArrayList<>();
        double allocationPerCallback;
        try (EventLoop loop = provider.newEventLoop()) {
            Measurement chain = Measurement.of("loopkit callSoon chain", callbacks, WARMUPS, RUNS,
                    () -> callSoonChain(loop, callbacks));
            Measurement executor = Measurement.of("single-thread executor chain", callbacks, WARMUPS, RUNS,
                    () -> executorChain(callbacks));
            rows.add(row("callbacks/s", chain, executor));
            allocationPerCallback = allocatedBytesPerCallback(loop, callbacks);

            List<Measurement> trips = new ArrayList<>();
            for (CoroutineMechanism mechanism : CoroutineMechanism.values()) {
                if (mechanism == CoroutineMechanism.INLINE && CoroutineMechanism.current() != mechanism) {
                    continue;
                }
                long n = mechanism == CoroutineMechanism.INLINE ? roundTrips : roundTrips / 4;
                // Without the inline mechanism the loop runs on a virtual thread of its own
                // (BaseEventLoop does so by itself in such a JVM): measure it that way.
                trips.add(Measurement.of("loopkit tasks, " + mechanism.name().toLowerCase() + " coroutines", n,
                        WARMUPS, RUNS, mechanism == CoroutineMechanism.INLINE
                                ? () -> pingPong(loop, n, body -> new ThreadCoroutine<>(body, mechanism))
                                : () -> onVirtualThread(() -> pingPong(loop, n,
                                        body -> new ThreadCoroutine<>(body, mechanism)))));
            }
            Measurement virtualThreads = Measurement.of("two JDK virtual threads (SynchronousQueue)",
                    roundTrips / 10, WARMUPS, RUNS, () -> virtualThreadPingPong(roundTrips / 10));
            for (Measurement trip : trips) {
                rows.add(row("await round trips/s", trip, virtualThreads));
            }

            PythonAsyncioPeer.run(callbacks, roundTrips, RUNS).ifPresentOrElse(python -> {
                Measurement pyChain = new Measurement("CPython " + python.version() + " asyncio call_soon chain",
                        python.callbacksPerSecond());
                Measurement pyTrips = new Measurement("CPython " + python.version() + " asyncio tasks",
                        python.roundTripsPerSecond());
                rows.add(row("callbacks/s", chain, pyChain));
                rows.add(row("await round trips/s", trips.get(0), pyTrips));
            }, () -> System.out.println("(python3 not found: the asyncio peer was skipped)"));
        }
        print(rows);
        System.out.printf("%nallocation on the loop thread: %.1f bytes per callSoon + dispatch"
                + " (one handle; nothing else)%n", allocationPerCallback);
    }

    /** Bytes the loop thread allocates per callback of the chain, from the JVM's own counter. */
    static double allocatedBytesPerCallback(EventLoop loop, long n) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        callSoonChain(loop, n);
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) n;
    }

    private static String[] row(String unit, Measurement ours, Measurement peer) {
        return new String[] {unit, ours.name(), ours.rate(), peer.name(), peer.rate(),
            String.format("%.2fx", ours.operationsPerSecond() / peer.operationsPerSecond())};
    }

    private static void print(List<String[]> rows) {
        String[] header = {"metric", "loopkit", "rate", "peer", "rate", "loopkit/peer"};
        int[] widths = new int[header.length];
        for (String[] r : concat(header, rows)) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : concat(header, rows)) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < r.length; i++) {
                line.append(' ').append(String.format("%-" + widths[i] + "s", r[i])).append(" |");
            }
            System.out.println(line);
            if (r == header) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append("-".repeat(width + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
    }

    private static List<String[]> concat(String[] header, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** Each callback schedules the next one: the loop's dispatch path, one handle per callback. */
    static long callSoonChain(EventLoop loop, long n) {
        Runnable step = new Runnable() {
            long left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    loop.callSoon(this);
                } else {
                    loop.stop();
                }
            }
        };
        loop.callSoon(step);
        long start = System.nanoTime();
        loop.runForever();
        return System.nanoTime() - start;
    }

    /** The peer: a single-thread JDK executor whose task resubmits itself. */
    static long executorChain(long n) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch done = new CountDownLatch(1);
        Runnable step = new Runnable() {
            long left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    executor.execute(this);
                } else {
                    done.countDown();
                }
            }
        };
        long start = System.nanoTime();
        executor.execute(step);
        await(done);
        long took = System.nanoTime() - start;
        executor.shutdown();
        return took;
    }

    /** Two tasks hand a baton back and forth through futures; one round trip is A to B to A. */
    static long pingPong(EventLoop loop, long n, Function<CoroutineBody<Void>, Coroutine<Void>> coroutines) {
        Object[] box = new Object[2];
        Task<Void> b = loop.createTask(coroutines.apply(() -> {
            for (long i = 0; i < n; i++) {
                Future<Void> mine = loop.createFuture();
                box[1] = mine;
                Async.await(mine);
                futureIn(box, 0).setResult(null);
            }
            return null;
        }));
        Task<Void> a = loop.createTask(coroutines.apply(() -> {
            for (long i = 0; i < n; i++) {
                Future<Void> mine = loop.createFuture();
                box[0] = mine;
                futureIn(box, 1).setResult(null);
                Async.await(mine);
            }
            return null;
        }));
        long start = System.nanoTime();
        loop.runUntilComplete(a);
        long took = System.nanoTime() - start;
        loop.runUntilComplete(b);
        return took;
    }

    private static long onVirtualThread(java.util.function.LongSupplier run) {
        long[] took = new long[1];
        join(Thread.ofVirtual().start(() -> took[0] = run.getAsLong()));
        return took[0];
    }

    @SuppressWarnings("unchecked")
    private static Future<Void> futureIn(Object[] box, int slot) {
        return (Future<Void>) box[slot];
    }

    /** The peer: two JDK virtual threads handing a baton through SynchronousQueues. */
    static long virtualThreadPingPong(long n) {
        SynchronousQueue<Object> toB = new SynchronousQueue<>();
        SynchronousQueue<Object> toA = new SynchronousQueue<>();
        Object baton = new Object();
        Thread b = Thread.ofVirtual().start(() -> {
            try {
                for (long i = 0; i < n; i++) {
                    toA.put(toB.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long[] took = new long[1];
        Thread a = Thread.ofVirtual().start(() -> {
            long start = System.nanoTime();
            try {
                for (long i = 0; i < n; i++) {
                    toB.put(baton);
                    toA.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            took[0] = System.nanoTime() - start;
        });
        join(a);
        join(b);
        return took[0];
    }

    private static void join(Thread thread) {
        try {
            if (!thread.join(java.time.Duration.ofMinutes(5))) {
                throw new IllegalStateException(thread + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.loopkit.benchmarks;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Runs one workload several times after a warm-up and keeps the median rate, so a single
 * disturbed run (GC, the other core busy) does not decide the figure.
 */
record Measurement(String name, double operationsPerSecond) {

    /**
     * Measures {@code run}, which performs {@code operations} operations and returns the
     * nanoseconds it took.
     */
    static Measurement of(String name, long operations, int warmups, int runs, LongSupplier run) {
        for (int i = 0; i < warmups; i++) {
            run.getAsLong();
        }
        double[] rates = new double[runs];
        for (int i = 0; i < runs; i++) {
            rates[i] = operations / (run.getAsLong() / 1e9);
        }
        Arrays.sort(rates);
        return new Measurement(name, rates[runs / 2]);
    }

    String rate() {
        double r = operationsPerSecond;
        return r >= 1e6 ? String.format("%.2f M/s", r / 1e6) : String.format("%.1f k/s", r / 1e3);
    }
}

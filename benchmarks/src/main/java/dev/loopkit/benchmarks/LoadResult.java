package dev.loopkit.benchmarks;

/**
 * What a load client measured against one pinned server ({@link PinnedServer}): operations per
 * second (HTTP requests, echo round trips) and the server's CPU time per operation.
 *
 * @param server the server's name in the report
 * @param operationsPerSecond operations completed per second
 * @param cpuNanosPerOperation the server's CPU time (user + system) per operation
 */
record LoadResult(String server, double operationsPerSecond, double cpuNanosPerOperation) {

    /** The name of loopkit's default loop's server in the results. */
    static final String LOOPKIT = "loopkit";
    /** The name of loopkit's epoll loop's server in the results. */
    static final String LOOPKIT_EPOLL = "loopkit epoll";
}

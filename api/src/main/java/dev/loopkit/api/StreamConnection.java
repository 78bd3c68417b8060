package dev.loopkit.api;

/**
 * The two ends of a stream connection (asyncio's {@code (reader, writer)} pair).
 *
 * @param reader reads what the peer sends; never null
 * @param writer sends to the peer; never null
 */
public record StreamConnection(StreamReader reader, StreamWriter writer) {
}

package dev.loopkit.streams;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The two ends of a stream connection (asyncio's {@code (reader, writer)} pair).
 *
 * @param reader reads what the peer sends; never null
 * @param writer sends to the peer; never null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StreamConnection(StreamReader reader, StreamWriter writer) {
}

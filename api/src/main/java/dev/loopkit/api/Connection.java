package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * What {@link EventLoop#createConnection} yields: the transport and the protocol it calls
 * (asyncio's {@code (transport, protocol)} pair).
 *
 * @param transport the connection's transport; never null
 * @param protocol the protocol the factory made for it; never null
 * @param <P> the protocol's type
 */
@API(status = STABLE, since = "0.1")
public record Connection<P extends Protocol>(Transport transport, P protocol) {
}

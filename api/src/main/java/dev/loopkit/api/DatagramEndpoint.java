package dev.loopkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What {@link EventLoop#createDatagramEndpoint} yields (asyncio's {@code (transport, protocol)}).
 *
 * @param transport the endpoint's transport; never null
 * @param protocol the protocol the factory made; never null
 * @param <P> the protocol's type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
}

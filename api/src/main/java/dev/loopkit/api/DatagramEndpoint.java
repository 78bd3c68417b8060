package dev.loopkit.api;

/**
 * What {@link EventLoop#createDatagramEndpoint} yields (asyncio's {@code (transport, protocol)}).
 *
 * @param transport the endpoint's transport; never null
 * @param protocol the protocol the factory made; never null
 * @param <P> the protocol's type
 */
public record DatagramEndpoint<P extends DatagramProtocol>(DatagramTransport transport, P protocol) {
}

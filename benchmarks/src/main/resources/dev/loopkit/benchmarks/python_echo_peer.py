"""The uvloop peer of the echo benchmark: one loop, write back what was read, once per read.

Run by EchoPeers (./run bench) as: python3 python_echo_peer.py; prints the port once it listens.
"""
import asyncio
import uvloop


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", 0)
    print(f"TCP echo server on 127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()

uvloop.install()
asyncio.run(main())

"""The uvloop peer of loopkit's HTTP plaintext example: one loop, the same work per read (count the
request heads, write that many copies of the same response), no HTTP parser on either side.

Run by HttpPeers (./run bench) as: python3 python_http_peer.py; prints the address once it listens.
"""
import asyncio
import uvloop

RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
            b"Server: uvloop\r\n\r\nHello, World!")


class Connection(asyncio.Protocol):
    def __init__(self):
        self.transport = None
        self.tail = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        data = self.tail + data
        answers = data.count(b"\r\n\r\n")
        self.tail = data[data.rfind(b"\r\n\r\n") + 4:][-3:] if answers else data[-3:]
        if answers:
            self.transport.write(RESPONSE * answers)


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, "127.0.0.1", 0)
    print(f"HTTP plaintext server on http://127.0.0.1:{server.sockets[0].getsockname()[1]}/", flush=True)
    await server.serve_forever()

uvloop.install()
asyncio.run(main())

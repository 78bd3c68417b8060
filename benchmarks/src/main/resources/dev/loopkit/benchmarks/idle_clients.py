"""Opens N idle TCP connections to HOST:PORT and holds them until standard input closes.

Run by IdleConnections (./run bench) as: python3 idle_clients.py HOST PORT N. Prints
"connected N" once all are open. A process of its own, so that the server's heap holds only
the server's side of each connection.
"""
import resource, socket, sys

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
sockets = [socket.create_connection((host, port)) for _ in range(n)]
print(f"connected {len(sockets)}", flush=True)
sys.stdin.read()
for s in sockets:
    s.close()

"""The Python peers of loopkit's benchmarks: the same workloads on asyncio and on uvloop.

Run by PythonPeers (./run bench) as: python3 python_peer.py LOOP CHAIN TRIPS TASKS RUNS
where LOOP is asyncio or uvloop. Prints one JSON object: the median over RUNS of each workload,
in nanoseconds per operation, and the heap (tracemalloc) per parked task in bytes.
"""
import asyncio, json, statistics, sys, time, tracemalloc

KIND, N_CHAIN, N_TRIPS, N_TASKS, RUNS = sys.argv[1], *map(int, sys.argv[2:6])
if KIND == "uvloop":
    import uvloop
    new_loop = uvloop.new_event_loop
else:
    new_loop = asyncio.new_event_loop


def chain(loop, n):
    left = [n]

    def step():
        left[0] -= 1
        if left[0] > 0:
            loop.call_soon(step)
        else:
            loop.stop()
    loop.call_soon(step)
    t0 = time.perf_counter_ns()
    loop.run_forever()
    return (time.perf_counter_ns() - t0) / n


async def ping_pong(n):
    loop = asyncio.get_running_loop()
    box = {}

    async def b():
        for _ in range(n):
            box['b'] = loop.create_future()
            await box['b']
            box['a'].set_result(None)

    async def a():
        for _ in range(n):
            box['a'] = loop.create_future()
            box['b'].set_result(None)
            await box['a']
    tb = loop.create_task(b())
    await asyncio.sleep(0)
    t0 = time.perf_counter_ns()
    await a()
    took = time.perf_counter_ns() - t0
    await tb
    return took / n


async def wait_for(future):
    return await future


def spawn_parked(loop, n):
    futures = [loop.create_future() for _ in range(n)]
    tasks = [loop.create_task(wait_for(f)) for f in futures]  # each awaits its own future, as loopkit's do
    loop.run_until_complete(asyncio.sleep(0))
    return futures, tasks


def resume_and_finish(loop, n):
    futures, tasks = spawn_parked(loop, n)
    t0 = time.perf_counter_ns()
    for f in futures:
        f.set_result(None)
    loop.run_until_complete(tasks[-1])
    took = time.perf_counter_ns() - t0
    assert all(t.done() for t in tasks)
    return took / n


def heap_per_parked_task(loop, n):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    futures, tasks = spawn_parked(loop, n)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    for f in futures:
        f.set_result(None)
    loop.run_until_complete(tasks[-1])
    return (after - before) / n


def median(measure):
    measure()
    return statistics.median(measure() for _ in range(RUNS))


loop = new_loop()
result = {
    "version": f"{KIND} on CPython {sys.version.split()[0]}"
               + (f", uvloop {uvloop.__version__}" if KIND == "uvloop" else ""),
    "chain": median(lambda: chain(loop, N_CHAIN)),
    "trip": median(lambda: loop.run_until_complete(ping_pong(N_TRIPS))),
    "resume": median(lambda: resume_and_finish(loop, N_TASKS)),
    "heap": heap_per_parked_task(loop, N_TASKS),
}
loop.close()
print(json.dumps(result))

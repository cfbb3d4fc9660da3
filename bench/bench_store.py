"""Benchmark: write a synthetic graph into a fresh embedded store and print figures.

    python -m bench.bench_store                       # 100k nodes, 300k relationships
    python -m bench.bench_store --nodes 10000 --relationships 30000 --profile

Prints the time to build the document, to validate it, to write it (rows per
second, and the CPU seconds of this process and of the server, which a machine
busy with other work does not inflate), the peak memory of this process (``resource.getrusage``) and of the
server (``INFO memory`` ``used_memory_peak`` and the process's RSS and peak
RSS from ``/proc``). Targets (issue 2): the whole write under 25 s, server
memory under 1 GiB. The store lives in a temporary TGRAPH_HOME that is stopped
and deleted at the end. Timing is never asserted in a test; this prints.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tqdm import tqdm

from bench.synthetic import synthetic_document
from graph.store.embedded import ensure_running, stop_server
from graph.store.falkor import FalkorBackend
from graph.store.store import GraphStore

__all__ = ["main", "server_memory"]

_MIB = 1024 * 1024


def server_memory(backend: FalkorBackend, pid: int) -> dict[str, int]:
    """The server's own accounting (INFO memory) and the kernel's (RSS, peak RSS), in bytes."""
    info = backend._db.connection.info("memory")  # the redis client under the falkordb client
    figures = {"used_memory_peak": int(info["used_memory_peak"]), "used_memory": int(info["used_memory"])}
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(value.split()[0]) * 1024
    return figures


def _cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of a process: figures that a busy machine does not inflate."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _seconds(start: float) -> float:
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="nodes besides the accounts")
    parser.add_argument("--relationships", type=int, default=300_000, help="relationships")
    parser.add_argument("--accounts", type=int, default=1_000, help="accounts")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic graph")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions of the write")
    parser.add_argument("--keep", action="store_true", help="keep the data directory (and stop its server)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    document = synthetic_document(args.nodes, args.relationships, args.accounts, args.seed)
    build_s = _seconds(started)
    rows = len(document.accounts) + len(document.nodes) + len(document.relationships)
    print(f"synthetic document: {len(document.accounts):,} accounts, {len(document.nodes):,} nodes, "
          f"{len(document.relationships):,} relationships, built in {build_s:.1f} s")

    home = Path(tempfile.mkdtemp(prefix="tgraph-bench-"))
    try:
        server = ensure_running(home)
        backend = FalkorBackend(server.host, server.port, server.password, "bench")
        store = GraphStore(backend)
        store.ensure_schema()  # the indexes exist before the first row, as in real use

        started = time.perf_counter()
        store.validate(document)
        validate_s = _seconds(started)

        profiler = cProfile.Profile() if args.profile else None
        with tqdm(total=rows, unit="row", desc="write", file=sys.stderr) as bar:
            cpu_ours, cpu_server = _cpu_seconds(), _cpu_seconds(server.pid)
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            store.write_document(document, validate=False, progress=bar.update)
            if profiler:
                profiler.disable()
            write_s = _seconds(started)
            cpu_ours, cpu_server = _cpu_seconds() - cpu_ours, _cpu_seconds(server.pid) - cpu_server

        stats = store.stats()
        memory = server_memory(backend, server.pid)
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
        store.close()

        print(f"validate:        {validate_s:7.1f} s")
        print(f"write:           {write_s:7.1f} s   {rows / write_s:,.0f} rows/s "
              f"({len(document.nodes) + len(document.accounts):,} nodes, {len(document.relationships):,} relationships)")
        print(f"write CPU:       {cpu_ours:7.1f} s ours + {cpu_server:.1f} s server "
              f"(pipelined, so on an idle 2-core machine the wall time is about the larger; load average now "
              f"{os.getloadavg()[0]:.1f})")
        print(f"validate+write:  {validate_s + write_s:7.1f} s   (target: under 25 s)")
        print(f"stored:          {stats.total_nodes:,} nodes, {stats.total_relationships:,} relationships")
        print(f"our peak RSS:    {own_peak / _MIB:7.0f} MiB")
        print(f"server memory:   used_memory_peak {memory['used_memory_peak'] / _MIB:.0f} MiB, "
              f"RSS {memory.get('VmRSS', 0) / _MIB:.0f} MiB, peak RSS {memory.get('VmHWM', 0) / _MIB:.0f} MiB "
              "(target: under 1024 MiB)")
        if profiler:
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    finally:
        stop_server(home)
        if args.keep:
            print(f"data kept in {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

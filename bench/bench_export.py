"""Benchmark: export the whole synthetic graph (100k nodes, 300k relationships)
from a fresh embedded store and print the seconds per stage.

    python -m bench.bench_export                          # GraphML, redaction none and survivors
    python -m bench.bench_export --nodes 10000 --relationships 30000 --format gexf

The synthetic document is written into a fresh embedded store (in a temporary
TGRAPH_HOME, stopped and deleted at the end), then selected back
(``Selection("all")``), redacted and written to a temporary file. Target
(issue 6): the whole export to GraphML under 60 s. Each figure is printed with
the load average (the machine is shared, so wall times are noisy), and once at
the end the engine's own execution time of the read's statements (run again
through the client, which reports FalkorDB's internal time), so the server's
share of ``select`` can be told from the client's. Timing is never asserted
in a test; this prints.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import synthetic_document
from graph.cypher import export as statements
from graph.export import FORMATS, Selection, get_exporter, redact, select_subgraph
from graph.export.wholegraph import page_statements
from graph.store.embedded import ensure_running, stop_server
from graph.store.falkor import FalkorBackend
from graph.store.store import GraphStore

__all__ = ["main"]


def _seconds(start: float) -> float:
    return time.perf_counter() - start


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def engine_seconds(store: GraphStore, backend: FalkorBackend) -> tuple[float, int]:
    """(seconds, statements): FalkorDB's own execution time of every statement
    the whole-graph read sends, run once more through the client."""
    graph = backend._graph
    total_ms = 0.0
    count = 0
    ids: dict[str, list[str]] = {}
    for label in store.contract.labels:
        cypher = statements.ACCOUNT_NODES if label == "Account" else statements.node_ids_of_label(label)
        result = graph.ro_query(cypher)
        total_ms += float(result.run_time_ms)
        count += 1
        ids[label] = sorted(row[0]["id"] if label == "Account" else row[0] for row in result.result_set)
    for cypher, params, _, _ in page_statements(store, ids):
        total_ms += float(graph.ro_query(cypher, params).run_time_ms)
        count += 1
    return total_ms / 1000, count


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="nodes besides the accounts")
    parser.add_argument("--relationships", type=int, default=300_000)
    parser.add_argument("--accounts", type=int, default=1_000)
    parser.add_argument("--format", default="graphml", choices=sorted(FORMATS))
    parser.add_argument("--modes", default="none,survivors", help="redaction modes to time, comma-separated")
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="tgraph-bench-export-"))
    try:
        start = time.perf_counter()
        document = synthetic_document(nodes=args.nodes, relationships=args.relationships, accounts=args.accounts, seed=1)
        print(f"built document: {len(document.nodes)} nodes, {len(document.relationships)} relationships, "
              f"{len(document.accounts)} accounts in {_seconds(start):.1f} s")
        info = ensure_running(home)
        backend = FalkorBackend(info.host, info.port, info.password, "bench")
        store = GraphStore(backend)
        start = time.perf_counter()
        store.write_document(document, validate=False)
        print(f"wrote it into a fresh embedded store in {_seconds(start):.1f} s")
        del document
        secret = b"bench-secret-bench-secret-bench-s"
        exporter = get_exporter(args.format)
        for mode in args.modes.split(","):
            total = time.perf_counter()
            start = time.perf_counter()
            selected = select_subgraph(store, Selection("all"))
            select_s = _seconds(start)
            start = time.perf_counter()
            redacted = redact(selected, mode, secret, store=store)
            redact_s = _seconds(start)
            out = home / f"export.{exporter.extension}"
            start = time.perf_counter()
            with out.open("wb") as handle:
                exporter.write(redacted, handle)
            write_s = _seconds(start)
            print(
                f"{args.format}, redaction {mode}: select {select_s:.1f} s, redact {redact_s:.1f} s, "
                f"write {write_s:.1f} s, total {_seconds(total):.1f} s (target < 60 s), "
                f"{out.stat().st_size / 1e6:.0f} MB, {_load()}"
            )
        engine_s, count = engine_seconds(store, backend)
        print(f"engine's own time for the read's {count} statements: {engine_s:.1f} s, {_load()}")
        store.close()
    finally:
        stop_server(home)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

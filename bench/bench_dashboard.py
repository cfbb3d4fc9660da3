"""Benchmark: time to first draw of the Explore page, in a real browser.

    python -m bench.bench_dashboard                    # seeds, then 200, 2,000 and 10,000 nodes
    python -m bench.bench_dashboard --sizes 500 5000 --runs 3

For each graph (the seed accounts through the real ingest, then synthetic
graphs from ``bench.synthetic`` with twice as many relationships as nodes), it
writes the graph into a fresh embedded store, serves ``tgraph dashboard`` on a
free port, opens the Explore page in Debian's Chromium (Playwright, headless)
and prints, per run:

- **first draw**: from the start of navigation until Cytoscape holds every node
  the page decided to draw and has painted them (a non-empty bounding box);
- **settled**: until the layout has stopped moving the nodes;
- **drawn / matched**: above the node cap the page draws the nearest,
  best-connected nodes and says how many it leaves out.

A **baseline** comes first: a bare Streamlit page holding the same component
with one node, measured the same way. It is the floor this machine sets (the
Streamlit front end and the component's iframe loading), whatever the graph.

The first run of a graph includes reading it from the store (then cached, as
for a user coming back to the page). Targets (issue 5): the seed graph under 3
seconds; 2,000 nodes usable. Timing is never asserted in a test; this prints.
The store lives in a temporary TGRAPH_HOME, stopped and deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
# The browser helpers are shared with the end-to-end test.
sys.path.insert(0, str(REPO / "tests" / "dashboard"))

from browser import chromium, drawn_nodes, network_frame, served_dashboard, wait_for_drawing, wait_until_idle  # noqa: E402

from graph.model import GraphDocument  # noqa: E402
from graph.store.embedded import ensure_running, stop_server  # noqa: E402
from graph.store.falkor import FalkorBackend  # noqa: E402
from graph.store.store import GraphStore  # noqa: E402

__all__ = ["main"]


def _seed_document() -> GraphDocument:
    from ingest.pipeline import ingest

    report = ingest([REPO / "seeds"], store=None, jobs=1)
    return report.document


def _write(home: Path, graph_name: str, document: GraphDocument) -> None:
    info = ensure_running(home)
    store = GraphStore(FalkorBackend(info.host, info.port, info.password, graph_name))
    try:
        store.write_document(document, validate=False)
    finally:
        store.close()


def _settle(frame: Any, timeout_s: float = 120.0) -> None:
    """Until two samples of the node positions, 250 ms apart, are the same."""
    script = """() => { const cy = document.getElementById('cy')._cyreg.cy;
                       return cy.nodes().map(n => Math.round(n.position('x')) + ',' + Math.round(n.position('y'))).join(';') }"""
    deadline = time.monotonic() + timeout_s
    previous = frame.evaluate(script)
    while time.monotonic() < deadline:
        time.sleep(0.25)
        current = frame.evaluate(script)
        if current == previous:
            return
        previous = current


_NOT_DRAWN = re.compile(r"([\d,]+) of ([\d,]+) nodes are not drawn")


def _expected_drawn(page: Any, total: int) -> int:
    for text in page.locator('[data-testid="stAlert"]').all_inner_texts():
        match = _NOT_DRAWN.search(text)
        if match:
            return total - int(match.group(1).replace(",", ""))
    return total


_BASELINE_APP = """import streamlit as st
from st_link_analysis import st_link_analysis
st.title("Explore")
st_link_analysis({"nodes": [{"data": {"id": "a", "label": "Person", "name": "a"}}], "edges": []},
                 layout="grid", key="g")
"""


def measure(url: str, total_nodes: int, runs: int, path: str = "/explore") -> list[dict[str, float]]:
    results = []
    with chromium() as browser:
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            start = time.perf_counter()
            page.goto(f"{url}{path}")
            _, frame = network_frame(page, timeout_ms=180_000)
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=180_000)
            expected = _expected_drawn(page, total_nodes)
            wait_for_drawing(frame, expected, timeout_ms=180_000)
            first_draw = time.perf_counter() - start
            _settle(frame)
            settled = time.perf_counter() - start
            wait_until_idle(page)
            results.append({"first_draw": first_draw, "settled": settled, "drawn": drawn_nodes(frame),
                            "matched": total_nodes})
            page.close()
    return results


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 2_000, 10_000],
                        help="synthetic graph sizes in nodes (relationships: twice as many)")
    parser.add_argument("--runs", type=int, default=2, help="page loads per graph (the first reads the store)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the graph of the seed accounts")
    args = parser.parse_args(argv)

    from bench.synthetic import synthetic_document

    home = Path(tempfile.mkdtemp(prefix="tgraph-bench-dashboard-"))
    graphs: list[tuple[str, GraphDocument]] = []
    if not args.no_seeds:
        graphs.append(("seeds", _seed_document()))
    for size in args.sizes:
        graphs.append((f"synthetic {size:,}", synthetic_document(nodes=size, relationships=2 * size,
                                                                 accounts=max(1, size // 100), seed=1)))
    print(f"{'graph':<18} {'nodes':>7} {'rels':>7} {'drawn':>6}  {'first draw (s), per run':<26} {'settled (s)':<16}")
    try:
        baseline = home / "baseline_app.py"
        baseline.write_text(_BASELINE_APP, encoding="utf-8")
        with served_dashboard(dict(os.environ), home / "baseline.log", script=baseline) as url:
            runs = measure(url, 1, args.runs, path="/")
        firsts = ", ".join(f"{r['first_draw']:.2f}" for r in runs)
        print(f"{'baseline':<18} {1:>7} {0:>7} {1:>6}  {firsts:<26}", flush=True)
        for index, (name, document) in enumerate(graphs):
            graph_name = f"bench_{index}"
            _write(home, graph_name, document)
            total = len(document.nodes) + len(document.accounts)
            env = {**os.environ, "TGRAPH_HOME": str(home), "TGRAPH_GRAPH": graph_name}
            env.pop("TGRAPH_NEO4J_URI", None)
            with served_dashboard(env, home / f"{graph_name}.log") as url:
                runs = measure(url, total, args.runs)
            firsts = ", ".join(f"{r['first_draw']:.2f}" for r in runs)
            settled = ", ".join(f"{r['settled']:.2f}" for r in runs)
            print(f"{name:<18} {total:>7,} {len(document.relationships):>7,} {int(runs[-1]['drawn']):>6,}  "
                  f"{firsts:<26} {settled:<16}", flush=True)
    finally:
        stop_server(home)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()

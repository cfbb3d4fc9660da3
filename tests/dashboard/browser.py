"""Driving the served dashboard in Debian's Chromium through Playwright.

Shared by the browser test and ``bench/bench_dashboard.py``: start ``tgraph
dashboard`` on a free port, open pages, wait for Streamlit to finish a run,
read the network the Cytoscape component drew, click a node.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Mapping

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_CY = "document.getElementById('cy') && document.getElementById('cy')._cyreg && document.getElementById('cy')._cyreg.cy"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served_dashboard(env: Mapping[str, str], log: Path, timeout_s: float = 60.0,
                     script: Path | None = None) -> Iterator[str]:
    """``tgraph dashboard`` (or ``streamlit run script``) on a free localhost port;
    yields its base URL, stops it after."""
    port = free_port()
    if script is None:
        command = [str(Path(sys.executable).with_name("tgraph")), "dashboard", "--host", "127.0.0.1", "--port", str(port)]
    else:
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "127.0.0.1",
                   "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the dashboard did not start; its log:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_until_idle(page: Any, timeout_ms: int = 60_000) -> None:
    """Wait for Streamlit to have run the script and stopped (no run in progress)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    # A run can start right after the first one ends (a component reporting its size).
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)


def network_frame(page: Any, timeout_ms: int = 60_000) -> tuple[Any, Any]:
    """(iframe element, frame) of the first drawn network on the page."""
    element = page.wait_for_selector('iframe[title*="link_analysis"]', timeout=timeout_ms)
    return element, element.content_frame()


def drawn_nodes(frame: Any) -> int:
    return int(frame.evaluate(f"() => {{ const cy = {_CY}; return cy ? cy.nodes().length : 0 }}"))


def wait_for_drawing(frame: Any, at_least: int = 1, timeout_ms: int = 60_000) -> None:
    """Until Cytoscape holds the nodes and has painted them (a rendered position exists)."""
    frame.wait_for_function(
        f"""(n) => {{ const cy = {_CY}; if (!cy || cy.nodes().length < n) return false;
                  const box = cy.nodes().renderedBoundingBox(); return box.w > 0 && box.h > 0; }}""",
        arg=at_least, timeout=timeout_ms)


def wait_for_layout_to_settle(frame: Any, timeout_ms: int = 30_000) -> None:
    """Until no node has moved for half a second: the layout animates, and a click
    aimed while it runs lands wherever the node has moved on to."""
    frame.wait_for_function(
        f"""() => {{ const cy = {_CY}; if (!cy) return false;
                  const now = JSON.stringify(cy.nodes().map(n => [Math.round(n.position('x')), Math.round(n.position('y'))]));
                  const settled = window.__tgLastPositions === now && Date.now() - window.__tgSince > 500;
                  if (window.__tgLastPositions !== now) {{ window.__tgLastPositions = now; window.__tgSince = Date.now(); }}
                  return settled; }}""",
        timeout=timeout_ms, polling=100)


def click_node(page: Any, element: Any, frame: Any, node_id: str) -> None:
    """A real mouse click on a node where Cytoscape drew it, at a point of the node
    that no other node's box covers (in a dense network nodes overlap)."""
    wait_for_layout_to_settle(frame)
    x, y = frame.evaluate(
        f"""(id) => {{ const cy = {_CY}; const n = cy.getElementById(id); cy.center(n);
                 const others = cy.nodes().not(n).map(o => o.renderedBoundingBox({{includeLabels: false, includeOverlays: false}}));
                 const box = n.renderedBoundingBox({{includeLabels: false, includeOverlays: false}});
                 const covered = (x, y) => others.some(b => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2);
                 for (const fy of [0.5, 0.3, 0.7, 0.15, 0.85]) for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {{
                   const x = box.x1 + fx * box.w, y = box.y1 + fy * box.h;
                   if (!covered(x, y)) return [x, y];
                 }}
                 const p = n.renderedPosition(); return [p.x, p.y]; }}""", node_id)
    box = element.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def grid_cells(page: Any) -> list[str]:
    """The cells of every table on the page (the data grids draw on a canvas; this
    reads the accessible copy they keep in the DOM)."""
    return page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_text_contents()


def wait_for_cell(page: Any, text: str, timeout_ms: int = 30_000) -> None:
    """Until some table on the page holds a cell with exactly this text."""
    page.wait_for_function(
        """(text) => Array.from(document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"]'))
                      .some(cell => cell.textContent === text)""",
        arg=text, timeout=timeout_ms)


def environment(base: Mapping[str, str], graph_name: str) -> dict[str, str]:
    env = dict(base)
    env["TGRAPH_GRAPH"] = graph_name
    env.setdefault("PATH", os.environ.get("PATH", ""))
    return env

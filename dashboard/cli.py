"""``tgraph dashboard``: serve the Streamlit dashboard on the configured store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graph.settings import load_settings

__all__ = ["dashboard", "streamlit_command"]

APP = Path(__file__).resolve().parent / "app.py"


def streamlit_command(host: str, port: int) -> list[str]:
    """``streamlit run`` on the entry script: headless, no usage statistics, no file
    watcher (a served dashboard does not reload its own code), minimal toolbar."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--browser.serverAddress", host,
        "--browser.serverPort", str(port),
        "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "type",
        "--global.developmentMode", "false",
        "--theme.base", "light",
    ]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Keep 127.0.0.1 unless others must reach it: the dashboard has no login.")
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535),
              help="Port to listen on.")
@click.option("--check/--no-check", default=True, show_default=True,
              help="Open the store before starting, so a store that cannot be reached is reported here.")
def dashboard(host: str, port: int, check: bool) -> None:
    """Serve the dashboard: explore the graph, run saved queries, read the
    accounts with their evidence, see the timeline and export subgraphs.

    It reads the store the environment points at (TGRAPH_HOME and TGRAPH_GRAPH
    for the embedded FalkorDB, TGRAPH_NEO4J_URI for Neo4j), starting the
    embedded server if needed. Stop it with Ctrl+C.
    """
    settings = load_settings()
    if check:
        from graph.store import open_store

        with open_store(settings) as store:
            empty = store.stats().total_nodes == 0
        if empty:
            click.echo("note: the graph is empty; load the samples with `tgraph ingest seeds/`", err=True)
    url = f"http://{host}:{port}"
    click.echo(f"Testimony Graph dashboard on {url}  (graph {settings.graph_name} in {settings.describe()}; Ctrl+C stops it)")
    env = dict(os.environ)
    env.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    sys.stdout.flush()
    # Become the Streamlit server rather than its parent, so stopping this
    # process (Ctrl+C, kill) stops the server too.
    command = streamlit_command(host, port)
    os.execve(command[0], command, env)

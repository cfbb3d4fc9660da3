"""``tgraph db``: manage the store (start, stop, status, load, stats, wipe)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.interchange import read_document
from graph.settings import load_settings
from graph.store import open_store

__all__ = ["db"]


@click.group()
def db() -> None:
    """Manage the graph store: the embedded server, loading documents, counts."""


def _require_embedded(action: str) -> Path:
    settings = load_settings()
    if settings.neo4j_uri:
        raise click.ClickException(
            f"`tgraph db {action}` manages the embedded server; TGRAPH_NEO4J_URI points at "
            f"{settings.describe()}, which you run yourself"
        )
    return settings.home


@db.command()
def start() -> None:
    """Start the embedded server (or report the one already running)."""
    from graph.store.embedded import ensure_running

    info = ensure_running(_require_embedded("start"))
    click.echo(f"embedded FalkorDB running: pid {info.pid}, 127.0.0.1:{info.port}, data in {info.home}")


@db.command()
def stop() -> None:
    """Shut the embedded server down, saving its data first."""
    from graph.store.embedded import stop_server

    home = _require_embedded("stop")
    click.echo("stopped (data saved)" if stop_server(home) else f"no embedded server running for {home}")


@db.command()
def status() -> None:
    """Say where the graph lives and whether its server is up."""
    settings = load_settings()
    if settings.neo4j_uri:
        with open_store(settings) as store:
            click.echo(f"{store.describe()}: reachable")
        return
    from graph.store.embedded import server_status

    info = server_status(settings.home)
    if info:
        click.echo(f"embedded FalkorDB running: pid {info.pid}, 127.0.0.1:{info.port}, data in {info.home}")
    else:
        click.echo(f"embedded FalkorDB not running (data in {settings.home}); any command that needs it starts it")


@db.command()
@click.argument("document", type=click.Path(dir_okay=False, path_type=Path))
def load(document: Path) -> None:
    """Validate an interchange JSON DOCUMENT and write it into the store.

    Nothing is written unless the whole document passes the contract.
    Loading the same document twice changes nothing.
    """
    parsed = read_document(document, validate=False)
    with open_store() as store:
        try:
            store.validate(parsed)
        except Exception as exc:
            from graph.errors import TestimonyGraphError

            if isinstance(exc, TestimonyGraphError):
                exc.where = str(document)
            raise
        report = store.write_document(parsed, validate=False)
    click.echo(
        f"loaded {document}: {report.accounts} accounts, {report.nodes} nodes, "
        f"{report.relationships} relationships"
    )


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(as_json: bool) -> None:
    """Count nodes per label and relationships per type."""
    with open_store() as store:
        counts = store.stats()
    if as_json:
        import json

        click.echo(json.dumps({"nodes": counts.nodes, "relationships": counts.relationships}, indent=1, sort_keys=True))
        return
    click.echo(f"nodes ({counts.total_nodes})")
    for label, count in sorted(counts.nodes.items()):
        click.echo(f"  {label:<16} {count:>8}")
    click.echo(f"relationships ({counts.total_relationships})")
    for rel_type, count in sorted(counts.relationships.items()):
        click.echo(f"  {rel_type:<16} {count:>8}")


@db.command()
@click.option("--yes", is_flag=True, help="Confirm: delete every node and relationship.")
def wipe(yes: bool) -> None:
    """Empty the graph (asks for --yes)."""
    if not yes:
        raise click.UsageError("wipe deletes the whole graph; run `tgraph db wipe --yes` to confirm")
    with open_store() as store:
        deleted = store.wipe()
    click.echo(f"wiped: {deleted} nodes deleted")

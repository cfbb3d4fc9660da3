"""The ``tgraph`` command line: one command per pipeline stage.

Each stage keeps its commands beside its code (``ingest/cli.py``,
``queries/cli.py`` ...); this group only gathers them and turns every
project error into one line on stderr with exit status 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from graph.errors import TestimonyGraphError

__all__ = ["main", "cli"]

# name -> "module:attribute"; imported only when the command is used, so
# `tgraph --help` stays fast and a stage's heavy dependencies load on demand.
COMMANDS: dict[str, str] = {
    "db": "graph.cli.db:db",
    "export": "graph.export.cli:export",
    "dashboard": "dashboard.cli:dashboard",
    "query": "queries.cli:query",
    "ingest": "ingest.cli:ingest",
    "evaluate": "ingest.evaluate.cli:evaluate",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="testimony-graph")
def cli() -> None:
    """Testimony Graph: turn first-person accounts of political organisations
    into a grounded graph of people, bodies, incidents and responses.

    Every node and edge keeps its evidence (account, span, verbatim quote) and
    its status (stated, alleged, admitted, denied, found, reported, believed).

    The graph lives in an embedded FalkorDB under $TGRAPH_HOME (default
    ./.tgraph), started on demand; set TGRAPH_NEO4J_URI (with
    TGRAPH_NEO4J_USER, TGRAPH_NEO4J_PASSWORD, TGRAPH_NEO4J_DATABASE) to use
    Neo4j 5 or Aura instead.
    """


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv, prog_name="tgraph", standalone_mode=False)
    except TestimonyGraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)

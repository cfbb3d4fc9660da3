"""``tgraph query``: list, show and run the saved research queries."""

from __future__ import annotations

import json

import click

from graph.errors import QueryError
from queries.catalogue import SavedQuery, coerce_parameters, get_query, load_catalogue
from queries.formatting import FORMATS, MAX_CELL, format_rows
from queries.params import PARAMETER_TYPES, format_default

__all__ = ["query", "parse_assignments"]


def parse_assignments(assignments: tuple[str, ...], query: SavedQuery) -> dict[str, str]:
    """``("depth=2", "entity=Alex Grant")`` -> ``{"depth": "2", "entity": "Alex Grant"}``."""
    raw: dict[str, str] = {}
    for assignment in assignments:
        key, equals, value = assignment.partition("=")
        key = key.strip()
        if not equals or not key:
            raise QueryError(
                f"parameter {assignment!r} is not KEY=VALUE; expected: {query.expects()}",
                where=f"query {query.name}",
            )
        if key in raw:
            raise QueryError(f"parameter {key} is given twice", where=f"query {query.name}")
        raw[key] = value
    return raw


def _describe(query: SavedQuery) -> dict[str, object]:
    return {
        "name": query.name,
        "title": query.title,
        "question": query.question,
        "description": query.description,
        "parameters": [
            {"name": p.name, "type": p.type, "required": p.required, "default": p.default, "help": p.help}
            for p in query.parameters
        ],
        "returns": query.returns,
        "draws": list(query.draws),
        "file": str(query.path) if query.path else None,
    }


@click.group()
def query() -> None:
    """Run the saved research queries (queries/*.cypher) on the graph.

    Each saved query answers one research question: an organisation's
    structure, incident-to-response chains, complaints that went nowhere,
    conflicts of interest, corroboration ... `tgraph query list` shows them
    all; `tgraph query show NAME` explains one and its parameters; `tgraph
    query run NAME -p key=value` runs it, read-only.
    """


@query.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the catalogue as JSON (names, titles, parameters).")
def list_queries(as_json: bool) -> None:
    """List the saved queries: name, title and parameters."""
    catalogue = load_catalogue()
    if as_json:
        click.echo(json.dumps([_describe(q) for q in catalogue.values()], ensure_ascii=False, indent=1, default=str))
        return
    width = max(len(name) for name in catalogue) if catalogue else 0
    for name, saved in catalogue.items():
        click.echo(f"{name.ljust(width)}  {saved.title}")
        click.echo(f"{' ' * width}  parameters: {saved.expects() if saved.parameters else 'none'}")
    click.echo(f"\n{len(catalogue)} saved queries; `tgraph query show NAME` explains one.")


@query.command()
@click.argument("name")
def show(name: str) -> None:
    """Explain the saved query NAME: its question, parameters, columns and Cypher."""
    saved = get_query(name)
    click.echo(f"{saved.name}: {saved.title}")
    click.echo(f"question: {saved.question}")
    click.echo(f"\n{saved.description}\n")
    if saved.parameters:
        click.echo("parameters:")
        for p in saved.parameters:
            default = "required" if p.required else f"default {format_default(p.default)}"
            click.echo(f"  {p.name} ({p.type}, {default}): {p.help}")
    else:
        click.echo("parameters: none")
    if saved.returns:
        click.echo(f"\ncolumns: {saved.returns}")
    if saved.draws:
        click.echo(f"draws: {', '.join(saved.draws)} (lists of maps the dashboard draws as a graph)")
    if saved.path:
        click.echo(f"file: {saved.path}")
    click.echo(f"\n{saved.cypher}")


@query.command()
@click.argument("name")
@click.option(
    "-p",
    "--param",
    "assignments",
    multiple=True,
    metavar="KEY=VALUE",
    help=(
        "A parameter of the query, repeatable (-p organization=IMT -p depth=2). Values are typed "
        f"by the query's header ({', '.join(PARAMETER_TYPES)}; lists comma-separated); "
        "parameters left out take their defaults. `tgraph query show NAME` lists them."
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table: a readable fixed-width table (long values cut); json and csv: every value in full.",
)
@click.option(
    "--width",
    type=click.IntRange(10, 10_000),
    default=MAX_CELL,
    show_default=True,
    help="Widest a table cell may be before it is cut with an ellipsis (table format only).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 3600),
    default=30.0,
    show_default=True,
    help="Give up after this many seconds.",
)
def run(name: str, assignments: tuple[str, ...], fmt: str, width: int, timeout: float) -> None:
    """Run the saved query NAME on the graph (read-only) and print its rows."""
    saved = get_query(name)
    # Parameters are checked before the store is opened (or the server started).
    params = coerce_parameters(saved, parse_assignments(assignments, saved))
    from graph.store import open_store

    with open_store() as store:
        rows = store.read(saved.cypher, params, timeout_ms=int(timeout * 1000))
    click.echo(format_rows(rows, fmt, width=width, hide=saved.draws))

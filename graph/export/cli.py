"""``tgraph export``: write a subgraph, with its evidence, in a format other
tools read, with the people in it protected."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click
from tqdm import tqdm

from graph.errors import InputError
from graph.export import DEFAULT_MODE, FORMATS, MODES, Selection, get_exporter, list_formats, load_secret, redact, select_subgraph
from graph.export.selection import MAX_DEPTH
from graph.model import GraphDocument

__all__ = ["export"]


def _params(raw: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in raw:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError("a query parameter is written key=value", where=item)
        params[key.strip()] = value
    return params


def _selection(select_all: bool, query: str | None, params: tuple[str, ...], ego: str | None, depth: int,
               organization: str | None, account: str | None) -> Selection:
    chosen = [name for name, value in (("--all", select_all), ("--query", query), ("--ego", ego),
                                       ("--organization", organization), ("--account", account)) if value]
    if len(chosen) != 1:
        raise click.UsageError("choose exactly one of --all, --query, --ego, --organization, --account")
    if params and not query:
        raise click.UsageError("-p/--param goes with --query")
    if select_all:
        return Selection("all")
    if query:
        return Selection("query", query, params=_params(params))
    if ego:
        return Selection("ego", ego, depth=depth)
    if organization:
        return Selection("organization", organization)
    return Selection("account", account)


def _write_file(document: GraphDocument, format_name: str, out: Path) -> None:
    """Write atomically, so an interrupted export never leaves half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name, suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            get_exporter(format_name).write(document, handle)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command()
@click.option("--all", "select_all", is_flag=True, help="Export the whole graph.")
@click.option("--query", metavar="NAME", help="Export the nodes a saved query's rows mention, with the relationships among them.")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of the saved query (repeat for several).")
@click.option("--ego", metavar="ID|NAME", help="Export the ego network of this node (an id, or a name or alias that names one entity).")
@click.option("--depth", type=click.IntRange(1, MAX_DEPTH), default=1, show_default=True, help="How many steps the ego network reaches.")
@click.option("--organization", metavar="ID|NAME", help="Export one organisation (an id, name or alias): its sections, branches, bodies, factions, roles, members and what occurred in it.")
@click.option("--account", metavar="ID", help="Export everything one account supports, with only that account's evidence.")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), help="The output format (see --list-formats).")
@click.option("--out", type=click.Path(path_type=Path), help="The file to write (for neo4j-csv: a .zip, or a directory).")
@click.option("--redact", "mode", type=click.Choice(MODES), default=DEFAULT_MODE, show_default=True,
              help="Pseudonymise people: survivors (targets of incidents), private (also everyone without a "
                   "leadership role), all, or none.")
@click.option("--list-formats", "list_formats_flag", is_flag=True, help="List the formats and exit.")
def export(select_all: bool, query: str | None, params: tuple[str, ...], ego: str | None, depth: int,
           organization: str | None, account: str | None, format_name: str | None, out: Path | None,
           mode: str, list_formats_flag: bool) -> None:
    """Export a subgraph with its evidence (quotes, spans, statuses, accounts)
    for Gephi, Cytoscape, Kumu, Aleph, a triple store or another Neo4j.

    Survivors are pseudonymised by default ("Person 3f9a2c", stable across the
    project's exports thanks to the key in $TGRAPH_HOME/redaction.key), in
    names, ids, evidence quotes and account texts alike.

    Example: tgraph export --organization IMT --format graphml --out imt.graphml
    """
    if list_formats_flag:
        for exporter in list_formats():
            click.echo(f"{exporter.name:<10} .{exporter.extension:<9} {exporter.description}")
        return
    selection = _selection(select_all, query, params, ego, depth, organization, account)
    if not format_name or out is None:
        raise click.UsageError("--format and --out are required (see --list-formats)")
    from graph.store import open_store

    with tqdm(total=3, desc="export", unit="step", file=click.get_text_stream("stderr"), leave=False) as bar:
        with open_store() as store:
            bar.set_postfix_str("selecting")
            document = select_subgraph(store, selection)
            bar.update()
            bar.set_postfix_str("redacting")
            secret = load_secret() if mode != "none" else b""
            document = redact(document, mode, secret, store=store)
            bar.update()
        bar.set_postfix_str("writing")
        exporter = get_exporter(format_name)
        if format_name == "neo4j-csv" and out.suffix.lower() != ".zip":
            exporter.write_directory(document, out)  # type: ignore[attr-defined]
        else:
            _write_file(document, format_name, out)
        bar.update()
    hidden = sum(1 for n in document.nodes if n.label == "Person" and n.id.startswith("person:redacted-"))
    click.echo(
        f"exported {selection.describe()}: {len(document.nodes)} nodes, {len(document.relationships)} relationships, "
        f"{len(document.accounts)} accounts as {format_name} to {out}; redaction {mode}: {hidden} people pseudonymised"
    )

"""``tgraph ingest``: turn account files into the graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ingest.load import supported_suffixes

__all__ = ["ingest"]


def _summary(report, stored_totals: tuple[int, int] | None) -> list[str]:
    lines = [
        "accounts: {} new, {} changed, {} unchanged, {} failed".format(
            report.count("new"), report.count("changed"), report.count("unchanged"), len(report.failures)
        )
    ]
    nodes, rels = report.nodes_by_label(), report.relationships_by_type()
    if nodes or rels:
        lines.append(f"nodes ({sum(nodes.values())})")
        lines.extend(f"  {label:<16} {count:>8}" for label, count in nodes.items())
        lines.append(f"relationships ({sum(rels.values())})")
        lines.extend(f"  {rel_type:<16} {count:>8}" for rel_type, count in rels.items())
    if stored_totals is not None:
        lines.append(f"store now holds {stored_totals[0]} nodes and {stored_totals[1]} relationships")
    return lines


@click.command(
    epilog=(
        "\b\nExamples:\n"
        "  tgraph ingest seeds/                          # into the store\n"
        "  tgraph ingest seeds/ --out graph.json         # into the store and a file\n"
        "  tgraph ingest letter.html --no-store --out letter.json\n"
        "  tgraph ingest accounts/ --lexicon my-groups.yaml --force  # re-extract all"
    )
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the interchange JSON document (every account of the run, with its text) to this file.",
)
@click.option(
    "--no-store",
    is_flag=True,
    help="Do not touch the store: extract and validate only (with --out, the file is the only result).",
)
@click.option(
    "--lexicon",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A YAML file extending the built-in lexicon (same section names: organizations, roles ...).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Extract accounts again even when their text is unchanged, replacing what is stored "
    "(after editing the lexicon or upgrading the extractor).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for extraction (default: the cores available; 1 runs in this process).",
)
def ingest(
    paths: tuple[Path, ...], out: Path | None, no_store: bool, lexicon: Path | None, force: bool, jobs: int | None
) -> None:
    """Read accounts from PATHS (files or folders) and build the graph.

    Folders are read recursively. Supported formats: {suffixes}. A plain-text
    account may open with a header of `Key: value` lines (Title, Author, Date,
    Source ...); HTML keeps the article's main text; PDF its text layer.

    Every node and relationship keeps its evidence (account, span, verbatim
    quote, status). Re-ingesting an unchanged account changes nothing; a
    changed account (different text) replaces its old evidence, and whatever no
    account supports any more is dropped. The whole graph is validated before
    anything is written, so bad input never leaves the store half-written.

    A file that cannot be read is reported on one line naming it; the other
    files still go in, and the command exits with status 1. An account that
    does not read as English goes in with a note saying so: the extractor's
    rules are English, so it gives few nodes.
    """
    from graph.interchange import write_document
    from graph.errors import InputError
    from ingest.extract.entities.vocabulary import vocabulary
    from ingest.lexicon import load_lexicon
    from ingest.pipeline import ingest as run_ingest

    extended = load_lexicon(lexicon)
    try:
        vocabulary(extended)  # a lexicon that cannot compile is one error, before any account is read
    except InputError as exc:
        raise InputError(exc.message, where=str(lexicon) if lexicon is not None else exc.where) from None
    show = True  # tqdm on stderr when it is a terminal; stdout keeps only the summary
    if no_store:
        report = run_ingest(paths, store=None, lexicon=extended, jobs=jobs, show_progress=show)
        totals = None
    else:
        from graph.store import open_store

        with open_store() as store:
            report = run_ingest(
                paths,
                store=store,
                lexicon=extended,
                jobs=jobs,
                full_document=out is not None,
                force=force,
                show_progress=show,
            )
            stats = store.stats()
            totals = (stats.total_nodes, stats.total_relationships)
    if out is not None:
        write_document(report.document, out)
    for line in _summary(report, totals):
        click.echo(line)
    if out is not None:
        click.echo(f"wrote {out}")
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
    for failure in report.failures:
        click.echo(f"error: {failure.line()}", err=True)
    if report.failures:
        sys.exit(1)


ingest.help = (ingest.help or "").replace("{suffixes}", ", ".join(supported_suffixes()))

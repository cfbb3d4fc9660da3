"""``tgraph evaluate``: score an ingest against the gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from graph.errors import InputError
from graph.model import AccountRecord, sha256_text

__all__ = ["evaluate"]

_DIR = click.Path(exists=False, file_okay=False, path_type=Path)
_FILE = click.Path(dir_okay=False, path_type=Path)


def _progress(accounts: Sequence[AccountRecord]):
    from tqdm import tqdm

    return tqdm(accounts, desc="extracting", unit="account", leave=False)


@click.command()
@click.option("--gold", "gold_dir", required=True, type=_DIR,
              help="Directory of gold annotations, one <account>.yaml per account.")
@click.option("--texts", "texts_dir", required=True, type=_DIR,
              help="Directory holding the text of every gold account (<account>.txt, or .md/.html/.pdf).")
@click.option("--prediction", type=_FILE, default=None,
              help="Score this interchange JSON document instead of running the extractor.")
@click.option("--from-store", is_flag=True,
              help="Score what the configured store (TGRAPH_HOME / TGRAPH_GRAPH or Neo4j) holds instead of running the extractor.")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A lexicon file extending the built-in one, for the extractor run.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as a JSON document (with per-account detail).")
@click.option("--details", is_flag=True,
              help="After the table, list per account the gold nodes and relationships missed and the predicted ones with no gold match.")
def evaluate(
    gold_dir: Path,
    texts_dir: Path,
    prediction: Path | None,
    from_store: bool,
    lexicon: Path | None,
    as_json: bool,
    details: bool,
) -> None:
    """Score an ingest against hand-made gold annotations (SCHEMA.md, "How a
    prediction is scored").

    By default the extractor runs afresh (no store) over every account that has
    a gold file; --prediction scores an interchange document and --from-store
    the configured store instead. Reported: precision, recall and F1 per label
    and per relationship type with micro averages, kind and status agreement,
    the share of evidence that is verbatim, and whether gold ids shared by
    several accounts landed on one predicted node.
    """
    from ingest.evaluate.corpus import evaluate as score_corpus
    from ingest.evaluate.report import format_details, format_json, format_table
    from ingest.evaluate import sources

    if prediction is not None and from_store:
        raise click.UsageError("give --prediction or --from-store, not both")
    if lexicon is not None and (prediction is not None or from_store):
        raise click.UsageError("--lexicon applies to the extractor run, not to --prediction or --from-store")
    golds = sources.load_golds(gold_dir)
    accounts = sources.load_accounts(texts_dir, golds)
    texts = {a.id: a.text or "" for a in accounts}
    if prediction is not None:
        document = sources.read_prediction(prediction)
    elif from_store:
        document = sources.prediction_from_store([g.account for g in golds])
    else:
        document = sources.run_extractor(accounts, lexicon, _progress)
    source = str(prediction) if prediction else ("store" if from_store else "extractor")
    gold_ids = set(texts)
    if (document.nodes or document.relationships) and not any(
        e.account in gold_ids for item in (*document.nodes, *document.relationships) for e in item.evidence
    ):
        raise InputError(
            "the prediction has no evidence in any gold account; are its account ids the gold file stems?",
            where=source,
        )
    for account in document.accounts:
        if account.id in gold_ids:
            if account.sha256 and account.sha256 != sha256_text(texts[account.id]):
                # Offsets then refer to another text: grounding and overlaps will suffer.
                click.echo(
                    f"warning: {source}: account {account.id} was made from a different text than "
                    f"the one in {texts_dir} (sha256 differs); spans are scored against {texts_dir}",
                    err=True,
                )
        elif account.text is not None:
            texts[account.id] = account.text  # grounding checks every text the prediction brings
    score = score_corpus(golds, texts, document)
    if as_json:
        click.echo(format_json(score))
        return
    click.echo(format_table(score))
    if details:
        click.echo(format_details(score))

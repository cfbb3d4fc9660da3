"""Where the evaluation's inputs come from: gold files, account texts, and the
prediction (the extractor run afresh, an interchange document, or the store)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from graph.errors import InputError, TestimonyGraphError
from graph.interchange import read_document
from graph.model import AccountRecord, GraphDocument, merge_documents, normalise_text
from ingest.gold import GoldAccount, check_gold, load_gold_dir

__all__ = ["load_golds", "load_accounts", "run_extractor", "read_prediction", "prediction_from_store"]

Progress = Callable[[Sequence[AccountRecord]], Iterable[AccountRecord]]

# Preferred first when several files share an account's stem.
_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


def load_golds(directory: Path) -> list[GoldAccount]:
    """Every ``*.yaml`` gold file in ``directory``, each checked against the contract."""
    if not directory.is_dir():
        raise InputError("no such directory of gold annotations", where=str(directory))
    golds = load_gold_dir(directory)
    if not golds:
        raise InputError("no gold annotations (*.yaml) here", where=str(directory))
    for gold in golds:
        check_gold(gold)
        if gold.path is not None and gold.path.stem != gold.account:
            # The file stem names the text to read; the two must agree.
            raise InputError(f"the file is named {gold.path.stem} but annotates account {gold.account}", where=str(gold.path))
    return golds


def _text_file(directory: Path, account: str) -> Path:
    for suffix in _SUFFIXES:
        candidate = directory / f"{account}{suffix}"
        if candidate.is_file():
            return candidate
    raise InputError(
        "missing text: a gold file names this account but no text of it is here", where=str(directory / f"{account}.txt")
    )


def _load(path: Path, account: str) -> AccountRecord:
    try:
        from ingest.load import load_account
    except ImportError:  # the loaders are optional for plain text
        load_account = None
    if load_account is not None:
        record = load_account(path)
        # The gold file's account id is the one the scoring uses.
        return record if record.id == account else replace(record, id=account)
    if path.suffix != ".txt":
        raise InputError("only plain-text accounts can be read without ingest.load", where=str(path))
    try:
        text = normalise_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the account: {exc}", where=str(path)) from None
    return AccountRecord.from_text(account, text, title=account)


def load_accounts(directory: Path, golds: Sequence[GoldAccount]) -> list[AccountRecord]:
    """The account of every gold file, read from ``directory`` (account id = file stem)."""
    if not directory.is_dir():
        raise InputError("no such directory of account texts", where=str(directory))
    return [_load(_text_file(directory, gold.account), gold.account) for gold in golds]


def run_extractor(accounts: Sequence[AccountRecord], lexicon_path: Path | None, progress: Progress | None = None) -> GraphDocument:
    """What the extractor finds in each account, merged into one document (no store)."""
    from ingest.extract import extract
    from ingest.lexicon import load_lexicon

    lexicon = load_lexicon(lexicon_path) if lexicon_path else load_lexicon()
    documents = []
    steps = progress(accounts) if progress else accounts
    try:
        for account in steps:
            documents.append(extract(account, lexicon))
    except ImportError as exc:
        # The extractor's stages land one by one; say so rather than print a traceback.
        raise TestimonyGraphError(
            f"the extractor is not complete ({exc}); score a document with --prediction instead",
            where="ingest.extract",
        ) from None
    finally:
        close = getattr(steps, "close", None)
        if close:
            close()  # clear the progress bar before any error line
    return merge_documents(*documents)


def read_prediction(path: Path) -> GraphDocument:
    """An interchange document, read without validation so that grounding can be
    measured rather than refused."""
    return read_document(path, validate=False)


def prediction_from_store(account_ids: Sequence[str]) -> GraphDocument:
    """What the configured store holds about these accounts."""
    from graph.store import open_store
    from ingest.evaluate.from_store import read_graph

    with open_store() as store:
        return read_graph(store, account_ids)

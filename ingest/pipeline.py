"""The ingest pipeline: files in, a validated graph out, written if a store is given.

A chain of small typed stages::

    discover -> load -> classify -> extract -> check -> merge -> validate -> write

* discover (:mod:`ingest.discover`): files and folders to a sorted list of files.
* load (:mod:`ingest.load`): each file to an account (normalised text, metadata).
* classify: against the store, each account is new, changed (its sha256 differs
  from the stored one) or unchanged. Unchanged accounts are not written again.
* extract (:mod:`ingest.parallel`): each account's graph, in parallel, in order.
* check: each account's graph against the contract on its own, so one bad
  account is reported and left out instead of sinking the run.
* merge: one document; identity across accounts comes from deterministic ids.
* validate: the whole document against the contract and the store, before the
  first write, so bad input never leaves the store half-written.
* write: a changed account's old evidence is removed (with whatever no other
  account still supports), then the document is written.

Failures of single files are collected, never raised: the run goes on with the
other files and the caller decides the exit status.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Literal, Sequence

from tqdm import tqdm

from graph import errors  # the module, so pytest does not mistake TestimonyGraphError for a test class
from graph.model import AccountRecord, GraphDocument, merge_documents
from graph.store import GraphStore, WriteReport
from graph.validate import validate_document
from ingest.discover import Failure, discover
from ingest.language import reads_as_english
from ingest.lexicon import Lexicon, load_lexicon
from ingest.load import load_account
from ingest.parallel import extract_all

__all__ = [
    "AccountStatus",
    "IngestReport",
    "Failure",
    "discover",
    "load_all",
    "classify",
    "check_each",
    "ingest",
    "ingest_accounts",
    "ingest_document",
]

AccountStatus = Literal["new", "changed", "unchanged"]


@dataclass
class IngestReport:
    """What a run did: the document it built, each account's fate, and every failure."""

    document: GraphDocument = field(default_factory=GraphDocument)
    statuses: dict[str, AccountStatus] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    written: WriteReport | None = None
    # Seconds spent per stage, for the benchmark and for anyone asking where time goes.
    timings: dict[str, float] = field(default_factory=dict)
    # Things worth telling the user that are no failure ("this account is not in English").
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, status: AccountStatus) -> int:
        return sum(1 for s in self.statuses.values() if s == status)

    def nodes_by_label(self) -> dict[str, int]:
        return dict(sorted(Counter(n.label for n in self.document.nodes).items()))

    def relationships_by_type(self) -> dict[str, int]:
        return dict(sorted(Counter(r.type for r in self.document.relationships).items()))


@contextmanager
def _bar(desc: str, total: int, show: bool) -> Iterator[tqdm]:
    # disable=None: tqdm draws only on a terminal, so logs and pipes get no carriage-return noise.
    bar = tqdm(total=total, desc=desc, unit="", file=sys.stderr, disable=None if show and total else True, leave=False)
    try:
        yield bar
    finally:
        bar.close()


def load_all(files: Sequence[Path], show_progress: bool = False) -> tuple[list[tuple[Path, AccountRecord]], list[Failure]]:
    """Each file as an account; a file that cannot be read becomes a failure naming it."""
    loaded: list[tuple[Path, AccountRecord]] = []
    failures: list[Failure] = []
    owner: dict[str, Path] = {}
    with _bar("load", len(files), show_progress) as bar:
        for path in files:
            try:
                account = load_account(path)
            except errors.TestimonyGraphError as exc:
                failures.append(Failure(exc.where or str(path), exc.message))
            else:
                if account.id in owner:
                    failures.append(
                        Failure(str(path), f"account id {account.id!r} is already taken by {owner[account.id]}; rename one of them")
                    )
                else:
                    owner[account.id] = path
                    loaded.append((path, account))
            bar.update(1)
    return loaded, failures


def classify(accounts: Iterable[AccountRecord], store: GraphStore | None) -> dict[str, AccountStatus]:
    """New, changed or unchanged, by the sha256 of the text the store already holds."""
    accounts = list(accounts)
    if store is not None:
        # A brand-new graph does not exist until something creates it, and the
        # embedded engine refuses reads on it; the schema (indexes) creates it.
        store.ensure_schema()
    stored = store.accounts_by_id(a.id for a in accounts) if store is not None and accounts else {}
    statuses: dict[str, AccountStatus] = {}
    for account in accounts:
        previous = stored.get(account.id)
        if previous is None:
            statuses[account.id] = "new"
        elif previous.sha256 == account.sha256:
            statuses[account.id] = "unchanged"
        else:
            statuses[account.id] = "changed"
    return statuses


def check_each(documents: Sequence[GraphDocument], files: dict[str, Path]) -> tuple[list[GraphDocument], list[Failure]]:
    """Keep the account graphs that pass the contract on their own; report the others."""
    good: list[GraphDocument] = []
    failures: list[Failure] = []
    for document in documents:
        account = document.accounts[0]
        try:
            validate_document(document)
        except errors.ValidationError as exc:
            where = str(files.get(account.id, account.id))
            failures.append(Failure(where, f"extraction produced a graph that breaks the contract ({exc}); the account was left out"))
        else:
            good.append(document)
    return good, failures


def ingest(
    paths: Iterable[str | Path],
    *,
    store: GraphStore | None = None,
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    full_document: bool = False,
    force: bool = False,
    show_progress: bool = False,
) -> IngestReport:
    """Run the whole pipeline over files and folders.

    Without a store, every account is new and the report's document holds the
    graph of all of them. With a store, new and changed accounts are written
    and unchanged ones are skipped (not even extracted, unless ``full_document``
    asks for a document holding every account of the run, as ``--out`` does).
    ``force`` treats unchanged accounts as changed: they are extracted again
    and replace what is stored (after a lexicon or extractor change).
    A failure in the final validation raises and nothing is written.
    """
    started = time.perf_counter()
    files, failures = discover(paths)
    loaded, load_failures = load_all(files, show_progress)
    load_seconds = time.perf_counter() - started
    report = ingest_accounts(
        loaded,
        store=store,
        lexicon=lexicon,
        jobs=jobs,
        full_document=full_document,
        force=force,
        show_progress=show_progress,
        failures=failures + load_failures,
    )
    report.timings = {"load": load_seconds, **report.timings}
    return report


def ingest_accounts(
    loaded: Sequence[tuple[Path, AccountRecord]],
    *,
    store: GraphStore | None = None,
    lexicon: Lexicon | None = None,
    jobs: int | None = None,
    full_document: bool = False,
    force: bool = False,
    show_progress: bool = False,
    failures: Sequence[Failure] = (),
) -> IngestReport:
    """The pipeline from loaded accounts on (the benchmark enters here too)."""
    report = IngestReport(failures=list(failures), files={a.id: p for p, a in loaded})
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.timings[stage] = report.timings.get(stage, 0.0) + now - clock
        clock = now

    accounts = [a for _, a in loaded]
    report.statuses = classify(accounts, store)
    if force:
        report.statuses = {k: "changed" if v == "unchanged" else v for k, v in report.statuses.items()}
    lap("classify")
    wanted = [a for a in accounts if full_document or report.statuses[a.id] != "unchanged"]
    for account in wanted:
        if not reads_as_english(account.text or ""):
            report.notices.append(
                f"{report.files.get(account.id, account.id)}: the text does not read as English; the extractor's "
                "rules are English, so expect few nodes (translate the account to get a full graph)")
    lexicon = lexicon if lexicon is not None else load_lexicon()
    with _bar("extract", len(wanted), show_progress) as bar:
        outcomes = extract_all(wanted, lexicon, jobs, bar.update)
    lap("extract")
    documents: list[GraphDocument] = []
    for account, outcome in zip(wanted, outcomes):
        if isinstance(outcome, str):
            report.failures.append(Failure(str(report.files.get(account.id, account.id)), outcome))
        else:
            documents.append(outcome)
    documents, bad = check_each(documents, report.files)
    report.failures.extend(bad)
    failed = {a.id for a in wanted} - {d.accounts[0].id for d in documents}
    for account_id in failed:
        report.statuses.pop(account_id, None)
    report.document = merge_documents(*documents)
    lap("check and merge")
    if store is not None:
        report.written = ingest_document(report, documents, store, show_progress, report.document)
    return report


def ingest_document(
    report: IngestReport,
    documents: Sequence[GraphDocument],
    store: GraphStore,
    show_progress: bool = False,
    merged: GraphDocument | None = None,
) -> WriteReport:
    """Validate the accounts to write against the store, then replace changed ones and write.

    ``merged`` is ``documents`` already merged, if the caller has it.
    """
    to_write = [d for d in documents if report.statuses.get(d.accounts[0].id) in ("new", "changed")]
    if merged is not None and len(to_write) == len(documents):
        document = merged  # everything is new or changed: already merged
    else:
        document = merge_documents(*to_write) if to_write else GraphDocument()
    started = time.perf_counter()
    store.validate(document)  # everything, before the first write
    report.timings["validate"] = time.perf_counter() - started
    started = time.perf_counter()
    changed = [d.accounts[0].id for d in to_write if report.statuses[d.accounts[0].id] == "changed"]
    total = len(document.accounts) + len(document.nodes) + len(document.relationships) + len(changed)
    with _bar("write", total, show_progress) as bar:
        for account_id in changed:
            store.remove_account(account_id)
            bar.update(1)
        written = store.write_document(document, validate=False, progress=bar.update) if document.accounts else WriteReport()
    report.timings["write"] = time.perf_counter() - started
    return written

"""The extract stage over many accounts: a process pool when it pays.

Extraction is pure Python and CPU-bound, so threads would not help; worker
processes do. Results come back in the order of the accounts given, whatever
order the workers finish in, so a run is deterministic. An account whose
extraction raises is reported as a failure and the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

from graph.model import AccountRecord, GraphDocument
from ingest.lexicon import Lexicon

__all__ = ["extract_all", "available_cores", "Outcome"]

# Either the account's graph or the reason extraction failed (one line).
Outcome = GraphDocument | str

_worker_lexicon: Lexicon | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon


def _extract_one(account: AccountRecord, lexicon: Lexicon | None = None) -> Outcome:
    from ingest.extract import extract

    try:
        return extract(account, lexicon if lexicon is not None else _worker_lexicon)
    except Exception as exc:  # an extractor bug must not sink the other accounts
        return f"extraction failed ({type(exc).__name__}: {exc}); the account was left out"


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork shares the already-imported code and lexicon with the workers for free;
    # elsewhere the platform default works, only slower to start.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def extract_all(
    accounts: Sequence[AccountRecord],
    lexicon: Lexicon,
    jobs: int | None = None,
    advance: Callable[[int], object] | None = None,
) -> list[Outcome]:
    """One outcome per account, in the accounts' order.

    ``jobs`` is the number of worker processes (default: the cores available);
    with one job or one account everything runs in this process.
    """
    jobs = jobs or available_cores()
    workers = min(jobs, len(accounts))
    if workers <= 1:
        outcomes = []
        for account in accounts:
            outcomes.append(_extract_one(account, lexicon))
            if advance:
                advance(1)
        return outcomes
    # Chunks amortise pickling; small enough that the progress bar still moves.
    chunksize = max(1, min(16, len(accounts) // (workers * 8)))
    outcomes = []
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(lexicon,)) as pool:
        for outcome in pool.map(_extract_one, accounts, chunksize=chunksize):
            outcomes.append(outcome)
            if advance:
                advance(1)
    return outcomes

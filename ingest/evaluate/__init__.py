"""Evaluation: score an ingest against the gold annotations (``tgraph evaluate``).

One job per module: :mod:`names` (name normalisation), :mod:`spans` (quote
location and overlap), :mod:`matching` (one-to-one node matching),
:mod:`scoring` (one account), :mod:`grounding` and :mod:`identity` (corpus-wide
checks), :mod:`corpus` (summing up), :mod:`report` (table and JSON),
:mod:`sources` and :mod:`from_store` (inputs), :mod:`cli` (the command).

>>> from ingest.evaluate import evaluate, CorpusScore
"""

from __future__ import annotations

from ingest.evaluate.corpus import CorpusScore, evaluate

__all__ = ["evaluate", "CorpusScore"]

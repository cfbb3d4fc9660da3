"""Extraction: one account's text in, nodes and relationships out.

Pure and deterministic: no store, no network, no randomness. Two stages:
:mod:`ingest.extract.entities` finds who and what (people, organisations,
branches, bodies, factions, roles, the narrator) and their structure;
:mod:`ingest.extract.occurrences` finds what happened (incidents, responses,
events) and ties them to the entities. Ids are deterministic, so the same
organisation told by two accounts lands on one node.
"""

from __future__ import annotations

from graph.model import AccountRecord, GraphDocument, merge_documents
from ingest.extract.bystanders import without_bystanders
from ingest.extract.descriptions import with_whole_descriptions
from ingest.lexicon import Lexicon, load_lexicon

__all__ = ["extract"]


def extract(account: AccountRecord, lexicon: Lexicon | None = None) -> GraphDocument:
    """The graph one account supports. ``account.text`` must be its normalised text."""
    from ingest.extract.entities import extract_entities
    from ingest.extract.occurrences import extract_occurrences

    if account.text is None:
        raise ValueError(f"account {account.id} has no text to extract from")
    lexicon = lexicon if lexicon is not None else load_lexicon()
    entities = extract_entities(account, lexicon)
    occurrences = extract_occurrences(account, entities, lexicon)
    document = GraphDocument(
        accounts=(account,),
        nodes=tuple(entities.nodes) + tuple(occurrences.nodes),
        relationships=tuple(entities.relationships) + tuple(occurrences.relationships),
    )
    # Stages may report the same node or edge twice; merging unions the evidence.
    return with_whole_descriptions(without_bystanders(merge_documents(document)))

"""A described person's whole description, kept as an alias.

The entity stage names a person known only by a description by its head
("a member of the BL", "a friend who was in the committee group"); a reader
quoting the account names them by the whole phrase up to the clause's end
("a member of the BL whose name he did not wish to give"). Both are kept,
so a search or a comparison by either finds the one person.
"""

from __future__ import annotations

import dataclasses
import re

from graph.model import GraphDocument, Node

__all__ = ["is_described", "with_whole_descriptions"]

_DESCRIPTION = re.compile(r"(?i)^(?:a|an|another|the|our|my|someone|somebody|one)\b")
# Where a description's telling ends: a stop, a dash, a bracket or a line break.
_CLAUSE_END = re.compile(r"[,.;:!?()\[\]—–\n]")
# Beyond this many more words the phrase has run into the main clause.
_MAX_EXTRA_WORDS = 8


def is_described(node: Node) -> bool:
    """A person the account knows only by a description ("a member of the BL")."""
    return node.label == "Person" and node.properties.get("identity") == "pseudonym" \
        and _DESCRIPTION.match(node.name) is not None


def with_whole_descriptions(document: GraphDocument) -> GraphDocument:
    texts = {a.id: a.text or "" for a in document.accounts}
    nodes = []
    changed = False
    for node in document.nodes:
        if not is_described(node):
            nodes.append(node)
            continue
        aliases = list(node.aliases)
        for evidence in node.evidence:
            text = texts.get(evidence.account, "")
            if text[evidence.start:evidence.end] != evidence.quote or evidence.quote.lower() != node.name.lower():
                continue
            stop = _CLAUSE_END.search(text, evidence.end)
            whole = text[evidence.start:stop.start() if stop else len(text)].strip()
            extra = len(whole.split()) - len(evidence.quote.split())
            if 0 < extra <= _MAX_EXTRA_WORDS and whole not in aliases:
                aliases.append(whole)
        if len(aliases) != len(node.aliases):
            changed = True
            node = dataclasses.replace(node, aliases=tuple(aliases))
        nodes.append(node)
    return dataclasses.replace(document, nodes=tuple(nodes)) if changed else document

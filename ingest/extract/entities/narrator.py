"""The narrator: who wrote the account, and where the text says "I".

The name comes from the header's ``Author:`` (or the account's ``author``
property), else from a signature line at the end, else the narrator is the
pseudonym "the author", local to the account.
"""

from __future__ import annotations

import re

from graph.model import AccountRecord, make_id
from ingest.extract.entities.collector import Collector
from ingest.extract.entities.names import NAME_TOKEN, NameContext

__all__ = ["header_end", "find_narrator", "author_from_header"]

_HEADER_LINE = re.compile(r"^[A-Z][A-Za-z ]{1,20}:\s.*$")
_AUTHOR = re.compile(r"^Author:\s*(?P<name>.+?)\s*$", re.MULTILINE)
_SIGNATURE = re.compile(
    rf"^\s*(?:[-–—]\s*)?(?P<name>{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|[A-Z]\.?))+)(?:\s*\([^)\n]{{1,40}}\))?\s*$", re.MULTILINE
)
_MY_NAME = re.compile(rf"\b(?:[Mm]y name is|I am called|I'm called)\s+(?P<name>{NAME_TOKEN}(?:[^\S\n]+(?:{NAME_TOKEN}|[A-Z]\.?(?![\w’'-]))){{1,2}})")
_FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|me|my|My|myself|mine)(?![\w-])|(?<![\w’'-])I(?=[’']m|[’']ve|[’']d|[’']ll)")
_SIGN_OFF = re.compile(r"(?:^|\n)\s*(?:In solidarity|Solidarity|Sincerely|Regards|Best|Comradely|Yours)[^\n]{0,20}\n\s*", re.IGNORECASE)


def header_end(text: str) -> int:
    """Where the title and ``Key: value`` header lines end (the title line at least)."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    offset = 0
    for line in text.splitlines(keepends=True):
        if _HEADER_LINE.match(line.rstrip("\n")) or (offset == 0):
            offset += len(line)
            end = max(end, offset)
            continue
        if not line.strip():
            offset += len(line)
            continue
        break
    return end


def author_from_header(account: AccountRecord, text: str) -> str | None:
    author = account.properties.get("author")
    if author:
        return str(author).strip()
    m = _AUTHOR.search(text[: header_end(text) + 1])
    return m.group("name") if m else None


def find_narrator(c: Collector, account: AccountRecord, names: NameContext, body_end: int, head_end: int = 0) -> str:
    """Create the narrator node, AUTHORED and first-person mentions; return its id."""
    text = c.text
    author = author_from_header(account, text)
    evidence_span: tuple[int, int] | None = None
    if author:
        at = text.find(author)
        evidence_span = (at, at + len(author)) if at >= 0 else None
    if author is None:
        # "My name is Marguerite Dufresne." early in the body.
        m = _MY_NAME.search(text, 0, body_end)
        if m:
            author = m.group("name")
            evidence_span = (m.start("name"), m.end("name"))
    if author is None:
        # A signature line near the end of the body ("Ben S (Atlanta)").
        tail_start = max(0, body_end - 600)
        signatures = list(_SIGNATURE.finditer(text, tail_start, body_end))
        if signatures:
            m = signatures[-1]
            author = m.group("name")
            evidence_span = (m.start("name"), m.end("name"))
    if author:
        node_id = names.ids.get(author) or make_id("Person", author)
        identity = "partial" if re.search(r"\s[A-Z]\.?$", author) else "named"
        draft = c.node(node_id, "Person", author, {"identity": identity})
    else:
        node_id = make_id("Person", c.account_id, "the author")
        draft = c.node(node_id, "Person", "the author", {"identity": "pseudonym"})
    if evidence_span is not None:
        c.mention(draft, *evidence_span)
    # Every occurrence of the name is a mention; the first few are evidence.
    if author:
        for m in re.finditer(re.escape(author), text):
            c.mention(draft, m.start(), m.end(), generic=True)
    # The title's "I" ("Why I Left") is the narrator too, but the header's lines are not prose.
    first = [m for m in _FIRST_PERSON.finditer(text, 0, body_end) if m.start() >= head_end or not _AUTHOR.match(text, text.rfind("\n", 0, m.start()) + 1)]
    for i, m in enumerate(first):
        # A couple of first-person mentions as evidence, so even an anonymous narrator has some.
        c.mention(draft, m.start(), m.end(), evidence=(i < 2 and not draft.evidence) or (i == 0 and evidence_span is None), alias=False)
    if not draft.evidence and first:
        c.mention(draft, first[0].start(), first[0].end(), alias=False)
    _greeting_alias(c, draft.id, body_end)
    c.narrator_id = node_id
    span = evidence_span or ((first[0].start(), first[0].end()) if first else None)
    if span is not None:
        c.relate("AUTHORED", node_id, account.id, *span)
    return node_id


_GREETING = re.compile(rf"(?:^|\n)[\s\d.•*-]*(?:Hi|Hello|Hey|Dear)\s+(?P<handle>(?:{NAME_TOKEN}|[a-z]+)(?:\s+(?:{NAME_TOKEN}|[a-z]+))?)\s*[–—,.!-]")


def _greeting_alias(c: Collector, narrator_id: str, body_end: int) -> None:
    """In a blog's comments, "Hi Trot Watcher" addresses the author by their handle."""
    if body_end >= len(c.text):
        return
    handles: dict[str, tuple[int, int]] = {}
    for m in _GREETING.finditer(c.text, body_end):
        handle = m.group("handle")
        if handle.lower() in ("there", "all", "everyone", "comrades", "comrade", "friends", "again", "sir", "madam"):
            continue
        handles.setdefault(handle.lower(), (m.start("handle"), m.end("handle")))
    for start, end in handles.values():
        c.mention(c.nodes[narrator_id], start, end)

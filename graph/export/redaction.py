"""Redaction: share a graph without exposing survivors and private individuals.

Modes (the default for exports is ``survivors``):

- ``none``: nothing changes.
- ``survivors``: every person who is the target of an incident (TARGET_OF).
- ``private``: those, and everyone who holds no role in a leadership body
  (no HOLDS_ROLE to a Role that is ROLE_IN a LeadershipBody, and no MEMBER_OF
  a LeadershipBody).
- ``all``: every person.

A protected person becomes ``Person 3f9a2c`` with id ``person:redacted-3f9a2c``
(a keyed hash of the id, see :mod:`graph.export.pseudonyms`), and loses the
aliases. Their names and aliases are replaced by the pseudonym everywhere else
too: other names and aliases, string properties, ids that contain them, account
titles and texts, and evidence quotes. For named and partly named people the
capitalised words of their names (a first name said alone) are replaced as well,
except where they are part of an unprotected person's full name.

Offsets stay meaningful: an account's text is redacted once and every span is
mapped onto the redacted text (a span that cut a name grows to the whole
pseudonym), so ``quote == text[start:end]`` still holds in the exported
document and it still validates. Where the account's text is not in the
document the quote is redacted by itself and the offsets keep referring to the
original text. Every item or account that was changed carries
``redacted: true`` among its properties; redacted accounts get a fresh sha256
and length.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from graph.cypher import export as statements
from graph.errors import InputError
from graph.collector import collector_paused
from graph.model import AccountRecord, Evidence, GraphDocument, Node, Relationship, sha256_text, slugify
from graph.export.namematch import NameMatcher, OffsetMap, words
from graph.export.pseudonyms import pseudonym, pseudonym_id, pseudonym_tag

__all__ = ["MODES", "DEFAULT_MODE", "PersonFacts", "facts_from_document", "facts_from_store", "protected_ids", "redact"]

MODES = ("none", "survivors", "private", "all")
DEFAULT_MODE = "survivors"

# Capitalised words that are too common to stand for a person by themselves.
_COMMON_WORDS = {
    "the", "and", "for", "but", "not", "our", "his", "her", "their", "comrade", "comrades",
    "member", "members", "mr", "mrs", "ms", "dr", "person",
}


@dataclass
class PersonFacts:
    """What redaction needs to know about the people: names and two relations."""

    people: dict[str, tuple[str, tuple[str, ...], str]] = field(default_factory=dict)  # id -> name, aliases, identity
    targets: set[str] = field(default_factory=set)
    leaders: set[str] = field(default_factory=set)
    #: id -> the person's evidence (their mentions): account, start, end, quote
    mentions: dict[str, list[tuple[str, int, int, str]]] = field(default_factory=dict)

    def merge(self, other: "PersonFacts") -> "PersonFacts":
        mentions = {k: list(v) for k, v in other.mentions.items()}
        for pid, spans in self.mentions.items():
            mentions[pid] = list(dict.fromkeys([*mentions.get(pid, []), *spans]))
        return PersonFacts(
            {**other.people, **self.people}, self.targets | other.targets, self.leaders | other.leaders, mentions
        )


def facts_from_document(document: GraphDocument) -> PersonFacts:
    labels = {n.id: n.label for n in document.nodes}
    facts = PersonFacts(
        people={n.id: (n.name, n.aliases, str(n.properties.get("identity", ""))) for n in document.nodes if n.label == "Person"},
        mentions={
            n.id: [(e.account, e.start, e.end, e.quote) for e in n.evidence] for n in document.nodes if n.label == "Person"
        },
    )
    leadership_roles = {
        r.source for r in document.relationships if r.type == "ROLE_IN" and labels.get(r.target) == "LeadershipBody"
    }
    for rel in document.relationships:
        if rel.type == "TARGET_OF":
            facts.targets.add(rel.source)
        elif rel.type == "HOLDS_ROLE" and rel.target in leadership_roles:
            facts.leaders.add(rel.source)
        elif rel.type == "MEMBER_OF" and labels.get(rel.target) == "LeadershipBody":
            facts.leaders.add(rel.source)
    return facts


def facts_from_store(store: Any) -> PersonFacts:
    """The facts over the whole store: a selection may hold an account text that
    names a survivor whose node (or TARGET_OF edge) it does not hold."""
    run = store.backend.run_read
    rows = run(statements.PEOPLE)
    return PersonFacts(
        people={
            r["id"]: (r.get("name") or r["id"], tuple(r.get("aliases") or ()), str(r.get("identity") or ""))
            for r in rows
        },
        mentions={
            r["id"]: list(zip(r.get("ev_account") or [], r.get("ev_start") or [], r.get("ev_end") or [], r.get("ev_quote") or []))
            for r in rows
        },
        targets={r["id"] for r in run(statements.TARGETED_PEOPLE)},
        leaders={r["id"] for r in run(statements.PEOPLE_IN_LEADERSHIP_ROLES)}
        | {r["id"] for r in run(statements.PEOPLE_IN_LEADERSHIP_BODIES)},
    )


def protected_ids(facts: PersonFacts, mode: str) -> set[str]:
    """The ids of the people ``mode`` pseudonymises."""
    if mode not in MODES:
        raise InputError(f"unknown redaction mode; use one of {', '.join(MODES)}", where=mode)
    if mode == "none":
        return set()
    if mode == "all":
        return set(facts.people)
    protected = facts.targets & set(facts.people)
    if mode == "private":
        protected |= set(facts.people) - facts.leaders
    return protected


# A protected person's own evidence span is a mention of them, replaced whole
# even where word matching would miss it ("the perpetrator" cut out of "the
# perpetrators"), as long as it is short enough to be a mention, not a passage.
_MENTION_LENGTH = 60


def _is_mention(quote: str, names: Iterable[str]) -> bool:
    return len(quote) <= _MENTION_LENGTH or words(quote) in {words(n) for n in names}


def _name_words(name: str) -> list[str]:
    return [w for w in name.replace("(", " ").replace(")", " ").split() if len(w) >= 3 and w[:1].isupper() and w.isalpha() and w.lower() not in _COMMON_WORDS]


def _changed(old: Node | Relationship, new: Node | Relationship) -> bool:
    """Whether redaction changed what the item says (offsets shifting because a
    name earlier in the text was replaced does not count)."""
    # Field by field: dataclasses.replace per item cost seconds on 400,000 items.
    if isinstance(old, Node) and isinstance(new, Node):
        if (old.id, old.name, old.aliases) != (new.id, new.name, new.aliases):
            return True
    elif isinstance(old, Relationship) and isinstance(new, Relationship):
        if (old.source, old.target) != (new.source, new.target):
            return True
    if old.properties != new.properties:
        return True
    return any(a.quote != b.quote for a, b in zip(old.evidence, new.evidence)) or len(old.evidence) != len(new.evidence)


@dataclass
class _Redactor:
    secret: bytes
    protected: set[str]
    facts: PersonFacts
    text_matcher: NameMatcher = field(init=False)
    id_matcher: NameMatcher = field(init=False)
    mentions: dict[str, list[tuple[int, int, str]]] = field(init=False)  # account -> spans to replace
    mention_quotes: dict[tuple[str, int, int], str] = field(init=False)
    # The same ids and values come again and again (an id for every relationship
    # at it, a date or kind on thousands of items): each is matched once.
    _ids: dict[str, str] = field(init=False, default_factory=dict)
    _texts: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        people = self.facts.people
        self.mentions = {}
        self.mention_quotes = {}
        for pid in sorted(self.protected):
            label = pseudonym(self.secret, pid)
            for account, start, end, quote in self.facts.mentions.get(pid, ()):
                if _is_mention(quote, (people[pid][0], *people[pid][1])):
                    self.mentions.setdefault(account, []).append((start, end, label))
                    self.mention_quotes[(account, start, end)] = label
        full: list[tuple[str, str | None]] = []
        for pid in sorted(self.protected):
            name, aliases, _ = people[pid]
            full.extend((n, pseudonym(self.secret, pid)) for n in (name, *aliases))
        shields = [(n, None) for pid, (name, aliases, _) in people.items() if pid not in self.protected for n in (name, *aliases)]
        first_names = [
            (word, pseudonym(self.secret, pid))
            for pid in sorted(self.protected)
            if people[pid][2] in ("named", "partial", "")
            for n in (people[pid][0], *people[pid][1])
            for word in _name_words(n)
        ]
        self.text_matcher = NameMatcher.build([*full, *shields, *first_names])
        self.id_matcher = NameMatcher.build(
            (n, f"person-{pseudonym_tag(self.secret, pid)}")
            for pid in sorted(self.protected)
            for n in (people[pid][0], *people[pid][1])
            if len(slugify(n)) >= 4
        )

    # -- values -------------------------------------------------------------------------

    def text(self, value: str) -> str:
        found = self._texts.get(value)
        if found is None:
            found = self._texts[value] = self.text_matcher.replace(value)
        return found

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        return value

    def properties(self, props: Mapping[str, Any]) -> dict[str, Any]:
        return {k: self.value(v) for k, v in props.items()}

    def node_id(self, node_id: str) -> str:
        found = self._ids.get(node_id)
        if found is None:
            if node_id in self.protected:
                found = pseudonym_id(self.secret, node_id)
            else:
                found = self.id_matcher.replace(node_id) if self.id_matcher else node_id
            self._ids[node_id] = found
        return found

    def evidence(self, evidence: Iterable[Evidence], texts: Mapping[str, tuple[str, OffsetMap]]) -> tuple[Evidence, ...]:
        redacted = []
        for ev in evidence:
            if ev.account in texts:
                text, offsets = texts[ev.account]
                start, end = offsets.start(ev.start), offsets.end(ev.end)
                redacted.append(Evidence(ev.account, start, end, text[start:end], ev.status))
            else:
                quote = self.mention_quotes.get((ev.account, ev.start, ev.end)) or self.text(ev.quote)
                redacted.append(replace(ev, quote=quote))
        return tuple(redacted)

    # -- items -----------------------------------------------------------------------------

    def account(self, account: AccountRecord) -> tuple[AccountRecord, tuple[str, OffsetMap] | None]:
        props = self.properties(account.properties)
        title = self.text(account.title)
        mapped = None
        text = account.text
        if text is not None:
            text, offsets = self.text_matcher.replace_with_offsets(text, self.mentions.get(account.id, ()))
            mapped = (text, offsets)
        changed = title != account.title or props != account.properties or text != account.text
        if not changed:
            return account, mapped
        props["redacted"] = True
        sha, length = (sha256_text(text), len(text)) if text is not None else (account.sha256, account.length)
        return AccountRecord(account.id, title, sha, length, props, text), mapped

    def node(self, node: Node, texts: Mapping[str, tuple[str, OffsetMap]]) -> Node:
        evidence = self.evidence(node.evidence, texts)
        if node.id in self.protected:
            props = {k: v for k, v in self.properties(node.properties).items()}
            props["redacted"] = True
            return Node(self.node_id(node.id), node.label, pseudonym(self.secret, node.id), (), props, evidence)
        new = Node(
            self.node_id(node.id),
            node.label,
            self.text(node.name),
            tuple(dict.fromkeys(self.text(a) for a in node.aliases)),
            self.properties(node.properties),
            evidence,
        )
        if _changed(node, new):
            new = replace(new, properties={**new.properties, "redacted": True})
        return new

    def relationship(self, rel: Relationship, texts: Mapping[str, tuple[str, OffsetMap]]) -> Relationship:
        new = Relationship(
            rel.type,
            self.node_id(rel.source),
            self.node_id(rel.target),
            self.properties(rel.properties),
            self.evidence(rel.evidence, texts),
        )
        if _changed(rel, new):
            new = replace(new, properties={**new.properties, "redacted": True})
        return new


def redact(document: GraphDocument, mode: str, secret: bytes, store: Any | None = None) -> GraphDocument:
    """The document with the people ``mode`` protects pseudonymised everywhere.

    Pass ``store`` so that who to protect is decided on the whole graph (a
    selection may lack the TARGET_OF edge that makes someone a survivor, or hold
    an account text naming a person whose node it lacks); without it, on the
    document alone.
    """
    if mode == "none":
        return document
    with collector_paused():  # hundreds of thousands of new items beside the document
        facts = facts_from_document(document)
        if store is not None:
            facts = facts.merge(facts_from_store(store))
        protected = protected_ids(facts, mode)
        if not protected:
            return document
        redactor = _Redactor(secret, protected, facts)
        accounts: list[AccountRecord] = []
        texts: dict[str, tuple[str, OffsetMap]] = {}
        for account in document.accounts:
            redacted, mapped = redactor.account(account)
            accounts.append(redacted)
            if mapped is not None:
                texts[account.id] = mapped
        nodes = tuple(redactor.node(n, texts) for n in document.nodes)
        rels = tuple(redactor.relationship(r, texts) for r in document.relationships)
        return GraphDocument(tuple(accounts), nodes, rels)

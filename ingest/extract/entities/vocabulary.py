"""The lexicon compiled for the entity stage: entries, alias tables and regexes.

Compiling is the slow part (a few milliseconds), so it is done once per lexicon
object and cached; extraction itself is dictionary look-ups and compiled regexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.errors import InputError
from ingest.lexicon import Lexicon

__all__ = ["OrgEntry", "BodyEntry", "RoleEntry", "Vocabulary", "vocabulary", "alternation"]


@dataclass(frozen=True)
class OrgEntry:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    part_of: str | None


@dataclass(frozen=True)
class BodyEntry:
    name: str
    kind: str
    forms: tuple[str, ...]
    acronyms: tuple[str, ...]


@dataclass(frozen=True)
class RoleEntry:
    title: str
    scope: str
    body: str | None
    forms: tuple[str, ...]
    needs_holder: bool


@dataclass
class Vocabulary:
    orgs: dict[str, OrgEntry]  # canonical name -> entry
    org_alias: dict[str, list[str]]  # surface form -> canonical names (several = ambiguous)
    org_pattern: re.Pattern[str]
    union_local_pattern: re.Pattern[str] | None
    country_of_word: dict[str, str]  # "Canadian" -> "Canada"
    country_pattern: re.Pattern[str]
    sections_by_country: dict[tuple[str, str], str]  # (international, country) -> section name
    bodies: list[BodyEntry]
    body_of_form: dict[str, BodyEntry]
    body_pattern: re.Pattern[str]
    body_acronym_pattern: re.Pattern[str]
    roles: list[RoleEntry]
    role_of_form: dict[str, RoleEntry]
    role_pattern: re.Pattern[str]
    plural_role_forms: frozenset[str]
    qualifiers: tuple[str, ...]
    branch_kinds: tuple[str, ...]
    branch_words: tuple[str, ...]
    head_first_branch_words: tuple[str, ...]
    place_branch_words: tuple[str, ...]
    generic_body_pattern: re.Pattern[str]
    generic_body_heads: tuple[str, ...]
    generic_body_kinds: tuple[tuple[str, frozenset[str]], ...]
    area_words: tuple[str, ...]
    faction_heads: tuple[str, ...]
    people: dict[str, Any] = field(default_factory=dict)
    not_name_words: frozenset[str] = frozenset()
    place_first_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    thing_words: frozenset[str] = frozenset()
    comment_markers: tuple[re.Pattern[str], ...] = ()
    calendar_words: frozenset[str] = frozenset()  # months and seasons, lower case


def alternation(forms: list[str] | tuple[str, ...], flags: int = 0, word: bool = True) -> re.Pattern[str]:
    """One regex matching any of ``forms``, longest first, on word boundaries."""
    ordered = sorted({f for f in forms if f}, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in ordered) or r"(?!x)x"
    if word:
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)
    return re.compile(f"(?:{body})", flags)


class _GenericBodies(NamedTuple):
    pattern: re.Pattern[str]
    heads: tuple[str, ...]
    kinds: tuple[tuple[str, frozenset[str]], ...]


def _generic_bodies(section: dict[str, Any], body_acronyms: list[str]) -> _GenericBodies:
    """A pattern for bodies the lexicon does not name: modifiers then a head
    ("Standing Committee", "complaints and disputes unit"), its head nouns, and the kind each modifier gives."""
    kinds = tuple((str(kind), frozenset(str(m).lower() for m in words or ())) for kind, words in (section.get("modifiers") or {}).items())
    heads = tuple(str(h) for h in section.get("heads") or ())
    strict = {str(h) for h in section.get("strict_heads") or ()}
    if not heads or not kinds:
        return _GenericBodies(re.compile(r"(?!x)x"), heads, kinds)
    every = sorted({m for _, words in kinds for m in words}, key=len, reverse=True)
    strong = sorted({m for kind, words in kinds[:2] for m in words}, key=len, reverse=True)

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    modifier, strong_modifier = rf"(?:{alt(every)})", rf"(?:{alt(strong)})"
    run = rf"{modifier}(?:\s+(?:and\s+|&\s+)?{modifier}){{0,2}}"
    loose = [h for h in heads if h not in strict]
    strict_heads = [h for h in heads if h in strict]
    # "NEC disputes panel": a parent body's acronym may lead the name.
    parent = rf"(?-i:(?:{alt(sorted(body_acronyms, key=len, reverse=True))})\s+)?" if body_acronyms else ""
    pattern = rf"(?<![\w-]){parent}(?:{run}\s+(?:{alt(loose)})"
    if strict_heads:
        pattern += rf"|(?:{modifier}\s+(?:and\s+|&\s+)?){{0,2}}{strong_modifier}\s+(?:{alt(strict_heads)})"
    pattern += r")(?![\w-])"
    return _GenericBodies(re.compile(pattern, re.IGNORECASE), heads, kinds)


class _Composer:
    """Recognises composed titles ("equalities officer") and makes their entries."""

    def __init__(self, section: dict[str, Any]) -> None:
        scope_of: dict[str, str] = {}
        for scope, words in (section.get("modifiers") or {}).items():
            for word in words:
                scope_of.setdefault(str(word).lower(), str(scope))
        self.scope_of = scope_of
        self.needs_holder = bool(section.get("needs_holder", True))
        heads = [str(h) for h in section.get("heads") or []]
        if scope_of and heads:
            mods = "|".join(re.escape(m) for m in sorted(scope_of, key=len, reverse=True))
            head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
            self.body = rf"(?i:(?:{mods})(?:(?:[ -]|\s+and\s+|\s*&\s*)(?:{mods}))?[ -](?:{head}))"
        else:
            self.body = r"(?!x)x"
        self.pattern = re.compile(rf"(?<![\w-]){self.body}(?![\w-])")

    def entry(self, form: str) -> RoleEntry | None:
        if not self.pattern.fullmatch(form):
            return None
        title = " ".join(form.lower().split())
        first = max((m for m in self.scope_of if title.startswith(m)), key=len, default="")
        return RoleEntry(title=title, scope=self.scope_of.get(first, "organization"), body=None, forms=(form,), needs_holder=self.needs_holder)


def _composer(section: dict[str, Any]) -> _Composer:
    return _Composer(section)


class _RoleForms(dict):  # type: ignore[type-arg]
    """Title form -> entry: the lexicon's forms, and any composed title on demand.

    Composed entries are made afresh on each look-up and never stored, so the
    mapping (and what iterates it) is the same whatever accounts came before.
    """

    def __init__(self, composer: _Composer) -> None:
        super().__init__()
        self.composer = composer

    def __missing__(self, form: str) -> RoleEntry:
        entry = self.composer.entry(form)
        if entry is None:
            raise KeyError(form)
        return entry

    def get(self, form: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[form]
        except KeyError:
            return default


def _with_composed(listed: re.Pattern[str], forms: dict[str, RoleEntry]) -> re.Pattern[str]:
    """The listed titles' pattern, trying a composed title first (it is the longer)."""
    composer = forms.composer if isinstance(forms, _RoleForms) else None
    if composer is None:
        return listed
    return re.compile(f"{composer.pattern.pattern}|{listed.pattern}", listed.flags)


def _section(lexicon: Lexicon, name: str, where: str) -> Any:
    value = lexicon.get(name)
    if value is None:
        raise InputError(f"the lexicon has no '{name}' section", where=where)
    return value


_CACHE: dict[int, tuple[Lexicon, Vocabulary]] = {}
_ORG_FIELDS = frozenset({"name", "aliases", "kind", "country", "part_of"})


def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The compiled form of ``lexicon`` (cached per lexicon object)."""
    cached = _CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    compiled = _compile(lexicon)
    _CACHE.clear()  # one lexicon at a time in practice; never grow without bound
    _CACHE[id(lexicon)] = (lexicon, compiled)
    return compiled


def _compile(lexicon: Lexicon) -> Vocabulary:
    org_section = _section(lexicon, "organizations", "ingest/lexicon/organizations.yaml")
    orgs: dict[str, OrgEntry] = {}
    org_alias: dict[str, list[str]] = {}
    for raw in org_section.get("entries") or []:
        unknown = sorted(str(key) for key in raw if key not in _ORG_FIELDS)
        if unknown:
            # In a YAML flow mapping a comma ends the value: {name: Bakers, Food and ...}
            # leaves "Bakers" as the name and the rest as keys of their own.
            raise InputError(f"the organisation entry named {raw.get('name')!r} has fields {', '.join(unknown)} that no entry has;"
                             " a name holding a comma must be written in quotes", where="the lexicon's organizations section")
        entry = OrgEntry(
            name=str(raw["name"]),
            aliases=tuple(str(a) for a in raw.get("aliases") or ()),
            kind=str(raw.get("kind") or "other"),
            country=raw.get("country"),
            part_of=raw.get("part_of"),
        )
        orgs[entry.name] = entry
        for form in (entry.name, *entry.aliases):
            # "Workers' International" is also typed "Workers’ International".
            for variant in {form, form.replace("'", "’"), form.replace("’", "'")}:
                names = org_alias.setdefault(variant, [])
                if entry.name not in names:
                    names.append(entry.name)
    country_of_word: dict[str, str] = {}
    for country, words in (org_section.get("countries") or {}).items():
        for word in [country, *(words or [])]:
            country_of_word[str(word)] = str(country)
    sections_by_country = {
        (e.part_of, e.country): e.name for e in orgs.values() if e.kind == "section" and e.part_of and e.country
    }
    locals_ = [str(u) for u in org_section.get("union_locals") or []]
    union_local_pattern = (
        re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, locals_))})(?:\s+Local)?\s+\d{{2,5}}\b") if locals_ else None
    )

    body_section = _section(lexicon, "bodies", "ingest/lexicon/bodies.yaml")
    bodies = [
        BodyEntry(
            name=str(b["name"]),
            kind=str(b["kind"]),
            forms=tuple(str(f) for f in b.get("forms") or ()),
            acronyms=tuple(str(a) for a in b.get("acronyms") or ()),
        )
        for b in body_section.get("leadership_bodies") or []
    ]
    body_of_form: dict[str, BodyEntry] = {}
    for b in bodies:
        for form in (*b.forms, *b.acronyms):
            body_of_form.setdefault(form, b)

    generic_bodies = _generic_bodies(body_section.get("generic_bodies") or {}, [a for b in bodies for a in b.acronyms])

    role_section = _section(lexicon, "roles", "ingest/lexicon/roles.yaml")
    needs_holder = set(role_section.get("needs_holder") or [])
    roles = [
        RoleEntry(
            title=str(r["title"]),
            scope=str(r.get("scope") or "organization"),
            body=r.get("body"),
            forms=tuple(str(f) for f in (r.get("forms") or [r["title"]])),
            needs_holder=str(r["title"]) in needs_holder,
        )
        for r in role_section.get("titles") or []
    ]
    role_of_form: dict[str, RoleEntry] = _RoleForms(_composer(role_section.get("composed") or {}))
    plural_role_forms: set[str] = set()
    for r in roles:
        for form in r.forms:
            role_of_form.setdefault(form, r)
    for r in roles:
        for form in r.forms:
            # "full-timers", "co-chairs", "secretaries": a plural names the post, never one holder by itself.
            plural = form[:-1] + "ies" if form.endswith("y") and not form.endswith(("ey", "ay", "oy")) else form + "s"
            if " of " not in form and not form.endswith("s") and not form.isupper() and plural not in role_of_form:
                role_of_form[plural] = r
                plural_role_forms.add(plural)

    people = dict(lexicon.get("people") or {})
    markers = tuple(re.compile(p, re.MULTILINE | re.IGNORECASE) for p in people.get("comment_markers") or [])
    return Vocabulary(
        orgs=orgs,
        org_alias=org_alias,
        org_pattern=alternation(list(org_alias)),
        union_local_pattern=union_local_pattern,
        country_of_word=country_of_word,
        country_pattern=alternation(list(country_of_word)),
        sections_by_country=sections_by_country,
        bodies=bodies,
        body_of_form=body_of_form,
        body_pattern=alternation([f for b in bodies for f in b.forms]),
        body_acronym_pattern=alternation([a for b in bodies for a in b.acronyms]),
        roles=roles,
        role_of_form=role_of_form,
        role_pattern=_with_composed(alternation(list(role_of_form)), role_of_form),
        plural_role_forms=frozenset(plural_role_forms),
        qualifiers=tuple(role_section.get("qualifiers") or ()),
        branch_kinds=tuple(body_section.get("branch_kinds") or ()),
        branch_words=tuple(body_section.get("branch_words") or ()),
        head_first_branch_words=tuple(body_section.get("head_first_branch_words") or ()),
        place_branch_words=tuple(body_section.get("place_branch_words") or ()),
        generic_body_pattern=generic_bodies.pattern,
        generic_body_heads=generic_bodies.heads,
        generic_body_kinds=generic_bodies.kinds,
        area_words=tuple(body_section.get("area_words") or ()),
        faction_heads=tuple(body_section.get("faction_heads") or ()),
        people=people,
        not_name_words=frozenset(people.get("not_name_words") or ()),
        place_first_words=frozenset(people.get("place_first_words") or ()),
        place_words=frozenset(people.get("place_words") or ()),
        thing_words=frozenset(people.get("thing_words") or ()),
        comment_markers=markers,
        calendar_words=frozenset(str(w).lower() for w in (*((lexicon.get("dates") or {}).get("months") or ()),
                                                          *((lexicon.get("dates") or {}).get("seasons") or ()))),
    )

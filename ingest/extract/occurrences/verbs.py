"""Verb classes of the clause classifier, from the lexicon's ``actions`` section.

Where the trigger words of ``triggers.yaml`` name particular phrasings, these
classes name *what kind of act* a verb is (a dismissal, pressure, harm, a
meeting ...). Entries are base forms; :func:`lemma` finds the base form of an
inflected verb by the irregular list or by regular inflection (spaCy's
lemmatiser is not run: it costs time), and :func:`forms_pattern` matches any
inflected form, so sentences can be picked cheaply before parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = ["ActionClasses", "action_classes", "deed_words", "event_words", "forms_pattern", "lemma"]


@dataclass(frozen=True)
class ActionClasses:
    """The lexicon's verb classes, indexed by base form."""

    response: dict[str, str]
    incident: dict[str, str]
    neutral: frozenset[str]
    irregular: dict[str, str]
    official_nouns: frozenset[str]
    raised_things: frozenset[str]
    communication: frozenset[str] = frozenset()
    event: dict[str, str] = field(default_factory=dict)
    receiving: frozenset[str] = frozenset()
    deciding: frozenset[str] = frozenset()
    stative: frozenset[str] = frozenset()

    def known(self, base: str) -> bool:
        """Whether ``base`` is a base form some class holds."""
        return base in self.response or base in self.incident or base in self.neutral \
            or base in self.event or base in self.stative


_deed_patterns: dict[tuple[int, str], "re.Pattern[str]"] = {}


def deed_words(classes: ActionClasses) -> "re.Pattern[str]":
    """Any form of a verb that can tell an incident or a response: a sentence
    without one is not worth parsing for them."""
    return forms_pattern(classes, "deeds", set(classes.response) | set(classes.incident) | set(classes.receiving))


def event_words(classes: ActionClasses) -> "re.Pattern[str]":
    """Any form of a verb of an event class (meet, write, vote, resign ...)."""
    return forms_pattern(classes, "events", set(classes.event))


def forms_pattern(classes: ActionClasses, name: str, bases: set[str]) -> "re.Pattern[str]":
    """Any inflected form of ``bases``, compiled once per vocabulary."""
    key = (id(classes), name)
    found = _deed_patterns.get(key)
    if found is not None:
        return found
    forms: set[str] = set()
    for base in bases:
        forms.update({base, base + "s", base + "es", base + "d", base + "ed", base + "ing"})
        if base.endswith("e"):
            forms.add(base[:-1] + "ing")
        if base.endswith("y"):
            forms.update({base[:-1] + "ied", base[:-1] + "ies"})
        forms.update({base + base[-1] + "ed", base + base[-1] + "ing"})
    forms.update(form for form, base in classes.irregular.items() if base in bases)
    pattern = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b", re.IGNORECASE)
    _deed_patterns[key] = pattern
    return pattern


def action_classes(lexicon: Mapping[str, Any]) -> ActionClasses:
    """The verb classes of ``lexicon`` (section ``actions``), compiled once per content."""
    section = lexicon.get("actions") or {}
    return _compile(repr(sorted(section.items(), key=lambda kv: kv[0])) if section else "", section)


_compiled: dict[str, ActionClasses] = {}


def _compile(key: str, section: Mapping[str, Any]) -> ActionClasses:
    found = _compiled.get(key)
    if found is not None:
        return found

    def by_kind(group: Mapping[str, Any] | None) -> dict[str, str]:
        index: dict[str, str] = {}
        for kind, words in (group or {}).items():
            for word in words or ():
                index.setdefault(str(word).lower(), str(kind))
        return index

    classes = ActionClasses(
        response=by_kind(section.get("response")),
        incident=by_kind(section.get("incident")),
        neutral=frozenset(str(w).lower() for w in section.get("neutral") or ()),
        irregular={str(k).lower(): str(v).lower() for k, v in (section.get("irregular") or {}).items()},
        official_nouns=frozenset(str(w).lower() for w in section.get("official_nouns") or ()),
        raised_things=frozenset(str(w).lower() for w in section.get("raised_things") or ()),
        communication=frozenset(str(w).lower() for w in section.get("communication") or ()),
        event=by_kind(section.get("event")),
        receiving=frozenset(str(w).lower() for w in section.get("receiving") or ()),
        deciding=frozenset(str(w).lower() for w in section.get("deciding") or ()),
        stative=frozenset(str(w).lower() for w in section.get("stative") or ()),
    )
    _compiled[key] = classes
    return classes


def lemma(word: str, classes: ActionClasses) -> str:
    """The base form of a verb form, by the irregular list or regular inflection.

    >>> c = ActionClasses({"remove": "other", "bar": "ban", "deny": "dismissal"}, {}, frozenset({"be"}),
    ...                   {"was": "be"}, frozenset(), frozenset())
    >>> [lemma(w, c) for w in ("removed", "barred", "denied", "was", "removing", "unknown")]
    ['remove', 'bar', 'deny', 'be', 'remove', 'unknown']
    """
    word = word.lower().replace("’", "'")
    if word in classes.irregular:
        return classes.irregular[word]
    if classes.known(word):
        return word
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            candidates = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # barred -> bar
            if stem.endswith("i"):
                candidates.append(stem[:-1] + "y")  # denied -> deny
            for candidate in candidates:
                if classes.known(candidate):
                    return candidate
    return word

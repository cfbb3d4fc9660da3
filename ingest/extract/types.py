"""Values passed between extraction stages (pure data, no store)."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Node, Relationship

__all__ = ["Span", "Mention", "EntityResult", "OccurrenceResult"]


@dataclass(frozen=True)
class Span:
    """A stretch of the account's normalised text: ``text == account_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named or referred to."""

    node_id: str
    label: str
    start: int
    end: int
    text: str


@dataclass
class EntityResult:
    """What the entity stage found: named things, their structure, and every mention."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # sorted by start
    narrator_id: str | None = None
    # The organisation the account is mostly about: the default context for OCCURRED_IN.
    primary_organization_id: str | None = None


@dataclass
class OccurrenceResult:
    """Incidents, responses, events and the relationships that tie them in."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)

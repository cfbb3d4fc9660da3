"""Organisations as a tree: international -> sections -> branches, bodies, factions.

Built from the units (Organization, Branch, LeadershipBody, Faction) and their
PART_OF relationships; pure functions, no store.

>>> units = [
...     {"id": "imt", "label": "Organization", "name": "IMT", "kind": "international"},
...     {"id": "fb", "label": "Organization", "name": "Fightback", "kind": "section"},
...     {"id": "ec", "label": "LeadershipBody", "name": "EC"},
...     {"id": "lone", "label": "Branch", "name": "Nowhere branch"},
... ]
>>> roots = build_tree(units, [("fb", "imt"), ("ec", "fb")])
>>> [(depth, node.name) for depth, node in walk(roots)]
[(0, 'IMT'), (1, 'Fightback'), (2, 'EC'), (0, 'Nowhere branch')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

__all__ = ["TreeNode", "build_tree", "walk", "organisation_of", "subtree_ids"]

# Organisations first, then the smaller units, each group by name.
_ORDER = {"Organization": 0, "LeadershipBody": 1, "Faction": 2, "Branch": 3}


@dataclass
class TreeNode:
    id: str
    label: str
    name: str
    kind: str | None = None
    detail: str | None = None  # country or city
    account_count: int = 0
    children: list["TreeNode"] = field(default_factory=list)


def build_tree(units: Iterable[Mapping[str, Any]], part_of: Iterable[tuple[str, str]]) -> list[TreeNode]:
    """Roots are units that are part of nothing (or whose parents are unknown).

    A unit part of several organisations is shown under each of them; a PART_OF
    cycle (a data error) is cut where it closes, so the tree stays finite.
    """
    by_id = {
        u["id"]: TreeNode(
            id=u["id"],
            label=u["label"],
            name=u.get("name") or u["id"],
            kind=u.get("kind"),
            detail=u.get("country") or u.get("city"),
            account_count=u.get("account_count") or 0,
        )
        for u in units
    }
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for child, parent in part_of:
        if child in by_id and parent in by_id and child != parent:
            children.setdefault(parent, []).append(child)
            has_parent.add(child)

    def sort_key(node_id: str) -> tuple[int, str]:
        node = by_id[node_id]
        return (_ORDER.get(node.label, 9), node.name.lower())

    def grow(node_id: str, ancestors: frozenset[str]) -> TreeNode:
        template = by_id[node_id]
        node = TreeNode(template.id, template.label, template.name, template.kind, template.detail,
                        template.account_count)
        for child in sorted(set(children.get(node_id, ())), key=sort_key):
            if child not in ancestors:
                node.children.append(grow(child, ancestors | {child}))
        return node

    roots = sorted((i for i in by_id if i not in has_parent), key=sort_key)
    trees = [grow(root, frozenset({root})) for root in roots]
    reached = {n.id for _, n in walk(trees)}
    # A PART_OF cycle with no way in would vanish; give it a root so nothing is hidden.
    for unit_id in sorted(by_id, key=sort_key):
        if unit_id not in reached:
            tree = grow(unit_id, frozenset({unit_id}))
            trees.append(tree)
            reached.update(n.id for _, n in walk([tree]))
    return trees


def walk(roots: Iterable[TreeNode], depth: int = 0) -> Iterator[tuple[int, TreeNode]]:
    """Depth-first (depth, node) pairs, parents before children."""
    for node in roots:
        yield depth, node
        yield from walk(node.children, depth + 1)


def subtree_ids(roots: Iterable[TreeNode], node_id: str) -> set[str]:
    """The unit and everything PART_OF it, transitively."""
    for _, node in walk(roots):
        if node.id == node_id:
            return {n.id for _, n in walk([node])}
    return set()


def organisation_of(unit_id: str, labels: Mapping[str, str], parents: Mapping[str, list[str]]) -> list[str]:
    """The nearest Organization(s) a unit belongs to: itself if it is one, else up PART_OF.

    >>> organisation_of("ec", {"ec": "LeadershipBody", "fb": "Organization"}, {"ec": ["fb"]})
    ['fb']
    """
    seen: set[str] = set()
    frontier = [unit_id]
    while frontier:
        found = [u for u in frontier if labels.get(u) == "Organization"]
        if found:
            return sorted(set(found))
        seen.update(frontier)
        frontier = [p for u in frontier for p in parents.get(u, ()) if p not in seen]
    return []

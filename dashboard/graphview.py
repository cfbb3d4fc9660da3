"""What the Explore page draws: choosing the subgraph, and turning it into Cytoscape elements.

Pure functions over a :class:`~dashboard.data.LightGraph`. The selection walks
the graph from a focus (or takes it all), applies the filters, and stops at a
node cap, saying how much it left out, so a large graph never freezes the
browser. Colours, shapes and the legend come from the contract.
"""

from __future__ import annotations

import html
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable

from graph.contract import Contract, load_contract

from dashboard.data import LightEdge, LightGraph, LightNode

__all__ = [
    "DEFAULT_NODE_CAP",
    "ViewRequest",
    "View",
    "select_view",
    "neighbourhood",
    "part_of_subtree",
    "to_elements",
    "node_styles",
    "edge_styles",
    "LARGE_VIEW",
    "layout_for",
    "legend_html",
    "caption",
    "STATUS_LINE_STYLES",
]

# Cytoscape draws 2,000 nodes with a quick layout in about a second on a laptop
# (bench/bench_dashboard.py); past that, narrowing the view helps more than drawing.
DEFAULT_NODE_CAP = 2_000

# How an edge is drawn by the weakest claim behind it: an allegation must never
# look like a plain fact.
STATUS_LINE_STYLES: dict[str, tuple[str, str]] = {
    "stated": ("solid", "told first-hand"),
    "admitted": ("solid", "reported as admitted"),
    "found": ("solid", "ruled on by a body"),
    "alleged": ("dashed", "an accusation"),
    "denied": ("dashed", "reported as denied"),
    "reported": ("dotted", "second-hand"),
    "believed": ("dotted", "the narrator's opinion"),
}
_ALLEGATION_COLOUR = "#c0392b"


@dataclass(frozen=True)
class ViewRequest:
    """What the user asked to see. Empty filters mean "no restriction"."""

    focus: tuple[str, ...] = ()
    depth: int = 1
    labels: tuple[str, ...] = ()
    account: str | None = None
    statuses: tuple[str, ...] = ()
    organisation_units: tuple[str, ...] = ()  # the organisation and what is PART_OF it
    expanded: tuple[str, ...] = ()  # nodes whose neighbours the user asked for
    hidden: tuple[str, ...] = ()  # nodes the user removed from the drawing
    cap: int = DEFAULT_NODE_CAP


@dataclass(frozen=True)
class View:
    nodes: tuple[str, ...]
    edges: tuple[str, ...]
    matched: int  # how many nodes the request matched before the cap
    missing_focus: tuple[str, ...] = ()

    @property
    def not_drawn(self) -> int:
        return max(self.matched - len(self.nodes), 0)


def neighbourhood(graph: LightGraph, seeds: Iterable[str], depth: int,
                  node_ok: Any = None, edge_ok: Any = None, blocked: set[str] | None = None) -> dict[str, int]:
    """Breadth-first distances from the seeds up to ``depth`` hops, either direction.

    ``blocked`` nodes are reached but not walked through (an organisation filter
    must not leak through the international into every other section).
    """
    distance: dict[str, int] = {}
    queue: deque[str] = deque()
    for seed in seeds:
        if seed in graph.nodes and seed not in distance:
            distance[seed] = 0
            queue.append(seed)
    while queue:
        current = queue.popleft()
        if distance[current] >= depth or (blocked and current in blocked and distance[current] > 0):
            continue
        for edge in graph.incident_edges(current):
            if edge_ok is not None and not edge_ok(edge):
                continue
            other = edge.target if edge.source == current else edge.source
            if other in distance or (node_ok is not None and not node_ok(graph.nodes[other])):
                continue
            distance[other] = distance[current] + 1
            queue.append(other)
    return distance


def part_of_subtree(graph: LightGraph, unit_id: str) -> set[str]:
    """The unit and everything PART_OF it, transitively (a section's branches, bodies, factions)."""
    children: dict[str, list[str]] = {}
    for edge in graph.edges:
        if edge.type == "PART_OF":
            children.setdefault(edge.target, []).append(edge.source)
    found = {unit_id}
    frontier = [unit_id]
    while frontier:
        frontier = [c for u in frontier for c in children.get(u, ()) if c not in found]
        found.update(frontier)
    return found


def select_view(graph: LightGraph, request: ViewRequest) -> View:
    """The nodes and edges to draw, nearest to the focus first, at most ``request.cap`` nodes."""
    labels, statuses = set(request.labels), set(request.statuses)
    hidden = set(request.hidden)

    def node_ok(node: LightNode) -> bool:
        if node.id in hidden:
            return False
        if labels and node.label not in labels:
            return False
        return request.account is None or request.account in node.accounts

    def edge_ok(edge: LightEdge) -> bool:
        if request.account is not None and request.account not in edge.accounts:
            return False
        return not statuses or bool(statuses.intersection(edge.statuses))

    missing = tuple(f for f in request.focus if f not in graph.nodes)
    focus = [f for f in request.focus if f in graph.nodes and f not in hidden]
    scope: dict[str, int] | None = None
    if request.organisation_units:
        units = set(request.organisation_units)
        blocked = {n.id for n in graph.nodes.values() if n.label == "Organization" and n.id not in units}
        scope = neighbourhood(graph, units, max(request.depth, 1), node_ok, edge_ok, blocked)

    if focus:
        # The focus is always shown, even when a filter would drop it.
        distance = neighbourhood(graph, focus, request.depth,
                                 lambda n: node_ok(n) and (scope is None or n.id in scope), edge_ok)
    elif scope is not None:
        distance = scope
    else:
        distance = {n.id: 1 for n in graph.nodes.values() if node_ok(n)}
    for node_id in request.expanded:
        if node_id in distance:
            for other, hops in neighbourhood(graph, [node_id], 1, node_ok, edge_ok).items():
                distance.setdefault(other, distance[node_id] + hops)

    chosen = set(distance)
    if statuses:
        # Filtering by status is about claims (edges): keep the nodes a kept claim touches.
        touched = {end for e in graph.edges if edge_ok(e) and e.source in chosen and e.target in chosen
                   for end in (e.source, e.target)}
        chosen = {n for n in chosen if n in touched or n in focus}

    ordered = sorted(chosen, key=lambda n: (distance[n], -graph.degree(n), graph.nodes[n].name.lower(), n))
    kept = ordered[: max(request.cap, 0)]
    kept_set = set(kept)
    edges = tuple(
        e.id for e in graph.edges if e.source in kept_set and e.target in kept_set and edge_ok(e)
    )
    return View(tuple(kept), edges, len(chosen), missing)


def caption(node: LightNode, limit: int = 32) -> str:
    """A short name to print under a node."""
    name = node.name
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _strongest_status(statuses: Iterable[str]) -> str:
    # The line shows the least certain status: one allegation makes a dashed line.
    order = ["alleged", "denied", "reported", "believed", "found", "admitted", "stated"]
    present = set(statuses)
    for status in order:
        if status in present:
            return status
    return "stated"


def to_elements(graph: LightGraph, view: View, selected: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements for ``st_link_analysis``. Data is kept small: the
    component's own info panel lists every data field."""
    nodes = []
    for node_id in view.nodes:
        node = graph.nodes[node_id]
        data: dict[str, Any] = {
            "id": node.id,
            "label": node.label,
            "name": caption(node),
            "accounts": len(node.accounts),
        }
        if node.kind:
            data["kind"] = node.kind
        if node.date:
            data["date"] = node.date
        element: dict[str, Any] = {"data": data}
        if node_id == selected:
            element["selected"] = True
        nodes.append(element)
    wanted = set(view.edges)
    edges = []
    for edge in graph.edges:
        if edge.id not in wanted:
            continue
        element = {
            "data": {
                "id": edge.id,
                "source": edge.source,
                "target": edge.target,
                "label": edge.type,
                "status": _strongest_status(edge.statuses),
                "statuses": ", ".join(edge.statuses),
                "accounts": len(edge.accounts),
            }
        }
        if edge.id == selected:
            element["selected"] = True
        edges.append(element)
    return {"nodes": nodes, "edges": edges}


@dataclass(frozen=True)
class _Style:
    """A Cytoscape style rule in the shape ``st_link_analysis`` expects (an object with ``dump()``)."""

    selector: str
    style: dict[str, Any] = field(default_factory=dict)

    def dump(self) -> dict[str, Any]:
        return {"selector": self.selector, "style": dict(self.style)}


def node_styles(contract: Contract | None = None) -> list[_Style]:
    """One rule per label: its contract colour and shape, the name as caption."""
    contract = contract or load_contract()
    rules = [
        _Style(
            f"node[label='{spec.name}']",
            {"background-color": spec.color, "shape": spec.shape, "label": "data(name)"},
        )
        for spec in contract.labels.values()
    ]
    # Corroborated nodes (told by more than one account) get a thicker rim.
    rules.append(_Style("node[accounts > 1]", {"border-width": 1.6, "border-color": "#333333"}))
    return rules


# Above this many nodes edges are drawn as straight, unlabelled "haystack" lines:
# Cytoscape draws them several times faster, and at that scale captions are unreadable anyway.
LARGE_VIEW = 300


def edge_styles(contract: Contract | None = None, node_count: int = 0) -> list[_Style]:
    contract = contract or load_contract()
    large = node_count > LARGE_VIEW
    base: dict[str, Any] = ({"curve-style": "haystack", "haystack-radius": 0, "width": 1}
                            if large else {"label": "data(label)", "target-arrow-shape": "triangle"})
    rules = [_Style(f"edge[label='{rel}']", dict(base)) for rel in contract.relationships]
    for status, (line, _) in STATUS_LINE_STYLES.items():
        style: dict[str, Any] = {"line-style": line}
        if status == "alleged":
            style.update({"line-color": _ALLEGATION_COLOUR, "target-arrow-color": _ALLEGATION_COLOUR,
                          "text-background-color": _ALLEGATION_COLOUR})
        rules.append(_Style(f"edge[status='{status}']", style))
    return rules


def layout_for(node_count: int) -> dict[str, Any]:
    """A layout that finishes quickly for the size drawn.

    The force-directed layout reads best; above a few hundred nodes its
    animation costs more than it shows, so it runs without one.
    """
    if node_count <= 300:
        return {"name": "fcose", "animate": True, "animationDuration": 400, "fit": True, "padding": 20,
                "nodeDimensionsIncludeLabels": True, "nodeRepulsion": 6000, "idealEdgeLength": 70}
    if node_count <= 3_000:
        return {"name": "fcose", "animate": False, "fit": True, "padding": 10, "quality": "draft",
                "nodeDimensionsIncludeLabels": False, "numIter": 1000}
    return {"name": "grid", "animate": False, "fit": True, "padding": 10, "avoidOverlap": False}


# The legend is HTML that Streamlit sanitises (no SVG), so shapes are CSS clip-paths.
_SHAPE_CLIP = {
    "ellipse": "circle(50% at 50% 50%)",
    "rectangle": "inset(8% 0 8% 0)",
    "round-rectangle": "inset(8% 0 8% 0 round 30%)",
    "hexagon": "polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)",
    "triangle": "polygon(50% 0, 100% 100%, 0 100%)",
    "diamond": "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)",
    "vee": "polygon(0 0, 50% 40%, 100% 0, 50% 100%)",
    "tag": "polygon(0 10%, 70% 10%, 100% 50%, 70% 90%, 0 90%)",
}
_LINE_CSS = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}


def legend_html(contract: Contract | None = None, labels: Iterable[str] | None = None) -> str:
    """The legend, drawn from the contract: a swatch of each label's shape and colour,
    then the line styles of the statuses."""
    contract = contract or load_contract()
    shown = list(labels) if labels is not None else list(contract.labels)
    parts = []
    for name in shown:
        spec = contract.labels.get(name)
        if spec is None:
            continue
        clip = _SHAPE_CLIP.get(spec.shape, _SHAPE_CLIP["ellipse"])
        parts.append(
            f'<span class="tg-legend-item" title="{html.escape(spec.description)}">'
            f'<span style="display:inline-block;width:14px;height:14px;background:{spec.color};'
            f'clip-path:{clip};margin-right:4px"></span>{html.escape(name)}</span>'
        )
    lines = []
    for line in ("solid", "dashed", "dotted"):
        names = [s for s, (style, _) in STATUS_LINE_STYLES.items() if style == line]
        colour = _ALLEGATION_COLOUR if line == "dashed" else "#999999"
        lines.append(
            f'<span class="tg-legend-item"><span style="display:inline-block;width:26px;height:0;'
            f'border-top:3px {_LINE_CSS[line]} {colour};margin-right:4px"></span>{", ".join(names)}</span>'
        )
    return (
        f'<div class="tg-legend">{"".join(parts)}</div>'
        f'<div class="tg-legend">{"".join(lines)}<span class="tg-legend-item" style="color:#666">'
        f"thick rim: told by more than one account</span></div>"
    )

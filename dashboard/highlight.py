"""An account's text as HTML with every extracted span highlighted.

Node spans get a background in their label's contract colour; relationship
spans (usually whole clauses) a dotted underline, so the text stays readable.
Hovering a span lists every item it supports; clicking it opens that item.
Overlapping spans are cut into segments at every boundary; each segment takes
the colour of the narrowest node span covering it.

>>> spans = [Span(5, 10, "p1", "node", "Person", "Ahmed", "stated")]
>>> html_text = highlight_html("Dear Ahmed,", spans, {"Person": "#1f77b4"})
>>> "Ahmed</mark>" in html_text and "Person: Ahmed" in html_text
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence
from urllib.parse import urlencode

from dashboard.data import AccountItem

__all__ = ["Span", "spans_of", "highlight_html", "passage_link", "excerpt"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    item_id: str
    kind: str  # "node" | "relationship"
    label: str  # node label or relationship type
    name: str
    status: str

    def describe(self) -> str:
        return f"{self.label}: {self.name} ({self.status})"


def spans_of(items: Iterable[AccountItem]) -> list[Span]:
    """Every piece of one account's evidence as a span."""
    return [
        Span(ev.start, ev.end, item.id, item.kind, item.label, item.name, ev.status)
        for item in items
        for ev in item.evidence
    ]


def passage_link(account: str, start: int, end: int, page: str = "accounts") -> str:
    """A relative link that opens the Accounts page at one passage."""
    return f"{page}?{urlencode({'account': account, 'start': start, 'end': end})}"


def _boundaries(length: int, spans: Sequence[Span], passage: tuple[int, int] | None) -> list[int]:
    points = {0, length}
    for span in spans:
        points.update((max(0, min(span.start, length)), max(0, min(span.end, length))))
    if passage:
        points.update((max(0, min(passage[0], length)), max(0, min(passage[1], length))))
    return sorted(points)


def highlight_html(
    text: str,
    spans: Sequence[Span],
    colours: Mapping[str, str],
    *,
    passage: tuple[int, int] | None = None,
    selected: str | None = None,
    link: Callable[[Span], str] | None = None,
) -> str:
    """The text with spans marked. ``passage`` is outlined and anchored as ``#passage``;
    spans of the ``selected`` item are emphasised; ``link`` gives each span its href."""
    spans = [s for s in spans if s.end > s.start]
    points = _boundaries(len(text), spans, passage)
    by_start = sorted(spans, key=lambda s: (s.start, s.end))
    out: list[str] = []
    active: list[Span] = []
    next_span = 0
    for left, right in zip(points, points[1:]):
        # Spans starting here join; spans that ended leave.
        while next_span < len(by_start) and by_start[next_span].start <= left:
            active.append(by_start[next_span])
            next_span += 1
        active = [s for s in active if s.end > left]
        covering = [s for s in active if s.start <= left and s.end >= right]
        segment = html.escape(text[left:right])
        in_passage = passage is not None and passage[0] <= left and right <= passage[1]
        if passage is not None and left == passage[0]:
            out.append('<span id="passage"></span>')
        if covering:
            segment = _mark(segment, covering, colours, selected, link)
        if in_passage:
            segment = f'<span class="tg-passage">{segment}</span>'
        out.append(segment)
    return f'<div class="tg-text">{"".join(out)}</div>'


def _mark(segment: str, covering: list[Span], colours: Mapping[str, str], selected: str | None,
          link: Callable[[Span], str] | None) -> str:
    nodes = sorted((s for s in covering if s.kind == "node"), key=lambda s: s.end - s.start)
    primary = nodes[0] if nodes else min(covering, key=lambda s: s.end - s.start)
    title = html.escape("\n".join(dict.fromkeys(s.describe() for s in covering)), quote=True)
    classes = ["tg-span", "tg-node" if nodes else "tg-rel"]
    if selected and any(s.item_id == selected for s in covering):
        classes.append("tg-selected")
    style = ""
    if nodes:
        colour = colours.get(primary.label, "#999999")
        style = f' style="background-color:{colour}33;border-bottom:2px solid {colour}"'
    body = f'<mark class="{" ".join(classes)}"{style} title="{title}">{segment}</mark>'
    if link is not None:
        body = f'<a class="tg-link" href="{html.escape(link(primary), quote=True)}" target="_self">{body}</a>'
    return body


def excerpt(text: str, start: int, end: int, context: int = 200) -> tuple[str, str, str]:
    """(before, passage, after) around a span, cut at word boundaries where possible."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after

"""Dated incidents, responses and events, placed per organisation on a time axis.

An occurrence belongs to the organisation it happened in (OCCURRED_IN), or,
for a response, to the body or organisation that took it (TAKEN_BY); a branch
or body stands for the organisation it is PART_OF. Dates are ISO strings as
precise as the account allows: ``2018`` is drawn as the whole year 2018.

>>> to_interval("2021-06")
('2021-06-01', '2021-06-30')
>>> to_interval("2018")
('2018-01-01', '2018-12-31')
>>> to_interval("soon") is None
True
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from graph.contract import Contract, load_contract

from dashboard.data import LightGraph
from dashboard.orgtree import organisation_of

__all__ = ["TimelineRow", "to_interval", "timeline_rows", "pack_slots", "timeline_chart", "NO_ORGANISATION"]

NO_ORGANISATION = "(no organisation named)"
_CONTEXT_TYPES = ("OCCURRED_IN", "TAKEN_BY")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def to_interval(date: str | None) -> tuple[str, str] | None:
    """The first and last day an ISO date of any precision covers."""
    match = _DATE.match(date or "")
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


@dataclass(frozen=True)
class TimelineRow:
    id: str
    label: str
    kind: str
    name: str
    date: str
    start: str
    end: str
    date_text: str
    description: str
    organisation: str
    accounts: int


def timeline_rows(occurrences: Iterable[Mapping[str, Any]], graph: LightGraph) -> tuple[list[TimelineRow], list[Mapping[str, Any]]]:
    """(rows to draw, undated occurrences). One row per organisation an occurrence belongs to."""
    labels = {n.id: n.label for n in graph.nodes.values()}
    parents: dict[str, list[str]] = {}
    context: dict[str, list[str]] = {}
    for edge in graph.edges:
        if edge.type == "PART_OF":
            parents.setdefault(edge.source, []).append(edge.target)
        elif edge.type in _CONTEXT_TYPES:
            context.setdefault(edge.source, []).append(edge.target)
    rows: list[TimelineRow] = []
    undated: list[Mapping[str, Any]] = []
    for occ in occurrences:
        interval = to_interval(occ.get("date"))
        if interval is None:
            undated.append(occ)
            continue
        organisations = sorted({org for unit in context.get(occ["id"], ()) for org in organisation_of(unit, labels, parents)})
        names = [graph.nodes[o].name for o in organisations if o in graph.nodes] or [NO_ORGANISATION]
        for organisation in names:
            rows.append(
                TimelineRow(
                    id=occ["id"],
                    label=occ.get("label") or "",
                    kind=occ.get("kind") or "other",
                    name=occ.get("name") or occ["id"],
                    date=occ["date"],
                    start=interval[0],
                    end=interval[1],
                    date_text=occ.get("date_text") or occ["date"],
                    description=occ.get("description") or "",
                    organisation=organisation,
                    accounts=len(occ.get("accounts") or ()),
                )
            )
    rows.sort(key=lambda r: (r.start, r.organisation, r.id))
    return rows, undated


def pack_slots(rows: list[TimelineRow]) -> list[int]:
    """A sub-row per item so that items of one lane whose spans overlap sit apart
    (greedy interval packing, in date order).

    >>> a = TimelineRow("a", "Event", "x", "a", "2018", "2018-01-01", "2018-12-31", "", "", "O", 1)
    >>> b = TimelineRow("b", "Event", "x", "b", "2018-05", "2018-05-01", "2018-05-31", "", "", "O", 1)
    >>> c = TimelineRow("c", "Event", "x", "c", "2019", "2019-01-01", "2019-12-31", "", "", "O", 1)
    >>> pack_slots([a, b, c])
    [0, 1, 0]
    """
    slots: list[int] = [0] * len(rows)
    lane_ends: dict[str, list[str]] = {}
    for index in sorted(range(len(rows)), key=lambda i: (rows[i].start, rows[i].end)):
        row = rows[index]
        ends = lane_ends.setdefault(row.organisation, [])
        for slot, end in enumerate(ends):
            if end < row.start:
                ends[slot] = row.end
                slots[index] = slot
                break
        else:
            ends.append(row.end)
            slots[index] = len(ends) - 1
    return slots


def timeline_chart(rows: list[TimelineRow], contract: Contract | None = None) -> Any:
    """An Altair chart: one lane per organisation, a bar over the span a date covers,
    coloured by kind, shaped by label, with the account's own words on hover."""
    import altair as alt
    import pandas as pd

    contract = contract or load_contract()
    frame = pd.DataFrame([r.__dict__ for r in rows])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"]) + pd.Timedelta(days=1)
    frame["kind_label"] = frame["label"] + ": " + frame["kind"]
    frame["slot"] = pack_slots(rows)
    shapes = {"Incident": "diamond", "Response": "triangle-up", "Event": "circle"}
    tooltip = [
        alt.Tooltip("name:N", title="item"),
        alt.Tooltip("kind_label:N", title="kind"),
        alt.Tooltip("date_text:N", title="the account says"),
        alt.Tooltip("date:N", title="date"),
        alt.Tooltip("organisation:N"),
        alt.Tooltip("description:N"),
        alt.Tooltip("accounts:Q", title="accounts"),
    ]
    lanes = sorted(frame["organisation"].unique(), key=lambda o: (o == NO_ORGANISATION, o.lower()))
    y = alt.Y("organisation:N", sort=lanes, title=None, axis=alt.Axis(labelLimit=260, grid=True))
    y_offset = alt.YOffset("slot:O")
    colour = alt.Color("kind_label:N", title="kind", scale=alt.Scale(scheme="tableau20"),
                       legend=alt.Legend(orient="bottom", columns=4, labelLimit=220, symbolLimit=0))
    x = alt.X("start:T", title=None, axis=alt.Axis(format="%Y", grid=True))
    base = alt.Chart(frame)
    spans = base.mark_bar(opacity=0.3, cornerRadius=3).encode(x=x, x2="end:T", y=y, yOffset=y_offset,
                                                              color=colour, tooltip=tooltip)
    points = base.mark_point(filled=True, size=120, opacity=0.95, stroke="white", strokeWidth=0.5).encode(
        x=x,
        y=y,
        yOffset=y_offset,
        color=colour,
        shape=alt.Shape("label:N", title="label", legend=None,
                        scale=alt.Scale(domain=list(shapes), range=list(shapes.values()))),
        tooltip=tooltip,
    )
    sub_rows = int(frame.groupby("organisation")["slot"].max().sum()) + len(lanes)
    height = max(180, 24 * sub_rows)
    return (spans + points).properties(height=height).interactive(bind_y=False)

"""Helpers for the dashboard tests: open a page of the real app, read what it shows.

AppTest runs the real entry script in this process; the app finds its store
through TGRAPH_HOME and TGRAPH_GRAPH, exactly as under ``tgraph dashboard``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
PageOpener = Callable[..., AppTest]


def point_at(monkeypatch: pytest.MonkeyPatch, home: Path, graph_name: str) -> None:
    monkeypatch.setenv("TGRAPH_HOME", str(home))
    monkeypatch.setenv("TGRAPH_GRAPH", graph_name)
    for name in ("TGRAPH_NEO4J_URI", "TGRAPH_NEO4J_USER", "TGRAPH_NEO4J_PASSWORD", "TGRAPH_NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)


def opener() -> PageOpener:
    def open_page(page: str, **query: str) -> AppTest:
        """Run the app, switch to ``page`` (a file name under app_pages/) with ``query`` in the URL."""
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.run()
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py")
        at.query_params.update(query)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


def texts(at: AppTest, kind: str) -> list[str]:
    """The values of every element of one kind (markdown, caption, error …) on the page."""
    return [str(element.value) for element in getattr(at, kind)]


def page_text(at: AppTest) -> str:
    """Everything the page wrote as text, in one string, for "is it shown" checks."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts.extend(texts(at, kind))
    parts.extend(str(element.value) for element in at.html)
    return "\n".join(parts)

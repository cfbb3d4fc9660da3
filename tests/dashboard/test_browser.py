"""End to end in a real browser: ``tgraph dashboard`` served on a free port, each
page opened in Chromium, the network clicked, a saved query run. Screenshots of
every page land in the test's tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from browser import (CHROMIUM, chromium, click_node, drawn_nodes, environment, grid_cells, network_frame,
                     served_dashboard, wait_for_cell, wait_for_drawing, wait_until_idle)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium: apt-get install chromium"),
]


def test_every_page_in_a_real_browser(cli_env: dict[str, str], seed_store: GraphStore, tmp_path: Path) -> None:
    env = environment(cli_env, seed_store.backend.graph_name)  # type: ignore[attr-defined]
    stats = seed_store.stats()
    person = seed_store.read(
        "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.ev_quote AS quotes, size(p.ev_quote) AS n "
        "ORDER BY n DESC, id LIMIT 1")[0]
    title = seed_store.read("MATCH (a:Account) RETURN a.title AS title ORDER BY a.id LIMIT 1")[0]["title"]

    with served_dashboard(env, tmp_path / "dashboard.log") as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        page.goto(f"{url}/")  # the Overview is the default page
        wait_until_idle(page)
        wait_for_cell(page, title)
        assert title in grid_cells(page)
        assert page.get_by_test_id("stMetricValue").get_by_text(str(stats.total_relationships)).count() == 1
        page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)

        page.goto(f"{url}/explore")
        wait_until_idle(page)
        element, frame = network_frame(page)
        wait_for_drawing(frame, stats.total_nodes)
        assert drawn_nodes(frame) == stats.total_nodes
        page.wait_for_timeout(800)  # let the layout's animation settle before aiming at a node
        click_node(page, element, frame, person["id"])
        page.get_by_text("Supported by").first.wait_for(timeout=30_000)
        wait_until_idle(page)
        body = page.inner_text('[data-testid="stMain"]')
        assert person["name"] in body
        assert any(f"“{quote}”" in body for quote in person["quotes"])
        page.screenshot(path=str(tmp_path / "explore.png"), full_page=True)

        # The quote's link opens the Accounts page at that passage.
        page.get_by_text("Read it in the account").first.click()
        page.wait_for_url("**/accounts?**", timeout=30_000)
        wait_until_idle(page)
        assert page.locator(".tg-passage").first.is_visible()
        assert page.locator("mark.tg-node").count() > 10
        assert not page.get_by_text("Page not found").count()
        page.screenshot(path=str(tmp_path / "accounts.png"), full_page=True)

        page.goto(f"{url}/queries?query=accounts_overview")
        wait_until_idle(page)
        page.get_by_role("button", name="Run").first.click()
        page.get_by_text("Download CSV").first.wait_for(timeout=30_000)
        wait_until_idle(page)
        wait_for_cell(page, title)
        assert title in grid_cells(page)
        page.screenshot(path=str(tmp_path / "queries.png"), full_page=True)

        page.goto(f"{url}/timeline")
        wait_until_idle(page)
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)

        page.goto(f"{url}/export")
        wait_until_idle(page)
        page.get_by_role("button", name="Prepare the file").click()
        page.get_by_text("relationships and").first.wait_for(timeout=60_000)
        # The download button can land a moment after the summary line: wait for it itself.
        page.get_by_role("button", name="Download tgraph-all").wait_for(timeout=60_000)
        assert page.get_by_role("button", name="Download tgraph-all").count() == 1
        page.screenshot(path=str(tmp_path / "export.png"), full_page=True)

        assert not page.get_by_text("Traceback").count()
        assert not page.get_by_text("Page not found").count()
        assert not errors, errors
    for name in ("overview", "explore", "accounts", "queries", "timeline", "export"):
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000

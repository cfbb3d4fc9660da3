"""Every page under AppTest on the store built from seeds/: what the page shows,
checked against what the store holds (read by the test's own Cypher)."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from graph.store import GraphStore

from pagetools import PageOpener, opener, page_text


def _one(store: GraphStore, cypher: str) -> dict:
    rows = store.read(cypher)
    assert rows, cypher
    return rows[0]


def test_overview_counts_accounts_and_organisation_tree(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("overview")
    stats = seed_store.stats()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Nodes"] == str(stats.total_nodes)
    assert metrics["Relationships"] == str(stats.total_relationships)
    assert metrics["Accounts"] == str(stats.nodes["Account"])
    per_label, per_type, accounts = (d.value for d in at.dataframe)
    assert dict(zip(per_label["label"], per_label["count"])) == stats.nodes
    assert dict(zip(per_type["type"], per_type["count"])) == stats.relationships
    titles = {r["title"] for r in seed_store.read("MATCH (a:Account) RETURN a.title AS title")}
    assert set(accounts["title"]) == titles
    # The items per account are what the store holds for that account.
    account = _one(seed_store, "MATCH (a:Account) RETURN a.id AS id ORDER BY a.id LIMIT 1")["id"]
    expected_nodes = len(seed_store.read(f"MATCH (n) WHERE NOT n:Account AND '{account}' IN n.accounts RETURN n.id"))
    assert int(accounts.set_index("id").loc[account, "nodes"]) == expected_nodes
    # The tree shows each section under its international.
    part = _one(seed_store, "MATCH (s:Organization)-[:PART_OF]->(i:Organization) "
                            "RETURN s.name AS section, i.name AS international LIMIT 1")
    tree = next(m.value for m in at.markdown if "tg-tree" in m.value)
    assert tree.index(part["international"]) < tree.index(part["section"])


def test_explore_draws_the_whole_graph_and_shows_a_clicked_node(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("explore")
    total = seed_store.stats().total_nodes
    assert any(c.startswith(f"{total:,} nodes") for c in (x.value for x in at.caption))
    assert not at.warning  # the seed graph is under the cap
    person = _one(seed_store, "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.ev_quote AS quotes, "
                              "p.ev_account AS accounts, p.ev_start AS starts, size(p.ev_quote) AS n "
                              "ORDER BY n DESC, id LIMIT 1")
    at = seed_app("explore", node=person["id"])
    text = page_text(at)
    assert person["name"] in text and "Supported by" in text
    for quote in person["quotes"]:
        assert f"“{quote}”" in text
    links = [parse_qs(link.proto.query_string) for link in at.page_link]
    assert any(link.get("account") == [person["accounts"][0]] and link.get("start") == [str(person["starts"][0])]
               for link in links), links


def test_explore_search_filters_and_cap(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("explore")
    org = _one(seed_store, "MATCH (o:Organization) RETURN o.id AS id, o.name AS name ORDER BY o.account_count DESC, o.id LIMIT 1")
    at.sidebar.text_input[0].set_value(org["name"].split()[0]).run()
    matches = at.sidebar.selectbox[0]
    assert any(org["name"] in option for option in matches.options)
    # Only allegations: the drawing shrinks to the alleged relationships and their ends.
    alleged = seed_store.read("MATCH ()-[e]->() WHERE 'alleged' IN e.statuses RETURN e.id AS id")
    status = next(m for m in at.sidebar.multiselect if m.label == "Status")
    status.set_value(["alleged"]).run()
    assert any(f", {len(alleged):,} relationships" in c.value for c in at.caption)
    # Above the cap the page says how many nodes it leaves out and how to narrow the view.
    status.set_value([]).run()
    cap = next(s for s in at.sidebar.select_slider if s.label == "Draw at most")
    cap.set_value(100).run()
    total = seed_store.stats().total_nodes
    warning = " ".join(w.value for w in at.warning)
    assert f"{total - 100:,} of {total:,} nodes are not drawn" in warning and "Narrow the view" in warning


def test_accounts_page_opens_a_passage_with_its_spans(seed_app: PageOpener, seed_store: GraphStore) -> None:
    item = _one(seed_store, "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.ev_account[0] AS account, "
                            "p.ev_start[0] AS start, p.ev_end[0] AS end, p.ev_quote[0] AS quote ORDER BY p.id LIMIT 1")
    at = seed_app("accounts", account=item["account"], start=str(item["start"]), end=str(item["end"]), item=item["id"])
    title = _one(seed_store, f"MATCH (a:Account {{id: '{item['account']}'}}) RETURN a.title AS title")["title"]
    text = page_text(at)
    assert title in text
    assert f"<span class='tg-passage'>{item['quote']}</span>" in text
    body = next(h.value for h in at.html if "tg-text" in h.value)
    assert 'id="passage"' in body and "<mark" in body and f"item={item['id'].replace(':', '%3A')}" in body
    # The selected item is shown with its relationships.
    assert "Selected item" in text and item["name"] in text
    items = at.dataframe[0].value
    expected = len(seed_store.read(f"MATCH (n) WHERE NOT n:Account AND '{item['account']}' IN n.accounts RETURN n.id")) + len(
        seed_store.read(f"MATCH ()-[e]->() WHERE '{item['account']}' IN e.accounts RETURN e.id"))
    assert len(items) == expected


def test_timeline_counts_the_dated_items(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("timeline")
    dated = seed_store.read("MATCH (n) WHERE (n:Incident OR n:Response OR n:Event) AND n.date IS NOT NULL "
                            "RETURN n.id AS id, n.date AS date")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Dated items"] == str(len(dated))
    table = at.dataframe[0].value
    assert set(table["date"]) == {r["date"] for r in dated}
    assert list(table["date"]) == sorted(table["date"])
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_queries_run_a_saved_question_and_refuse_writes(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("queries", query="accounts_overview")
    next(b for b in at.get("form_submit_button") if b.label == "Run").click().run()
    assert not at.error, [e.value for e in at.error]
    table = at.dataframe[0].value
    titles = {r["title"] for r in seed_store.read("MATCH (a:Account) RETURN a.title AS title")}
    assert titles <= {str(v) for column in table.columns for v in table[column]}
    assert any(d.label == "Download CSV" for d in at.get("download_button"))
    # The read-only Cypher box refuses writes with a clear message, and reports a broken query.
    box = at.text_area(key="adhoc_cypher")
    box.set_value("MATCH (n) DETACH DELETE n").run()
    at.button(key="adhoc_run").click().run()
    assert any("Refused" in e.value and "only read queries" in e.value for e in at.error)
    assert seed_store.stats().total_nodes > 0
    box.set_value("MATCH (n RETURN n").run()
    at.button(key="adhoc_run").click().run()
    assert any("Running your query failed" in e.value for e in at.error)
    box.set_value("MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 3").run()
    at.button(key="adhoc_run").click().run()
    names = [r["name"] for r in seed_store.read("MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 3")]
    assert list(at.dataframe[-1].value["name"]) == names


def test_export_prepares_a_file(seed_app: PageOpener, seed_store: GraphStore) -> None:
    at = seed_app("export")
    next(s for s in at.selectbox if s.label == "Format").set_value("json").run()
    next(r for r in at.radio if r.label == "Redaction").set_value("none").run()
    next(b for b in at.button if b.label == "Prepare the file").click().run()
    assert not at.error, [e.value for e in at.error]
    stats = seed_store.stats()
    success = at.success[0].value
    assert success.startswith(f"{stats.total_nodes - stats.nodes['Account']:,} nodes") or \
        success.startswith(f"{stats.total_nodes:,} nodes"), success
    assert any(d.label.startswith("Download tgraph-all") for d in at.get("download_button"))


@pytest.mark.parametrize("page", ["overview", "explore", "queries", "accounts", "timeline", "export"])
def test_every_page_says_how_to_fill_an_empty_store(empty_app: PageOpener, page: str) -> None:
    at = empty_app(page)
    assert any("The graph is empty" in i.value and "tgraph ingest seeds/" in i.value for i in at.info)
    assert not at.error


def test_unreachable_store_is_a_message(monkeypatch: pytest.MonkeyPatch, tgraph_home) -> None:
    monkeypatch.setenv("TGRAPH_HOME", str(tgraph_home))
    monkeypatch.setenv("TGRAPH_NEO4J_URI", "bolt://127.0.0.1:9")  # nothing listens on the discard port
    at = opener()("overview")
    message = " ".join(e.value for e in at.error)
    assert "Cannot reach the graph store" in message and "TGRAPH_NEO4J_URI" in message

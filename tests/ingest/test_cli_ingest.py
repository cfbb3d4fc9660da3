"""``tgraph ingest`` run for real, in a subprocess, against the session's embedded server."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.interchange import read_document
from graph.store import GraphStore

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
TGRAPH = str(Path(sys.executable).with_name("tgraph"))
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def tgraph(env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TGRAPH, *map(str, args)], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def test_help_explains_with_an_example(cli_env: dict[str, str]) -> None:
    result = tgraph(cli_env, "ingest", "--help")
    assert result.returncode == 0
    for words in ("PATHS", "--out", "--no-store", "--lexicon", "--jobs", "Examples:", "tgraph ingest seeds/", ".pdf"):
        assert words in result.stdout


def test_ingest_seeds_into_the_store_then_again(cli_env: dict[str, str], empty_store: GraphStore) -> None:
    first = tgraph(cli_env, "ingest", SEEDS)
    assert first.returncode == 0, first.stderr
    assert f"accounts: {len(SEED_IDS)} new, 0 changed, 0 unchanged, 0 failed" in first.stdout
    assert "nodes (" in first.stdout and "relationships (" in first.stdout
    assert not error_lines(first.stderr)
    stats = empty_store.stats()
    assert stats.nodes["Account"] == len(SEED_IDS)

    second = tgraph(cli_env, "ingest", SEEDS)
    assert second.returncode == 0, second.stderr
    assert f"accounts: 0 new, 0 changed, {len(SEED_IDS)} unchanged, 0 failed" in second.stdout
    assert empty_store.stats() == stats


def test_out_document_round_trips(cli_env: dict[str, str], tmp_path: Path, empty_store: GraphStore) -> None:
    out = tmp_path / "graph.json"
    result = tgraph(cli_env, "ingest", SEEDS, "--out", out)
    assert result.returncode == 0, result.stderr
    document = read_document(out)  # validates: every quote against the text it carries
    assert sorted(a.id for a in document.accounts) == SEED_IDS
    assert all(a.text for a in document.accounts)
    stats = empty_store.stats()
    assert stats.total_nodes == len(document.nodes) + len(document.accounts)
    assert stats.total_relationships == len(document.relationships)
    # --out with a store holds every account of the run, unchanged ones included.
    again = tmp_path / "again.json"
    assert tgraph(cli_env, "ingest", SEEDS, "--out", again).returncode == 0
    assert json.loads(again.read_text(encoding="utf-8")) == json.loads(out.read_text(encoding="utf-8"))


def test_no_store_leaves_the_store_alone(cli_env: dict[str, str], tmp_path: Path, empty_store: GraphStore) -> None:
    out = tmp_path / "only.json"
    result = tgraph(cli_env, "ingest", FIXTURES / "article.html", FIXTURES / "letter.pdf", FIXTURES / "account.md",
                    "--no-store", "--out", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "accounts: 3 new" in result.stdout and "store now holds" not in result.stdout
    document = read_document(out)
    assert sorted(a.id for a in document.accounts) == ["account", "article", "letter"]
    empty_store.ensure_schema()
    assert empty_store.stats().total_nodes == 0


def test_bad_file_among_good_ones(cli_env: dict[str, str], tmp_path: Path, empty_store: GraphStore) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    bad = corpus / "zz_latin1.txt"
    shutil.copy(FIXTURES / "latin1.txt", bad)
    result = tgraph(cli_env, "ingest", corpus)
    assert result.returncode == 1
    assert f"accounts: {len(SEED_IDS)} new, 0 changed, 0 unchanged, 1 failed" in result.stdout
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: not UTF-8")
    assert sorted(r["id"] for r in empty_store.accounts()) == SEED_IDS


def test_two_files_with_one_account_id(cli_env: dict[str, str], tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "account.md", tmp_path / "letter.md")
    result = tgraph(cli_env, "ingest", FIXTURES / "letter.pdf", tmp_path / "letter.md", "--no-store")
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "account id 'letter' is already taken by" in errors[0]


def test_unsupported_and_missing_paths(cli_env: dict[str, str], tmp_path: Path) -> None:
    result = tgraph(cli_env, "ingest", FIXTURES / "notes.docx", tmp_path / "missing", "--no-store")
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 2
    assert any("notes.docx: unsupported file type '.docx'; ingest reads .htm, .html, .md, .pdf, .txt" in e for e in errors)
    assert any(f"{tmp_path / 'missing'}: no such file or folder" in e for e in errors)


def test_lexicon_extends_the_vocabulary(cli_env: dict[str, str], tmp_path: Path) -> None:
    lexicon = tmp_path / "extra.yaml"
    lexicon.write_text(
        "organizations:\n  entries:\n    - {name: Example League, aliases: [EL], kind: party, country: United States}\n",
        encoding="utf-8",
    )
    out = tmp_path / "doc.json"
    result = tgraph(cli_env, "ingest", FIXTURES / "article.html", "--no-store", "--out", out, "--lexicon", lexicon)
    assert result.returncode == 0, result.stderr
    names = {n.name for n in read_document(out).nodes if n.label == "Organization"}
    assert "Example League" in names


def test_unreadable_lexicon_is_one_error_line(cli_env: dict[str, str], tmp_path: Path) -> None:
    lexicon = tmp_path / "broken.yaml"
    lexicon.write_text("organizations: [unclosed\n", encoding="utf-8")
    result = tgraph(cli_env, "ingest", SEEDS, "--no-store", "--lexicon", lexicon)
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and errors[0].startswith(f"error: {lexicon}: cannot read lexicon")


@pytest.mark.parametrize("content, expected", [
    # YAML reads an unquoted Off as false, so the word would vanish from the list.
    ("people:\n  not_name_words: [Off, Onward]\n", ["{lexicon}: people.not_name_words holds false", "quotes"]),
    # In a flow mapping the comma ends the name: "Bread" would be the union.
    ("organizations:\n  entries:\n    - {name: Bread, Roses and Rent Union, kind: union}\n", ["{lexicon}: ", "'Bread'", "in quotes"]),
])
def test_a_lexicon_yaml_misreads_is_one_error_line_saying_to_quote_the_words(
        cli_env: dict[str, str], tmp_path: Path, content: str, expected: list[str]) -> None:
    lexicon = tmp_path / "extra.yaml"
    lexicon.write_text(content, encoding="utf-8")
    result = tgraph(cli_env, "ingest", SEEDS, "--no-store", "--lexicon", lexicon)
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and errors[0].startswith("error: ")
    assert all(fragment.format(lexicon=lexicon) in errors[0] for fragment in expected)


def test_an_account_not_in_english_goes_in_with_a_note_saying_why_it_gives_little(
        cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "accounts"
    folder.mkdir()
    (folder / "carta.txt").write_text(
        "Por qué me fui\n\n" + "Entré en el partido en 2015 y lo dejé cuando la dirección ignoró mi queja sobre "
        "el secretario, que gritaba a las compañeras nuevas en cada reunión del núcleo. " * 4, encoding="utf-8")
    shutil.copy(SEEDS / f"{SEED_IDS[0]}.txt", folder)
    result = tgraph(cli_env, "ingest", folder, "--no-store")
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "carta.txt" in notes[0] and "English" in notes[0]

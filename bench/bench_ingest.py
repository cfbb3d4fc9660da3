"""Benchmark: ingest a synthetic corpus of accounts and print figures.

    python bench/bench_ingest.py                          # 1,000 accounts of ~2,000 words
    python bench/bench_ingest.py --accounts 200 --jobs 2 --profile

The corpus recombines runs of sentences from ``seeds/`` and renames who and
where: the people, organisations and cities the gold annotations name in the
seeds are swapped, per account, for generated people, organisations drawn from
the built-in lexicon and cities from a list, so the corpus is not 1,000 copies
of three accounts (and some accounts share people and organisations, as real
corpora do). Then it ingests the corpus

  (a) without a store: load, extraction, per-account validation, merge;
  (b) end to end into a fresh embedded store in a temporary TGRAPH_HOME.

and prints words per second, accounts per second, time per stage, and peak
memory: this process and its children (``resource.getrusage``: the extraction
workers) and the server (RSS and peak RSS from ``/proc``). Targets (issue 3),
on a 2-core machine: at least 10,000 words per second end to end, peak memory
under 2 GiB. Timing is never asserted in a test; this prints.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.model import normalise_text
from graph.store.embedded import ensure_running, stop_server
from graph.store.falkor import FalkorBackend
from graph.store.store import GraphStore
from ingest.extract.text import paragraphs, sentences
from ingest.gold import load_gold_dir
from ingest.lexicon import load_lexicon
from ingest.load.header import parse_header
from ingest.parallel import available_cores
from ingest.pipeline import IngestReport, ingest

__all__ = ["build_corpus", "main"]

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "gold"
_MIB = 1024 * 1024

_FIRST = (
    "Aisha Alex Amara Andrea Ben Carla Chen Dana Dmitri Elena Emeka Farah Felix Gabriel Hana Ines Ivan Jamal "
    "Jonas Kai Kenji Lara Leila Luca Maya Mei Nadia Noor Omar Paula Priya Rafael Rosa Sami Sofia Tariq Tomas "
    "Uma Victor Wen Yara Yusuf Zoe Marek Ingrid Kofi Lucia Mateo Nora"
).split()
_LAST = (
    "Abbott Barros Castillo Dimitrov Eriksen Fischer Garcia Haddad Ishikawa Jensen Kowalski Lindqvist Moreau "
    "Nakamura Okafor Petrov Quinn Rossi Santos Tanaka Ueda Varga Weber Xu Yilmaz Zielinski Moreno Brennan "
    "Novak Horvat Kaur Mensah Ortega Papadopoulos Reyes Schmidt Torres Volkov Walsh Young"
).split()
_CITIES = (
    "Leeds Glasgow Cardiff Bristol Dublin Cork Montreal Ottawa Vancouver Calgary Winnipeg Halifax Seattle "
    "Portland Denver Chicago Boston Detroit Austin Oakland Melbourne Sydney Auckland Berlin Hamburg Munich "
    "Vienna Zurich Milan Turin Madrid Seville Lisbon Porto Athens Stockholm Oslo Copenhagen Helsinki Warsaw"
).split()


@dataclass(frozen=True)
class Renamable:
    """A surface form in the seeds and what kind of thing it names."""

    text: str
    kind: str  # person | organization | city
    key: str  # the gold entity it belongs to (one replacement per entity per account)


def _renamables() -> list[Renamable]:
    found: dict[str, Renamable] = {}
    for gold in load_gold_dir(GOLD):
        for entity in gold.entities:
            forms = (entity.name, *entity.aliases)
            if entity.label == "Person" and entity.properties.get("identity") in ("named", "partial"):
                kind = "person"
            elif entity.label == "Organization":
                kind = "organization"
            elif entity.label == "Branch" and entity.properties.get("city"):
                kind, forms = "city", (str(entity.properties["city"]),)
            else:
                continue
            for form in forms:
                if len(form) >= 2 and form[0].isupper():
                    found.setdefault(form, Renamable(form, kind, f"{gold.account}:{entity.id}"))
    return sorted(found.values(), key=lambda r: -len(r.text))  # longest first: "Ben S" before "Ben"


def _seed_sentences() -> list[list[str]]:
    """Per seed, its sentences (the header block left out), in order."""
    runs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalise_text(path.read_text(encoding="utf-8"))
        if parse_header(text):
            text = text[text.index("\n\n") :]
        runs.append([s.text for p in paragraphs(text) for s in sentences(p.text) if len(s.text.split()) >= 3])
    return runs


def _organisations() -> list[tuple[str, list[str]]]:
    entries = load_lexicon().get("organizations", {}).get("entries", [])
    return [(e["name"], [a for a in e.get("aliases") or [] if a.isupper()]) for e in entries if e.get("name")]


class _Renamer:
    """Swaps the seeds' names for generated ones, consistently within one account."""

    def __init__(self, renamables: list[Renamable], rng: random.Random, people: list[str], orgs, cities: list[str]):
        self.rng, self.people, self.orgs, self.cities = rng, people, orgs, cities
        self.by_text = {r.text: r for r in renamables}
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(r.text) for r in renamables) + r")\b")

    def account(self, text: str) -> str:
        chosen: dict[str, str | tuple[str, list[str]]] = {}

        def replace(match: re.Match[str]) -> str:
            item = self.by_text[match.group(0)]
            if item.key not in chosen:
                pool = {"person": self.people, "organization": self.orgs, "city": self.cities}[item.kind]
                chosen[item.key] = self.rng.choice(pool)
            new = chosen[item.key]
            if item.kind == "organization":
                name, acronyms = new  # type: ignore[misc]
                return acronyms[0] if item.text.isupper() and acronyms else name
            if item.kind == "person" and len(item.text.split()) == 1:
                return str(new).split()[0]
            return str(new)

        return self.pattern.sub(replace, text)


def build_corpus(directory: Path, accounts: int, words: int, seed: int = 1) -> int:
    """Write ``accounts`` files of about ``words`` words each; returns the total word count."""
    rng = random.Random(seed)
    runs = _seed_sentences()
    people = sorted({f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(3000)})
    people += [f"{rng.choice(_FIRST)} {rng.choice(_LAST)[0]}" for _ in range(300)]  # partial names: "Ben S"
    renamer = _Renamer(_renamables(), rng, people, _organisations(), _CITIES)
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(accounts):
        body: list[str] = []
        count = 0
        while count < words:
            run = rng.choice(runs)
            start = rng.randrange(len(run))
            paragraph = " ".join(run[start : start + rng.randint(3, 8)])
            body.append(paragraph)
            count += len(paragraph.split())
        author = rng.choice(people)
        header = f"Title: Why I left, part {number}\nAuthor: {author}\nDate: {rng.choice(['March', 'June', 'October'])} {rng.randint(1, 28)}, {rng.randint(2012, 2024)}\n\n"
        text = header + renamer.account("\n\n".join(body)) + "\n"
        (directory / f"synthetic_{number:04d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def _peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _server_rss(pid: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(value.split()[0]) / 1024
    return figures


def _print_run(name: str, report: IngestReport, seconds: float, words: int) -> None:
    accounts = len(report.document.accounts) or sum(1 for s in report.statuses.values() if s != "unchanged")
    print(f"\n{name}")
    print(f"  {seconds:8.1f} s   {words / seconds:10,.0f} words/s   {accounts / seconds:8.1f} accounts/s")
    print(f"  {len(report.document.nodes):,} nodes, {len(report.document.relationships):,} relationships, "
          f"{len(report.failures)} failures")
    for stage, spent in report.timings.items():
        print(f"    {stage:<20} {spent:8.2f} s")
    if report.failures:
        for failure in report.failures[:5]:
            print(f"    error: {failure.line()}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=1_000, help="accounts in the corpus")
    parser.add_argument("--words", type=int, default=2_000, help="words per account (about)")
    parser.add_argument("--jobs", type=int, default=None, help="extraction workers (default: the cores)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpus")
    parser.add_argument("--skip-no-store", action="store_true", help="only run the end-to-end ingest")
    parser.add_argument("--profile", action="store_true", help="profile run (a) in this process (--jobs 1)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="tgraph-bench-ingest-"))
    try:
        corpus = work / "corpus"
        started = time.perf_counter()
        words = build_corpus(corpus, args.accounts, args.words, args.seed)
        print(f"corpus: {args.accounts} accounts, {words:,} words ({words / args.accounts:,.0f} per account), "
              f"built in {time.perf_counter() - started:.1f} s; {available_cores()} cores, jobs {args.jobs or 'auto'}")

        if not args.skip_no_store:
            profiler = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            report = ingest([corpus], store=None, jobs=1 if profiler else args.jobs)
            if profiler:
                profiler.disable()
            _print_run("(a) without a store: load, extract, validate, merge", report, time.perf_counter() - started, words)
            if profiler:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            del report

        home = work / "home"
        server = ensure_running(home)
        try:
            store = GraphStore(FalkorBackend(server.host, server.port, server.password, "bench"))
            started = time.perf_counter()
            report = ingest([corpus], store=store, jobs=args.jobs)
            seconds = time.perf_counter() - started
            _print_run("(b) end to end into a fresh embedded store", report, seconds, words)
            stats = store.stats()
            print(f"  store: {stats.total_nodes:,} nodes, {stats.total_relationships:,} relationships")
            server_figures = _server_rss(server.pid)
            store.close()
        finally:
            stop_server(home)
        own, children = _peak_rss_mib()
        print("\npeak memory")
        print(f"  this process        {own:8.0f} MiB")
        print(f"  largest child       {children:8.0f} MiB   (extraction workers)")
        print(f"  server RSS / peak   {server_figures.get('VmRSS', 0):8.0f} / {server_figures.get('VmHWM', 0):.0f} MiB")
        print(f"  sum of peaks        {own + children + server_figures.get('VmHWM', 0):8.0f} MiB   (target < 2048)")
        print(f"\nend to end: {words / seconds:,.0f} words/s (target >= 10,000)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

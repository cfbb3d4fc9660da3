"""The embedded server's life: crash recovery, sharing, lock-down, save on stop.

Each test runs real ``tgraph`` processes against a TGRAPH_HOME of its own, so
the servers here are separate from the test session's.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import redis

from graph.interchange import write_document
from graph.store.embedded import server_status, stop_server
from handmade_docs import first_document, second_document

TGRAPH = str(Path(sys.executable).with_name("tgraph"))
EVIDENCE = (
    "MATCH (n) OPTIONAL MATCH (n)-[e]->(m) WITH n, e, m "
    "RETURN n.id AS id, n.ev_key AS keys, n.aliases AS aliases, e.id AS rel, e.ev_key AS rel_keys "
    "ORDER BY id, rel"
)


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "home"
    yield path
    stop_server(path)


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TGRAPH_")}
    env["TGRAPH_HOME"] = str(home)
    return env


def tgraph(home: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([TGRAPH, *args], env=env_for(home), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"tgraph {' '.join(args)}: {result.stderr}"
    return result


def stats(home: Path) -> dict:
    return json.loads(tgraph(home, "db", "stats", "--json").stdout)


def evidence(home: Path) -> list[dict]:
    from graph.settings import load_settings
    from graph.store import open_store

    with open_store(load_settings(env_for(home))) as store:
        return store.read(EVIDENCE)


def load_both(home: Path, tmp_path: Path) -> None:
    for name, document in (("first", first_document()), ("second", second_document())):
        path = tmp_path / f"{name}.json"
        write_document(document, path)
        tgraph(home, "db", "load", str(path))


def server_state(home: Path) -> dict:
    return json.loads((home / "server.json").read_text(encoding="utf-8"))


def wait_dead(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                if handle.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except OSError:
            return
        time.sleep(0.05)
    raise AssertionError(f"pid {pid} still alive")


def servers_for(home: Path) -> list[int]:
    """Pids of live servers working in this data directory (a redis-server
    renames itself in ps, but runs in its ``dir``). A save or AOF-rewrite child
    (titled redis-rdb-bgsave / redis-aof-rewrite) is not a server."""
    data = str((home / "data").resolve())
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            title = (entry / "cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            continue
        if state != "Z" and cwd == data and b"redis-server" in title:
            pids.append(int(entry.name))
    return pids


def sole_server(home: Path, timeout: float = 15.0) -> list[int]:
    """servers_for(), once any save child of a killed server has finished (they
    keep the parent's title for a moment after the fork)."""
    deadline = time.monotonic() + timeout
    while True:
        pids = servers_for(home)
        if len(pids) <= 1 or time.monotonic() > deadline:
            return pids
        time.sleep(0.1)


def test_kill_9_after_a_completed_write_loses_nothing(home: Path, tmp_path: Path) -> None:
    load_both(home, tmp_path)
    before_stats, before_evidence = stats(home), evidence(home)
    first_pid = server_state(home)["pid"]
    os.kill(first_pid, signal.SIGKILL)
    wait_dead(first_pid)
    # Any command brings the server back, on the same data.
    assert stats(home) == before_stats
    assert evidence(home) == before_evidence
    second_pid = server_state(home)["pid"]
    assert second_pid != first_pid and sole_server(home) == [second_pid]


def test_kill_9_between_writes(home: Path, tmp_path: Path) -> None:
    """A write after the restart lands on the recovered graph, not a new one."""
    path = tmp_path / "first.json"
    write_document(first_document(), path)
    tgraph(home, "db", "load", str(path))
    os.kill(server_state(home)["pid"], signal.SIGKILL)
    wait_dead(server_state(home)["pid"])
    path2 = tmp_path / "second.json"
    write_document(second_document(), path2)
    tgraph(home, "db", "load", str(path2))
    counts = stats(home)
    assert counts["nodes"]["Account"] == 2 and sum(counts["nodes"].values()) == 10


def test_two_commands_started_at_once_share_one_server(home: Path) -> None:
    commands = [
        subprocess.Popen([TGRAPH, "db", "start"], env=env_for(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [c.communicate(timeout=120) for c in commands]
    assert [c.returncode for c in commands] == [0, 0], outputs
    assert outputs[0][0] == outputs[1][0]  # same pid, same port
    state = server_state(home)
    assert f"pid {state['pid']}, 127.0.0.1:{state['port']}" in outputs[0][0]
    assert sole_server(home) == [state["pid"]]


def test_two_loads_at_once_share_one_server_and_both_land(home: Path, tmp_path: Path) -> None:
    paths = []
    for name, document in (("first", first_document()), ("second", second_document())):
        paths.append(tmp_path / f"{name}.json")
        write_document(document, paths[-1])
    loads = [
        subprocess.Popen([TGRAPH, "db", "load", str(p)], env=env_for(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in paths
    ]
    outputs = [c.communicate(timeout=120) for c in loads]
    assert [c.returncode for c in loads] == [0, 0], outputs
    assert len(sole_server(home)) == 1
    assert stats(home)["nodes"]["Account"] == 2


def _listening_ports(pid: int) -> list[tuple[str, int]]:
    """(local address hex, port) of every listening TCP socket the process holds."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                host, port = address.split(":")
                found.append((host, int(port, 16)))
    return found


def test_server_is_locked_down(home: Path) -> None:
    tgraph(home, "db", "start")
    password = home / "password"
    assert stat.S_IMODE(password.stat().st_mode) == 0o600
    config = (home / "server.conf").read_text(encoding="utf-8")
    assert stat.S_IMODE((home / "server.conf").stat().st_mode) == 0o600
    assert "bind 127.0.0.1" in config.splitlines()
    assert "bolt" not in config.lower()
    state = server_state(home)
    # Only the one Redis-protocol port, on loopback: no Bolt endpoint, nothing on other interfaces.
    assert _listening_ports(state["pid"]) == [("0100007F", state["port"])]
    anonymous = redis.Redis(host="127.0.0.1", port=state["port"], socket_timeout=5)
    with pytest.raises(redis.exceptions.AuthenticationError):
        anonymous.ping()
    anonymous.close()
    info = server_status(home)
    assert info is not None
    client = redis.Redis(host="127.0.0.1", port=state["port"], password=info.password)
    assert client.config_get("bind")["bind"] == "127.0.0.1"
    assert client.config_get("appendonly")["appendonly"] == "yes"
    client.close()


def test_password_file_is_tightened_if_loosened(home: Path) -> None:
    tgraph(home, "db", "start")
    tgraph(home, "db", "stop")
    os.chmod(home / "password", 0o644)
    tgraph(home, "db", "start")
    assert stat.S_IMODE((home / "password").stat().st_mode) == 0o600


def test_stop_saves_and_a_later_start_has_the_data(home: Path, tmp_path: Path) -> None:
    load_both(home, tmp_path)
    before_stats, before_evidence = stats(home), evidence(home)
    pid = server_state(home)["pid"]
    assert "stopped (data saved)" in tgraph(home, "db", "stop").stdout
    wait_dead(pid)
    assert (home / "data" / "graph.rdb").exists()
    assert servers_for(home) == []
    assert "running: pid" in tgraph(home, "db", "start").stdout
    assert stats(home) == before_stats
    assert evidence(home) == before_evidence

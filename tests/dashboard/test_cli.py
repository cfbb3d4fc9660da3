"""``tgraph dashboard``: its help, and the Streamlit command it becomes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dashboard.cli import APP, streamlit_command

TGRAPH = str(Path(sys.executable).with_name("tgraph"))


def test_help_explains_every_option(cli_env: dict[str, str]) -> None:
    result = subprocess.run([TGRAPH, "dashboard", "--help"], env=cli_env, capture_output=True, text=True, check=True)
    for option in ("--host", "--port", "--check"):
        assert option in result.stdout
    assert "TGRAPH_HOME" in result.stdout and "Ctrl+C" in result.stdout
    listed = subprocess.run([TGRAPH, "--help"], env=cli_env, capture_output=True, text=True, check=True)
    assert "dashboard" in listed.stdout


def test_streamlit_runs_headless_without_usage_statistics() -> None:
    command = streamlit_command("127.0.0.1", 8600)
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4] == str(APP) and APP.exists()
    options = dict(zip(command[5::2], command[6::2]))
    assert options["--server.headless"] == "true"
    assert options["--browser.gatherUsageStats"] == "false"
    assert options["--server.address"] == "127.0.0.1" and options["--server.port"] == "8600"


def test_a_bad_port_is_one_clear_line(cli_env: dict[str, str]) -> None:
    result = subprocess.run([TGRAPH, "dashboard", "--port", "0"], env=cli_env, capture_output=True, text=True)
    assert result.returncode != 0 and "--port" in result.stderr and "Traceback" not in result.stderr

"""Starting without a desktop, or with a misspelt command: a clear message and exit status 2, never
Qt's abort (134) and never a misspelt command taken for a file to open."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.display import missing_display

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env, cwd=cwd)


def bare_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_no_display_is_a_message_and_exit_2():
    done = run([str(ROOT / "resources" / "samples")], bare_env())
    assert done.returncode == 2
    assert "没有可用的图形桌面" in done.stderr and "main.py check" in done.stderr and "Traceback" not in done.stderr


def test_a_display_that_does_not_answer_is_a_message_and_exit_2():
    if sys.platform != "linux":
        pytest.skip("xcb is Linux only")
    done = run([], bare_env(QT_QPA_PLATFORM="xcb", DISPLAY=":97"))
    assert done.returncode == 2, done.stderr
    assert "无法打开窗口" in done.stderr and "check" in done.stderr


def test_headless_commands_need_no_display(tmp_path: Path):
    sample = next((ROOT / "resources" / "samples").glob("002_*.txt"))
    done = run(["check", str(sample), "--json"], bare_env())
    assert done.returncode in (0, 1) and done.stdout.startswith("[")


def test_a_misspelt_command_is_an_argument_error(tmp_path: Path):
    done = run(["chek", "report.txt"], bare_env(), cwd=tmp_path)
    assert done.returncode == 2
    assert "usage:" in done.stderr and "chek" in done.stderr and "check" in done.stderr


def test_which_environments_have_a_display():
    assert missing_display({}, "linux")
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "win32") is None and missing_display({}, "darwin") is None


def test_asking_needs_no_qt():
    code = "import sys, ui.display; ui.display.missing_display(); sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0

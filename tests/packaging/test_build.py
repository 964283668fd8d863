"""Build the desktop app with PyInstaller and smoke-test both executables. Slow (minutes): runs only
with RUN_SLOW=1, e.g. `RUN_SLOW=1 QT_QPA_PLATFORM=offscreen python3 -m pytest tests/packaging`."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = next((ROOT / "resources" / "samples").glob("002_*.txt"))

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.environ.get("RUN_SLOW") != "1", reason="slow: set RUN_SLOW=1 to build the app")]


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out), "--work", str(work)],
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "年报审阅"


def test_console_executable_checks_a_report(dist: Path):
    exe = dist / ("nianbao.exe" if os.name == "nt" else "nianbao")
    done = subprocess.run([str(exe), "check", str(SAMPLE), "--json"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    bundled = json.loads(done.stdout)[0]
    source = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(SAMPLE), "--json"],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert bundled == json.loads(source.stdout)[0]


def test_console_executable_fetches_from_a_local_site(dist: Path, tmp_path: Path):
    """The HTTP client (httpx, certifi) is in the bundle: fetch from a site on 127.0.0.1 only."""
    from tests.collect.site import Site

    site = Site()
    try:
        url = site.add("/nb.txt", SAMPLE.read_bytes(), content_type="text/plain; charset=utf-8")
        exe = dist / ("nianbao.exe" if os.name == "nt" else "nianbao")
        done = subprocess.run([str(exe), "fetch", url, "--out", str(tmp_path / "ev"), "--delay", "0"],
                              capture_output=True, text=True, encoding="utf-8", timeout=120,
                              env=dict(os.environ, NO_PROXY="*", no_proxy="*"))
    finally:
        site.close()
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(line) for line in (tmp_path / "ev" / "evidence.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["url"] == url and record["role"] == "report"


def test_console_executable_reads_a_scan_offline(dist: Path, one_page_scan: Path):
    """The bundled OCR model and onnxruntime read a scanned page, with the network cut off."""
    exe = dist / ("nianbao.exe" if os.name == "nt" else "nianbao")
    offline = ["unshare", "-rn"] if shutil.which("unshare") and subprocess.run(
        ["unshare", "-rn", "true"], capture_output=True).returncode == 0 else []
    done = subprocess.run([*offline, str(exe), "check", str(one_page_scan), "--json"], capture_output=True, text=True,
                          encoding="utf-8", timeout=600)
    assert done.returncode in (0, 1), done.stderr
    bundled = json.loads(done.stdout)[0]
    source = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(one_page_scan), "--json"],
                            capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert bundled["applications"] == json.loads(source.stdout)[0]["applications"]
    assert bundled["applications"]["部分公开"][0] == 40 and bundled["boxes"]


def test_gui_executable_starts(dist: Path, tmp_path: Path):
    exe = dist / ("年报审阅.exe" if os.name == "nt" else "年报审阅")
    # A private profile (on Linux): the app is killed below, which leaves a crash-recovery journal behind
    home = {name: str(tmp_path / name) for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                                                    "APPDATA", "LOCALAPPDATA")}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **home)
    proc = subprocess.Popen([str(exe), str(SAMPLE)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=8)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(timeout=10)
        # Still running after 8 s; the journal it writes after each command shows the report was opened
        journals = list(tmp_path.rglob("session-journal.json"))
        assert journals, "the GUI never recorded an open report"
        assert json.loads(journals[0].read_text(encoding="utf-8"))["current"] == str(SAMPLE)
        return
    pytest.fail(f"GUI exited early with {proc.returncode}: {proc.stderr.read().decode(errors='replace')[-2000:]}")

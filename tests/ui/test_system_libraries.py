"""README's Linux line lists every system library Qt's xcb platform plugin needs: ldd on the plugin
finds none missing, and the list README gives is the one CI installs."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def xcb_plugin() -> Path | None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"sudo apt-get install ([^`]+?)\n```", text, re.S)
    assert block, "README has the apt-get line for the xcb plugin"
    return set(block.group(1).replace("\\", " ").split())


def test_the_xcb_plugin_finds_every_library():
    plugin = xcb_plugin()
    if sys.platform != "linux" or plugin is None or shutil.which("ldd") is None:
        pytest.skip("Linux with ldd and PySide6's xcb plugin only")
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60).stdout
    missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
    assert not missing, f"Qt's xcb plugin cannot load: missing {', '.join(missing)} (install README's Linux packages)"


def test_readme_and_ci_install_the_same_xcb_packages():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = set(re.search(r'xcb="([^"]+)"', ci).group(1).split())
    assert listed == readme_packages()
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxkbcommon-x11-0"} <= listed

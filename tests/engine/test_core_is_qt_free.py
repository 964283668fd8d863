"""core/ is the engine the CLI runs headless: importing it (and running the CLI) must never pull in Qt.
Checked in a fresh interpreter where PySide6 is made unimportable, like napari's core check."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_BLOCK = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in core: ' + name)
sys.meta_path.insert(0, Block())
"""


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _BLOCK + code], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_every_core_module_imports_without_qt():
    code = """
import pkgutil, importlib, core
for m in pkgutil.walk_packages(core.__path__, 'core.'):
    importlib.import_module(m.name)
assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
print('ok')
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_check_command_runs_without_qt():
    sample = ROOT / "tests" / "engine" / "data" / "tiny_report.txt"
    code = f"""
import runpy
sys.argv = ['main.py', 'check', {str(sample)!r}, '--json']
try:
    runpy.run_path('main.py', run_name='__main__')
except SystemExit as e:
    assert e.code in (0, 1), e.code
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert '"file"' in proc.stdout

"""Build the desktop app: compile the translations, write the Windows version resource from
pyproject's version, run PyInstaller on packaging/nianbao.spec. Output: dist/年报审阅/ with the GUI
executable 年报审阅 and the console executable nianbao.

    python -m pip install -r packaging/requirements-build.txt
    python packaging/build.py [--dist DIR] [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.version import APP_NAME, APP_NAME_EN, ORG_NAME, version  # noqa: E402


def compile_translations(out: Path) -> None:
    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    out.mkdir(parents=True, exist_ok=True)
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run([str(tool), str(ts), "-qm", str(out / ts.with_suffix(".qm").name)], check=True,
                       capture_output=True)


def version_resource(path: Path) -> None:
    """A VSVersionInfo for Windows (ignored elsewhere): file and product version from pyproject."""
    parts = [int(p) for p in version().split(".")[:3] if p.isdigit()] + [0, 0, 0]
    quad = tuple(parts[:4])
    path.write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1,
                    subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '{ORG_NAME}'),
      StringStruct('FileDescription', '{APP_NAME} — {APP_NAME_EN}'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('ProductName', '{APP_NAME}'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
""", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    parser.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"))
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    compile_translations(work / "i18n")
    version_resource(work / "version_info.txt")
    env = dict(os.environ, NIANBAO_BUILD_DIR=str(work))
    return subprocess.call([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", args.dist,
                            "--workpath", str(work / "work"), str(ROOT / "packaging" / "nianbao.spec")], env=env)


if __name__ == "__main__":
    sys.exit(main())

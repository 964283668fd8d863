"""Fixtures shared by the test packages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A private copy of the five sample reports: sidecars and outputs never land in the repository."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    return folder

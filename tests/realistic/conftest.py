"""Generated forms are made once per session into a temporary directory (office and scan forms in one
LibreOffice run), never written into the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.realistic.forms import FORMS, make, missing_tools
from tests.realistic.keys import base_keys, mutated, mutation_cells
from tests.realistic.score import read

OFFICE_FORMS = ("docx", "office_pdf", "office_narrow", "wps_pdf")
SCAN_FORMS = ("scan", "scan_noisy")
# PDF forms are slow to make: mutations tried on two reports (one B, one C cell each), scans on one.
OFFICE_MUTATION_BASES = ("random-7",)
SCAN_KEYS = ("random-7",)


def office_keys():
    base = base_keys()
    mutants = [mutated(k, c) for k in base if k.name in OFFICE_MUTATION_BASES for c in mutation_cells(k)]
    return base + mutants


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """The office and scan forms of the keys above, made in one batch."""
    keys = office_keys()
    workdir = tmp_path_factory.mktemp("office")
    forms = [FORMS[f] for f in OFFICE_FORMS if not missing_tools(FORMS[f])]
    files = make(forms, keys, workdir)
    scans = [FORMS[f] for f in SCAN_FORMS if not missing_tools(FORMS[f])]
    files.update(make(scans, [k for k in keys if k.name in SCAN_KEYS], workdir))  # scans of the printed PDFs
    return files


@pytest.fixture(scope="session")
def readings():
    """Each file read once per session (the same file is scored by several tests)."""
    cache: dict[Path, tuple] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = read(path)
        return cache[path]
    return get

"""Fixtures shared by the test packages."""
from __future__ import annotations

import os
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


# --- office-printed and scanned PDFs of the samples (built once, cached between runs) ---------------
PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="session")
def office_cache(pytestconfig) -> Path:
    return Path(pytestconfig.cache.mkdir("nianbao-office-pdfs"))


@pytest.fixture(scope="session")
def office_pdfs(office_cache):
    """{(sample, variant): PDF}: the samples as Word documents printed by LibreOffice."""
    from tests.formats.office import VARIANTS, missing_tools, office_pdfs

    if missing := missing_tools("soffice"):
        pytest.skip(f"LibreOffice is not installed ({', '.join(missing)}): .ci/run installs libreoffice-writer")
    return office_pdfs(office_cache, PREFIXES, list(VARIANTS))


# OCR takes a couple of seconds a page: the default run scans two samples (7 pages: table B with
# values, the fee with four decimals); RUN_SLOW=1 scans all five.
SCANNED = PREFIXES if os.environ.get("RUN_SLOW") == "1" else ["000", "002"]


@pytest.fixture(scope="session")
def scanned_pdfs(office_cache):
    """{sample: PDF}: the samples printed, rasterised at 150 dpi gray and wrapped without a text layer."""
    from tests.formats.office import missing_tools, scanned_pdfs

    if missing := missing_tools("soffice", "pdftoppm", "img2pdf"):
        pytest.skip(f"tools to make scans are missing ({', '.join(missing)}): .ci/run installs them")
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR models (requirements.txt) are not installed")
    return scanned_pdfs(office_cache, SCANNED)


@pytest.fixture(scope="session")
def scanned_reports(scanned_pdfs):
    """Each scan read once per test session (OCR takes seconds a page)."""
    from core.api import analyze_file

    return {p: analyze_file(path) for p, path in scanned_pdfs.items()}


@pytest.fixture(scope="session")
def one_page_scan(office_cache, office_pdfs) -> Path:
    """The page of sample 002's print that holds table B's 部分公开 row, scanned at a slant of half a
    degree and kept as a JPEG: a small OCR job with what copiers do to a page."""
    import pdfplumber

    from tests.formats.office import missing_tools, scan

    if missing := missing_tools("pdftoppm", "img2pdf"):
        pytest.skip(f"tools to make scans are missing ({', '.join(missing)}): .ci/run installs them")
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR models (requirements.txt) are not installed")
    printed = office_pdfs[("002", "compact")]
    out = printed.with_name("002_compact_page_scan_tilted.pdf")
    if not out.exists():
        with pdfplumber.open(printed) as pdf:
            page = next(n for n, p in enumerate(pdf.pages, start=1) if "部分公开" in (p.extract_text() or ""))
        scan(printed, out, (page, page), tilt=0.5)
    return out

"""Encodings, bad input, spans and the `check` command's public JSON contract."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.api import analyze_file
from core.checks import run_checks
from core.errors import ReportError
from core.export.jsonout import report_json
from tests.engine.test_samples import SAMPLES, sample_path

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = ["000", "001", "002", "003", "004"]


def as_json(report) -> dict:
    return report_json(report, run_checks(report))


def comparable(path: Path) -> dict:
    """The JSON object minus what legitimately differs between re-encodings."""
    out = as_json(analyze_file(path))
    out.pop("file")
    out.pop("encoding")
    return out


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("codec,reported", [("gb18030", "gb18030"), ("utf-16", "utf-16"),
                                            ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030")])
def test_reencoded_samples_give_identical_results(tmp_path: Path, prefix: str, codec: str, reported: str) -> None:
    original = sample_path(prefix)
    copy = tmp_path / original.name
    try:
        copy.write_bytes(original.read_text(encoding="utf-8").encode(codec))
    except UnicodeEncodeError:
        pytest.skip(f"{original.name} uses characters outside {codec}")
    assert analyze_file(copy).source.encoding == reported
    assert comparable(copy) == comparable(original)


def test_crlf_line_endings_keep_spans_exact(tmp_path: Path) -> None:
    original = sample_path("002")
    copy = tmp_path / "crlf.txt"
    copy.write_bytes(original.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    report = analyze_file(copy)
    base = as_json(analyze_file(original))
    assert as_json(report)["applications"] == base["applications"]
    text = report.source.text
    for key, (start, end) in as_json(report)["spans"].items():
        assert text[start:end].strip() and text[start:end][0].isdigit(), key


@pytest.mark.parametrize("prefix", PREFIXES)
def test_spans_and_finding_cells_point_at_printed_values(prefix: str) -> None:
    report = analyze_file(sample_path(prefix))
    data = as_json(report)
    text = report.source.text
    for cell_id, (start, end) in data["spans"].items():
        printed = text[start:end]
        assert printed and printed == printed.strip(), cell_id
    for finding in run_checks(report):
        for start, end in finding.spans:
            assert 0 <= start < end <= len(text)
        for key in finding.cells:
            cell = report.cell(key)
            if cell.span:
                assert text[cell.span[0]:cell.span[1]] == cell.raw


@pytest.mark.parametrize("make,reason", [
    (lambda p: p.write_bytes(b""), "空"),
    (lambda p: p.write_bytes(bytes(range(256)) * 40), "二进制"),
    (lambda p: p.mkdir(), "文件夹"),
    (lambda p: None, "不存在"),
])
def test_bad_input_is_a_clear_error(tmp_path: Path, make, reason: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(ReportError) as info:
        analyze_file(path)
    assert reason in info.value.reason and str(path) in str(info.value)


def test_letters_and_negative_numbers_in_cells(tmp_path: Path) -> None:
    text = sample_path("002").read_text(encoding="utf-8")
    text = text.replace("行政规范性文件 |\n0 |\n1 |\n3 |", "行政规范性文件 |\nabc |\n-1 |\n3 |")
    path = tmp_path / "letters.txt"
    path.write_text(text, encoding="utf-8")
    report = analyze_file(path)
    v01 = [f for f in run_checks(report) if f.rule == "V01"]
    assert {c.id for f in v01 for c in f.cells} >= {"active.行政规范性文件[0]", "active.行政规范性文件[1]"}
    assert all(f.severity.value == "error" for f in v01)


def test_truncated_table_names_missing_rows(tmp_path: Path) -> None:
    text = sample_path("002").read_text(encoding="utf-8")
    cut = text.index("(六)其他处理")
    path = tmp_path / "truncated.txt"
    path.write_text(text[:cut], encoding="utf-8")
    findings = run_checks(analyze_file(path))
    s03 = [f.message for f in findings if f.rule == "S03"]
    assert any("3.其他" in m for m in s03) and any("（七）总计" in m for m in s03)
    assert not [f for f in findings if f.rule in ("B01", "B03")]  # blanks are never arithmetic errors


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120)


def test_check_json_contract_and_exit_codes(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    good = sample_path("002")
    done = run_cli("check", str(good), str(broken), str(sample_path("001")), "--json")
    assert done.returncode == 2
    data = json.loads(done.stdout)
    assert [d["file"] for d in data] == [str(good), str(broken), str(sample_path("001"))]
    assert data[1]["error"] and "Traceback" not in done.stderr
    assert str(broken) in done.stderr and len(done.stderr.strip().splitlines()) == 1
    first = data[0]
    assert set(first) >= {"file", "encoding", "format", "layout", "agency", "year", "sections_present", "active",
                          "applications", "review_litigation", "findings", "spans"}
    assert first["applications"]["本年新收"] == [51, 0, 0, 0, 0, 0, 51]
    assert first["review_litigation"][2] == 1 and first["format"] == "text" and first["encoding"] == "utf-8"
    assert data[2]["applications"] is None


def _undecodable_name(folder: Path) -> Path:
    """A report under a name of bytes that are not UTF-8, as unzipping an archive made on a GBK system
    leaves it (where the file system takes such names: not on macOS or Windows)."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/\xc4\xea\xb1\xa8.txt"))  # 年报 in GBK
    try:
        path.write_bytes(sample_path("002").read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only names in its own encoding")
    return path


def test_a_file_name_that_is_not_utf8_is_checked_and_exported(tmp_path: Path) -> None:
    path = _undecodable_name(tmp_path)
    done = run_cli("check", str(path), "--json")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    data = json.loads(done.stdout)  # the undecodable bytes are escapes of the surrogates that stand for them
    assert data[0]["file"] == str(path) and data[0]["applications"]["本年新收"] == [51, 0, 0, 0, 0, 0, 51]
    done = run_cli("export", str(path), "--out", str(tmp_path / "out"))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert len(list((tmp_path / "out").glob("*审阅底稿.xlsx"))) == 1 and (tmp_path / "out" / "汇总.xlsx").is_file()


def test_check_summary_exit_status() -> None:
    assert run_cli("check", str(sample_path("002"))).returncode == 0
    done = run_cli("check", str(sample_path("001")))
    assert done.returncode == 1 and "表格缺失" in done.stdout


def test_check_does_not_import_qt() -> None:
    code = ("import sys, runpy; sys.argv=['main.py','check',%r];"
            "\ntry:\n runpy.run_path(%r, run_name='__main__')\nexcept SystemExit: pass\n"
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'") % (
        str(sample_path("004")), str(ROOT / "main.py"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr


def test_samples_folder_is_self_contained() -> None:
    assert len(list(SAMPLES.glob("*.txt"))) == 5

"""The fast paths of ``check`` give what the general ones give: the report's JSON as a batch parks
it (tables and spans written as UTF-8 from the cells, cross-report findings spliced in) against
``encode(report_json(...))``, a finding's one-format JSON against the generic walk, sentence keys cut
from the cleaned text against the keys of the sentences, severities counted with ``list.count``."""
from __future__ import annotations

import pickle
import random
from decimal import Decimal
from pathlib import Path

import pytest

from core.api import analyze_file, analyze_text
from core.checks import run_checks
from core.checks.sentences import Prose, _keys, _sentences
from core.cli.check_cmd import _counts
from core.export import jsonout
from core.model import CellKind, CellValue, Finding, Severity
from core.template import CellKey, all_cells
from tests.engine.test_samples import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _whole(report, findings, own: int | None = None) -> str:
    """The report's text as a batch writes it: parked with its own findings (the first ``own``, by
    default half of them), read back, the others (cross-report findings) spliced in after them."""
    own = len(findings) // 2 if own is None else own
    own, added = findings[:own], findings[own:]
    text, cut = pickle.loads(pickle.dumps(jsonout.report_text(report, own)))
    pieces = jsonout.with_findings(text, cut, jsonout.findings_text(list(map(jsonout.encode_finding, added))))
    return b"".join(pieces).decode(*jsonout.UTF8)


@pytest.mark.parametrize("path", SAMPLE_FILES[:6], ids=lambda p: p.name[:3])
def test_report_text_is_the_report_json(path: Path) -> None:
    report = analyze_file(path)
    findings = run_checks(report)
    expected = jsonout.encode(jsonout.report_json(report, findings), 1)
    for own in sorted({0, 1, len(findings) // 2, len(findings)}):  # none of its own, all found later, ...
        assert _whole(report, findings, own) == expected


def test_report_text_with_values_that_are_not_ints() -> None:
    """Blank, decimal and missing cells take the general format of a table; a cell with no span has none."""
    report = analyze_file(SAMPLE_FILES[0])
    rng = random.Random(7)
    for data in report.tables.values():
        if data is None:
            continue
        for key in list(data.cells):
            pick = rng.random()
            if pick < 0.1:
                data.cells[key] = CellValue(CellKind.EMPTY, None, "", (5, 5))
            elif pick < 0.2:
                data.cells[key] = CellValue(CellKind.NUMBER, Decimal("1.50"), "1.50", (10, 14))
            elif pick < 0.3:
                data.cells[key] = CellValue(CellKind.NUMBER, 3, "3")
    findings = run_checks(report)
    assert _whole(report, findings) == jsonout.encode(jsonout.report_json(report, findings), 1)


def test_spans_of_a_cell_not_of_the_form() -> None:
    report = analyze_file(SAMPLE_FILES[0])
    report.tables["active"].cells[CellKey("active", "不在表中", 0)] = CellValue(CellKind.NUMBER, 1, "1", (3, 4))
    findings = run_checks(report)
    assert _whole(report, findings) == jsonout.encode(jsonout.report_json(report, findings), 1)


def test_a_report_without_tables() -> None:
    report = analyze_text("某某局2024年政府信息公开工作年度报告\n没有表格。")
    assert _whole(report, []) == jsonout.encode(jsonout.report_json(report, []), 1)


def test_a_path_that_is_no_valid_utf8() -> None:
    """A file name of undecodable bytes holds a lone surrogate (``os.fsdecode``): the UTF-8 parts keep it."""
    report = analyze_text(SAMPLE_FILES[0].read_text(encoding="utf-8"), path="r\udcb1.txt")
    findings = run_checks(report)
    assert _whole(report, findings) == jsonout.encode(jsonout.report_json(report, findings), 1)


def test_finding_json_in_one_format() -> None:
    report = analyze_file(SAMPLE_FILES[0])
    cells = all_cells("active")[:3]
    findings = run_checks(report) + [Finding("V01", Severity.ERROR, 'a "quoted" 100% \\ message'),
                                     Finding("V02", Severity.INFO, "", cells=cells)]
    for f in findings:
        assert jsonout.encode_finding(f) == jsonout.encode(jsonout.finding_json(f), 3)


def test_keys_are_the_sentences_keys() -> None:
    rng = random.Random(3)
    alphabet = "政府信息公开年度报告abc_ 　\n，、。！？；;!?0123456789١٢３（）“”"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        for mask in (False, True):
            assert _keys(text, mask) == [s.key for s in _sentences(text, 0, mask)]
    prose = Prose(((0, "第一句话说了什么。第二句话2024年说了。"), (40, "尾巴没有句号")))
    assert prose.keys(True) == [s.key for s in prose.sentences(True)]


def test_counts_by_severity() -> None:
    rng = random.Random(5)
    findings = [Finding("V01", rng.choice(list(Severity)), "") for _ in range(50)]
    assert _counts(findings) == tuple(sum(1 for f in findings if f.severity is s) for s in Severity)

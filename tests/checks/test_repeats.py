"""X07: the share of this report's sentences that repeat the same agency's previous report. The samples
are turned into "next year" copies with a known share of their sentences rewritten, re-serialised the
ways sites publish them, and X07 must give that share within 2 points."""
from __future__ import annotations

import random
import re
from html import escape
from pathlib import Path

import pytest

from core.api import analyze_file, analyze_text
from core.checks import run_cross_checks
from core.checks.cross_state import NARRATIVE_PARTS
from core.checks.repeats import (
    DEFAULT_THRESHOLD,
    repeats,
    sentence_hashes,
    set_threshold,
)
from core.checks.sentences import Prose
from tests.engine.test_samples import sample_path

PROSE_PARTS = (1, 5, 6)
SENTENCE = re.compile(r"[^。！？；;!?]*[。！？；;!?]")


def next_year(text: str, share_changed: float, seed: int) -> tuple[str, float]:
    """The report a year on: years moved on, and a known share of the sentences of parts 一、五、六
    rewritten (reversed, so nothing of them matches). Returns the text and the expected repeated share."""
    report = analyze_text(text)
    found = []
    for n in PROSE_PARTS:
        lo, hi = report.sections[n].body_span
        found += [m for m in SENTENCE.finditer(text, lo, hi) if len(re.sub(r"[\W_]", "", m.group())) >= 6]
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(found)), round(share_changed * len(found))))
    out, last = [], 0
    for i, m in enumerate(found):
        if i in chosen:
            lead = len(m.group()) - len(m.group().lstrip())  # the line break after a heading stays
            body = m.group()[lead:]
            out += [text[last:m.start() + lead], body[:-1][::-1] + body[-1]]
            last = m.end()
    out.append(text[last:])
    year = report.year
    moved = "".join(out).replace(str(year), str(year + 1)).replace(str(year - 1), str(year))
    return moved, 100.0 * (len(found) - len(chosen)) / len(found)


def as_html(text: str) -> bytes:
    lines = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    return f'<html><head><meta charset="utf-8"></head><body><div class="nav">首页 &gt; 年报</div>{lines}</body></html>'.encode()


def as_docx(text: str) -> bytes:
    import io

    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


SERIALISE = {
    "text": lambda t: t.encode("utf-8"),
    "gb18030_fullwidth": lambda t: t.translate(str.maketrans("0123456789,:", "０１２３４５６７８９，：")).encode("gb18030"),
    "wrapped_lines": lambda t: "\n".join(line[i:i + 37] for line in t.splitlines() for i in range(0, max(len(line), 1), 37)).encode(),
    "html": as_html,
    "docx": as_docx,
}
SUFFIX = {"html": ".html", "docx": ".docx"}


def x07(prev_path: Path, next_path: Path):
    prev, cur = analyze_file(prev_path), analyze_file(next_path)
    if cur.agency is None:  # 001 has no title: wrapped lines cut the sentence its agency is read from,
        cur.agency = prev.agency  # and the auditor names it by hand (编辑 ▸ 修改机关名称)
    found = [f for f in run_cross_checks([(prev, None), (cur, None)])[1] if f.rule == "X07"]
    assert len(found) == 1
    return found[0], float(re.search(r"相同的句子占 ([\d.]+)%", found[0].message).group(1))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("form", sorted(SERIALISE))
def test_share_of_repeated_sentences_within_two_points(tmp_path: Path, prefix: str, form: str) -> None:
    original = sample_path(prefix)
    text = original.read_text(encoding="utf-8")
    for share_changed, seed in ((0.3, 1), (0.75, 2)):
        moved, expected = next_year(text, share_changed, seed)
        target = tmp_path / f"next{seed}{SUFFIX.get(form, '.txt')}"
        target.write_bytes(SERIALISE[form](moved))
        finding, measured = x07(original, target)
        assert abs(measured - expected) <= 2, (measured, expected)
        assert finding.severity.value == ("warning" if measured > DEFAULT_THRESHOLD else "info")


def test_passages_and_threshold(tmp_path: Path) -> None:
    original = sample_path("000")
    moved, expected = next_year(original.read_text(encoding="utf-8"), 0.3, 1)
    target = tmp_path / "next.txt"
    target.write_text(moved, encoding="utf-8")
    finding, measured = x07(original, target)
    assert finding.severity.value == "warning" and "超过阈值 50%" in finding.message
    assert "最长的重复段落：“" in finding.message and finding.spans
    cur = analyze_file(target)
    spans = [e - s for s, e in finding.spans]
    assert spans == sorted(spans, reverse=True) and all(cur.source.text[s:e].strip() for s, e in finding.spans)
    try:
        set_threshold(80)
        finding, _ = x07(original, target)
        assert finding.severity.value == "info" and "未超过阈值 80%" in finding.message
    finally:
        set_threshold(DEFAULT_THRESHOLD)
    with pytest.raises(ValueError):
        set_threshold(120)


def test_state_kept_per_report_is_a_set_of_hashes() -> None:
    prev = analyze_file(sample_path("002"))
    kept = sentence_hashes(Prose.of(prev, NARRATIVE_PARTS))
    assert isinstance(kept, frozenset) and all(isinstance(h, int) for h in kept)
    again = analyze_text(sample_path("002").read_text(encoding="utf-8").replace("2024", "2025"))
    assert repeats(Prose.of(again, NARRATIVE_PARTS), kept).share == 100.0
    assert repeats(Prose.of(again, NARRATIVE_PARTS), frozenset()).share == 0.0


def test_other_agencies_and_non_consecutive_years_are_not_compared() -> None:
    text = sample_path("002").read_text(encoding="utf-8")
    prev = analyze_text(text, "a.txt")
    later = analyze_text(text.replace("2024", "2026"), "b.txt")
    other = analyze_text(text.replace("2024", "2025").replace("兴义市", "安龙县"), "c.txt")
    found = run_cross_checks([(prev, None), (later, None), (other, None)])
    assert not [f for fs in found for f in fs if f.rule == "X07"]


def test_workbook_shows_the_share_and_the_passages(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from core.batch import export_paths

    original = sample_path("003")
    moved, expected = next_year(original.read_text(encoding="utf-8"), 0.3, 1)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(moved, encoding="utf-8")
    result = export_paths([folder], tmp_path / "out")
    (wb,) = [w for w in result.workbooks]
    from core.export.workbook.findings_sheet import COLUMNS, HEADER_ROW

    sheet = load_workbook(wb.path)["检查结果"]
    rows = [dict(zip(COLUMNS, (c.value for c in row))) for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    (x07,) = [r for r in rows if r["序号"] and str(r["规则"]).startswith("X07")]  # "X07\n警告": rule and severity
    assert f"相同的句子占 {expected:.1f}%" in x07["问题说明"] and "最长的重复段落" in x07["问题说明"]
    assert x07["规则"] == "X07\n警告" and x07["原文摘录"]

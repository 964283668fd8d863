"""Every finding reads in Chinese and in English: templates in both languages with the same fields, the
form's labels and the rule titles in English, and no Chinese left in an English message except the
report's own words (quotes, names) passed in as data."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from core.api import analyze_text
from core.checks import RULES, run_checks, run_cross_checks
from core.messages import MESSAGES, Bi, Joined, Message, finding_text, render
from core.model import Finding
from core.template import (
    ACTIVE_ROW_HEADER,
    ACTIVE_SINGLE_COLUMN,
    B_NOTE,
    B_RESULTS_GROUP,
    C_GROUPS,
    EN,
    SECTIONS,
    TABLES,
    all_cells,
    cell_label,
)

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def fields(fmt: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(fmt) if name}


@pytest.mark.parametrize("template", sorted(MESSAGES))
def test_both_languages_take_the_same_facts(template):
    zh, en = MESSAGES[template]
    assert fields(en) <= fields(zh) or template == "N08", template  # N08's unit (条/件) is Chinese only
    assert fields(zh) - fields(en) <= {"unit"}
    assert not CJK.search(en), f"{template}: {en}"


def test_every_rule_has_an_english_title():
    for rule in RULES.values():
        assert rule.title_in("en") != rule.title and not CJK.search(rule.title_in("en")), rule.id


def test_every_label_of_the_form_has_an_english_name():
    labels = {ACTIVE_ROW_HEADER, B_NOTE, *ACTIVE_SINGLE_COLUMN.values(), *(s.heading for s in SECTIONS)}
    for spec in TABLES.values():
        labels |= {spec.title, *(g for g, _, _ in spec.column_groups)}
        labels |= {r.label for r in spec.rows}
        labels |= {g for r in spec.rows for g in (r.group.partition(B_RESULTS_GROUP)[1:]
                                                  if r.group.startswith(B_RESULTS_GROUP) else (r.group,)) if g}
        labels |= {part for c in spec.columns for part in c.split("·")}
    labels |= {part for g in C_GROUPS for part in g.split("·")}
    missing = sorted(x for x in labels if x not in EN)
    assert not missing
    for table in TABLES:
        for key in all_cells(table):
            assert not CJK.search(cell_label(key, "en")), cell_label(key, "en")


def redacted(value):
    """The same parameters with the report's own words (plain strings) replaced: what is left is ours."""
    if isinstance(value, str):
        return "x"
    if isinstance(value, Message):
        return Message(value.template, redacted_params(value.params))
    if isinstance(value, Joined):
        return Joined(tuple(redacted(v) for v in value.items), value.zh, value.en)
    if isinstance(value, tuple):
        return tuple(redacted(v) for v in value)
    return value


def redacted_params(params):
    return tuple((k, redacted(v)) for k, v in params)


def corpus_findings() -> list[Finding]:
    """The samples, and each with blanks, placeholders, text, a wrong year, residue and a late date."""
    found: list[Finding] = []
    reports = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        zeros = [m.start() for m in re.finditer(r"\n0 \|", text)]
        variants = [text, text + "\nXX镇 YYYY年政府信息公开工作年度报告（单位名称）\n2099年1月5日\n",
                    text.replace("2024年1月1日", "2023年1月1日")]
        for i, pos in enumerate(zeros[:40:4]):
            variants.append(text[:pos + 1] + (" |", "/ |", "-3 |", "1.5 |", "abc |", "12 |")[i % 6] + text[pos + 3:])
        for i, t in enumerate(variants):
            report = analyze_text(t, path=f"{path.name}:{i}")
            found.extend(run_checks(report))
            reports.append(report)
    for extra in run_cross_checks([(r, None) for r in reports + reports[:2]]):
        found.extend(extra)
    return found


def test_every_finding_renders_in_both_languages():
    found = corpus_findings()
    rules = {f.rule for f in found}
    assert {"B01", "B02", "B03", "S02", "S05", "S06", "S07", "T02", "T04", "T07", "D03", "V01", "V03", "X08"} <= rules
    for f in found:
        assert f.template, f  # extraction notes too: every finding has its words in both languages
        assert render(f.template, f.params, "zh") == f.message == finding_text(f, "zh")
        english = finding_text(f, "en")
        assert english != f.message
        ours = render(f.template, redacted_params(f.params), "en")
        assert not CJK.search(ours), (f.rule, ours)


def test_a_parameter_renders_by_its_kind():
    assert render("S01.missing", (("part", Bi("三", "3")), ("heading", Bi("三、收到", "3. Received"))), "en") == \
        "Part 3 “3. Received” is missing"
    assert render("T01.missing", (("missing", Joined((Bi("存在的问题", "the problems"),
                                                       Bi("改进情况", "the improvements")), "和", " and ")),), "zh") \
        == "第五部分未写明存在的问题和改进情况"


def test_duplicate_files_get_one_note_each_and_name_the_others():
    text = next(SAMPLES.glob("002_*.txt")).read_text(encoding="utf-8")
    other = next(SAMPLES.glob("003_*.txt")).read_text(encoding="utf-8")
    reports = [analyze_text(t, path=p) for t, p in ((text, "a/002.txt"), (other, "003.txt"), (text, "b/002.txt"),
                                                     (text, "copy.txt"))]
    out = run_cross_checks([(r, None) for r in reports])
    x08 = [[f for f in found if f.rule == "X08"] for found in out]
    assert [len(x) for x in x08] == [1, 0, 1, 1]
    assert "a/002.txt" not in x08[0][0].message and "b/002.txt" in x08[0][0].message and "copy.txt" in x08[0][0].message
    assert "其他 2 个文件" in x08[0][0].message and x08[0][0].severity.value == "info"
    assert finding_text(x08[3][0], "en").startswith("Identical to other files in this batch (2): a/002.txt, b/002.txt")


def test_many_copies_name_the_first_three_others_and_count_them_all():
    text = next(SAMPLES.glob("002_*.txt")).read_text(encoding="utf-8")
    reports = [analyze_text(text, path=f"copy{i}.txt") for i in range(6)]
    out = run_cross_checks([(r, None) for r in reports])
    for i, found in enumerate(out):
        x08 = [f for f in found if f.rule == "X08"]
        named = [f"copy{j}.txt" for j in range(6) if j != i][:3]
        assert len(x08) == 1 and "其他 5 个文件" in x08[0].message, x08
        assert all(name in x08[0].message for name in named) and f"copy{i}.txt" not in x08[0].message
        assert finding_text(x08[0], "en").startswith(f"Identical to other files in this batch (5): {', '.join(named)}")

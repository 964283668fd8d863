"""N, T and D02/D03: each rule firing on a hand-made case and staying quiet where the text agrees."""
from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from core.api import analyze_file, analyze_text
from core.checks import run_checks
from core.checks.context import CheckContext
from core.checks.dates import publication
from core.extraction.narrative.numbers import to_int
from core.model import Severity
from core.template import CellKey
from tests.engine.render_text import random_tables, render_report

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "samples"
OVERVIEW = "2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"
PART5 = "存在问题：公开内容不够丰富。改进情况：加强培训，完善制度。"
PART6 = "本机关未收取信息处理费。"


def tables(seed: int = 4):
    return random_tables(random.Random(seed))


def report(overview: str = OVERVIEW, part5: str = PART5, part6: str = PART6, t=None, agency="某某县某某镇人民政府",
           year=2024, extra: str = ""):
    t = t or tables()
    text = render_report(t, "pipe_cells", random.Random(0), agency=agency, year=year)
    text = text.replace(OVERVIEW.replace("2024", str(year)), overview).replace(PART5, part5).replace(PART6, part6)
    return analyze_text(text + extra), t


def rules(rep) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in run_checks(rep):
        out.setdefault(f.rule, []).append(f)
    return out


def totals(t) -> tuple[int, int, int, int]:
    v = t.values
    return tuple(v[CellKey("applications", r, 6)] for r in ("本年新收", "上年结转", "总计", "结转下年度"))


def test_chinese_numerals():
    assert [to_int(x) for x in ("三", "两", "十二", "二十三", "一百零五", "零", "1,234", "５２", "两万零三")] == \
        [3, 2, 12, 23, 105, 0, 1234, 52, 20003]


@pytest.mark.parametrize("reading", ["new", "new_plus_carried"])
def test_n01_either_reading_passes(reading):
    t = tables()
    new, carried, _, _ = totals(t)
    n = new if reading == "new" else new + carried
    rep, _ = report(OVERVIEW + f"全年共收到政府信息公开申请{n}件。", t=t)
    assert "N01" not in rules(rep)


def test_n01_mismatch_warns_and_approximate_never_does():
    t = tables()
    new, carried, _, _ = totals(t)
    rep, _ = report(OVERVIEW + f"全年共收到政府信息公开申请{new + carried + 7}件。", t=t)
    found = rules(rep)["N01"]
    assert found[0].severity is Severity.WARNING and str(new + carried + 7) in found[0].message
    rep, _ = report(OVERVIEW + f"全年共收到政府信息公开申请{new + carried + 7}余件。", t=t)
    assert "N01" not in rules(rep)


def test_n02_none_against_non_zero_table_is_an_error():
    t = tables()
    assert totals(t)[0] > 0
    rep, _ = report(OVERVIEW + "本年度未收到政府信息公开申请。", t=t)
    assert rules(rep)["N02"][0].severity is Severity.ERROR
    rep = analyze_file(next(SAMPLES.glob("003_*")))  # says none, table is zero
    assert "N02" not in rules(rep)


def test_n03_n04_closed_and_carried():
    t = tables()
    _, carried, total, forward = totals(t)
    good = OVERVIEW + f"办结{total}件，结转下年度继续办理{forward}件，上年结转{carried}件。"
    assert not {"N03", "N04"} & set(rules(report(good, t=t)[0]))
    bad = OVERVIEW + f"办结{total + 1}件，结转下年度继续办理{forward + 2}件。"
    found = rules(report(bad, t=t)[0])
    assert "N03" in found and "N04" in found


def test_n05_n06_n07_against_tables():
    t = tables()
    v = t.values
    issued = v[CellKey("active", "行政规范性文件", 0)]
    penalties = v[CellKey("active", "行政处罚", 0)]
    review = v[CellKey("review_litigation", "", 4)]
    good = OVERVIEW + f"制发行政规范性文件{issued}件。作出行政处罚{penalties}件。行政复议{review}件。"
    assert not {"N05", "N06", "N07"} & set(rules(report(good, t=t)[0]))
    bad = OVERVIEW + f"制发行政规范性文件{issued + 1}件。作出行政处罚{penalties + 3}件。行政复议{review + 1}件。"
    found = rules(report(bad, t=t)[0])
    assert {"N05", "N06", "N07"} <= set(found)


def test_n07_none_while_cases_exist_is_an_error():
    t = tables()
    c = sum(t.values[CellKey("review_litigation", "", k)] for k in (4, 9, 14))
    assert c > 0
    rep, _ = report(OVERVIEW + "本年度未发生政府信息公开行政复议、行政诉讼案件。", t=t)
    assert rules(rep)["N07"][0].severity is Severity.ERROR


def test_n08_parts_must_add_up():
    rep, _ = report(OVERVIEW + "全年主动公开信息共120条，其中工作动态80条、通知公告30条、政策文件5条。")
    assert rules(rep)["N08"][0].lhs_value == 120
    rep, _ = report(OVERVIEW + "全年主动公开信息共120条，其中工作动态80条、通知公告40条。")
    assert "N08" not in rules(rep)
    rep, _ = report(OVERVIEW + "全年主动公开信息共120条，其中工作动态80条、通知公告30条等。")
    assert "N08" not in rules(rep)


def test_samples_narrative_findings_are_what_is_true():
    expected = {
        "000": {("N08", "info"), ("T02", "info"), ("T04", "info")},      # 184+35+1+1 ≠ 213 as printed
        "001": {("N09", "info"), ("T03", "warning"), ("T02", "info"), ("T04", "info")},
        "002": {("T02", "info"), ("T04", "info")},                        # 52 = 新收 51 + 结转 1
        "003": {("T03", "warning"), ("T02", "info"), ("T04", "info")},
        "004": {("T02", "info")},
    }
    for prefix, want in expected.items():
        rep = analyze_file(next(SAMPLES.glob(f"{prefix}_*")))
        got = {(f.rule, f.severity.value) for f in run_checks(rep) if f.rule[0] in "NTX" or f.rule in ("D02", "D03")}
        assert got == want, prefix
    n09 = [f for f in run_checks(analyze_file(next(SAMPLES.glob("001_*")))) if f.rule == "N09"]
    assert any("3宗" in f.message for f in n09) and all(f.verdict.value == "无法核对" for f in n09)


def test_t01_t03_t05_t10():
    found = rules(report(part5="无。", part6="无。")[0])
    assert {"T01", "T03"} <= set(found)
    t = tables()
    t.values[CellKey("applications", "其他处理_2", 6)] = 0
    rep, _ = report(t=t, extra="")
    assert "T05" not in rules(rep)
    rep, _ = report(part6="本机关未收取信息处理费。曾向申请人发出收费通知1件。")
    assert "T05" in rules(rep)
    rep, _ = report(part6="本年度收取行政事业性收费，未收取信息处理费。")
    assert "T10" in rules(rep)


def test_t06_government_accountability():
    rep, _ = report(agency="某某县人民政府")
    assert "T06" in rules(rep)
    rep, _ = report(agency="某某县人民政府", part6=PART6 + "全年开展工作考核、社会评议，未发生责任追究。")
    assert "T06" not in rules(rep)


def test_t07_residue_t08_neighbour_t09_last_year():
    assert "T07" in rules(report(OVERVIEW + "XX镇认真落实（单位名称）要求。")[0])
    assert "T08" in rules(report(OVERVIEW + "甲乙镇人民政府高度重视政务公开。", agency="某某县丙丁镇人民政府")[0])
    assert "T08" not in rules(report(OVERVIEW + "丙丁镇人民政府高度重视政务公开。", agency="某某县丙丁镇人民政府")[0])
    last_year = "2023年，本机关认真贯彻落实条例。2023年全年主动公开信息。2023年加强培训。"
    assert "T09" in rules(report(last_year)[0])


@pytest.mark.parametrize("chrome,agency,expect", [
    ("发布时间：2025-01-20", "某某县某某镇人民政府", None),
    ("发布时间：2025-02-20", "某某县某某镇人民政府", "D02"),
    ("发布时间：2025-02-20", "某某县人民政府", None),          # a government's report is due 31 March
    ("发布时间：2025-04-02", "某某县人民政府", "D02"),
    ("发布时间：2024-12-20", "某某县某某镇人民政府", "D03"),
    ("发布时间：2026-02-01", "某某县某某镇人民政府", "D03"),
])
def test_publication_dates(chrome, agency, expect):
    rep, _ = report(agency=agency, extra=chrome + "\n")
    found = list(publication(CheckContext(rep), today=date(2025, 6, 1)))
    assert [f.rule for f in found] == ([expect] if expect else [])


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    rep, _ = report(part6="本机关未收取信息处理费。计划于2024年12月31日前完成整改。")
    assert not list(publication(CheckContext(rep), today=date(2025, 6, 1)))
    rep, _ = report(part6="本机关未收取信息处理费。", extra="某某县某某镇人民政府\n2025年1月20日\n")
    assert not list(publication(CheckContext(rep), today=date(2025, 6, 1)))
    rep, _ = report(part6="本机关未收取信息处理费。", extra="某某县某某镇人民政府\n2025年3月2日\n")
    assert [f.rule for f in publication(CheckContext(rep), today=date(2025, 6, 1))] == ["D02"]


def test_statistics_time_is_not_a_publication_date():
    rep, _ = report(extra="统计时间：2024年1月1日至2024年12月31日\n")
    assert not list(publication(CheckContext(rep), today=date(2025, 6, 1)))


def test_published_items_are_not_case_counts():
    rep, _ = report(OVERVIEW + "公开行政许可信息120条，行政处罚信息35条。")
    assert not {"N06"} & set(rules(rep))


def test_year_before_the_title_words_is_not_residue():
    assert "T07" not in rules(report(OVERVIEW + "现将本机关2024 年政府信息公开工作年度报告公布如下。")[0])
    assert "T07" in rules(report(OVERVIEW + "现将本机关年政府信息公开工作年度报告公布如下。")[0])

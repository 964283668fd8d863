"""The reader on text as crawlers and converters leave it: no line breaks, cells glued together, the
form's real variants (issue 12). Every value is compared with the same report read in its original form."""
from __future__ import annotations

import pytest

from core.api import analyze_text
from core.checks import run_checks
from core.model import CellKind, Severity
from core.template import CellKey, all_cells, row_cells
from tests.engine.test_samples import sample_path

TABLES = ("active", "applications", "review_litigation")


def values(report) -> dict[str, object]:
    return {k.id: report.cell(k).value for t in TABLES for k in all_cells(t)}


def errors(report) -> list:
    return [f for f in run_checks(report) if f.severity is Severity.ERROR]


def sample(prefix: str) -> str:
    return sample_path(prefix).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_every_newline_deleted(prefix: str) -> None:
    text = sample(prefix)
    flat = analyze_text(text.replace("\n", ""))
    assert sorted(flat.sections) == [1, 2, 3, 4, 5, 6]
    assert values(flat) == values(analyze_text(text))
    assert not errors(flat)


def test_headings_mid_paragraph_and_back_to_back() -> None:
    flat = analyze_text(sample("001").replace("\n", ""))  # 二、三、四 headings follow each other directly
    assert sorted(flat.sections) == [1, 2, 3, 4, 5, 6]
    assert flat.sections[2].heading == "二、主动公开政府信息情况"
    assert {f.rule for f in errors(flat)} == {"S02"}  # the report really has no tables


def glued_report(rows: dict[str, str], c_row: str = "000000000000000") -> str:
    """A report as textContent gives it: every cell glued to the next, no separators at all."""
    b = "".join(f"{label}{rows.get(key, '0000000')}" for key, label in (
        ("本年新收", "一、本年新收政府信息公开申请数量"), ("上年结转", "二、上年结转政府信息公开申请数量"),
        ("予以公开", "三、本年度办理结果（一）予以公开"), ("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("不予公开_1", "（三）不予公开1.属于国家秘密"), ("不予公开_2", "2.其他法律行政法规禁止公开"),
        ("不予公开_3", "3.危及“三安全一稳定”"), ("不予公开_4", "4.保护第三方合法权益"), ("不予公开_5", "5.属于三类内部事务信息"),
        ("不予公开_6", "6.属于四类过程性信息"), ("不予公开_7", "7.属于行政执法案卷"), ("不予公开_8", "8.属于行政查询事项"),
        ("无法提供_1", "（四）无法提供1.本机关不掌握相关政府信息"), ("无法提供_2", "2.没有现成信息需要另行制作"),
        ("无法提供_3", "3.补正后申请内容仍不明确"), ("不予处理_1", "（五）不予处理1.信访举报投诉类申请"), ("不予处理_2", "2.重复申请"),
        ("不予处理_3", "3.要求提供公开出版物"), ("不予处理_4", "4.无正当理由大量反复申请"),
        ("不予处理_5", "5.要求行政机关确认或重新出具已获取信息"),
        ("其他处理_1", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("其他处理_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), ("其他处理_3", "3.其他"),
        ("总计", "（七）总计"), ("结转下年度", "四、结转下年度继续办理")))
    return ("某县某镇人民政府2024年政府信息公开工作年度报告本报告统计期限为2024年1月1日至2024年12月31日。"
            "一、总体情况2024年，本镇扎实推进政务公开。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
            "本年废止件数现行有效件数规章000行政规范性文件0311第二十条第（五）项信息内容本年处理决定数量行政许可12"
            "第二十条第（六）项信息内容本年处理决定数量行政处罚3行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）"
            "行政事业性收费0三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
            "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" + b +
            "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计" + c_row +
            "五、存在的主要问题及改进情况公开内容不够丰富，将加强培训。六、其他需要报告的事项本年度未收取信息处理费。")


def b_row(report, row: str) -> list:
    return [report.cell(k).value for k in row_cells("applications", row)]


def test_glued_rows_cut_by_shape_and_by_the_tables_totals() -> None:
    # new 12 3 0 0 0 0 15, carried 1 … 1; published 10 3 … 13, partly 2 … 2; forward 1 … 1
    report = analyze_text(glued_report({"本年新收": "123000015", "上年结转": "1000001", "予以公开": "103000013",
                                        "部分公开": "2000002", "总计": "123000015", "结转下年度": "1000001"}))
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert b_row(report, "本年新收") == [12, 3, 0, 0, 0, 0, 15]
    assert b_row(report, "上年结转") == [1, 0, 0, 0, 0, 0, 1]
    assert b_row(report, "予以公开") == [10, 3, 0, 0, 0, 0, 13]
    assert b_row(report, "部分公开") == [2, 0, 0, 0, 0, 0, 2]
    assert b_row(report, "总计") == [12, 3, 0, 0, 0, 0, 15]
    assert [report.cell(k).value for k in row_cells("active", "规章")] == [0, 0, 0]
    assert report.cell(CellKey("active", "行政许可", 0)).value == 12
    assert [report.cell(k).value for k in all_cells("review_litigation")] == [0] * 15
    assert any(f.rule == "S03" and f.severity is Severity.INFO and "唯一拆分" in f.message for f in run_checks(report))
    assert not errors(report)


def test_glued_digits_that_split_several_ways_stay_unread_with_the_candidates() -> None:
    report = analyze_text(glued_report({}))
    cells = [report.cell(k) for k in row_cells("active", "行政规范性文件")]  # 0311: 0 3 11 or 0 31 1
    assert cells[0].value == 0  # every reading agrees on the first cell
    assert all(c.value is None and c.kind is CellKind.AMBIGUOUS for c in cells[1:])
    s03 = [f for f in run_checks(report) if f.rule == "S03" and f.severity is Severity.WARNING]
    assert any("0311" in f.message and "0 3 11" in f.message and "0 31 1" in f.message for f in s03)
    assert not errors(report)


def test_a_printed_error_in_a_row_cut_by_shape_is_still_an_error() -> None:
    # seven digits for seven cells: the cut is forced, so the row's own total (1+2 ≠ 4) is the report's error
    report = analyze_text(glued_report({"本年新收": "1200004", "予以公开": "1200003", "总计": "1200003",
                                        "结转下年度": "0000001"}))
    assert b_row(report, "本年新收") == [1, 2, 0, 0, 0, 0, 4]
    assert any(f.rule == "B02" and CellKey("applications", "本年新收", 6) in f.cells for f in errors(report))


def test_no_cut_satisfies_the_totals_then_nothing_is_guessed() -> None:
    # 12 new but nothing handled: no cut of the glued rows makes B01 hold, and the report may be wrong —
    # the ambiguous cells are unread (warning), never an error about numbers we chose
    report = analyze_text(glued_report({"本年新收": "123000015"}))
    assert b_row(report, "本年新收") == [None] * 7
    assert not [f for f in errors(report) if CellKey("applications", "本年新收", 0) in f.cells]


def with_b_rows(prefix: str, start: str, end: str, replacement: str) -> str:
    base = sample(prefix)
    i, j = base.index(start), base.index(end)
    return base[:i] + replacement + base[j:]


@pytest.mark.parametrize("flat", [False, True])
def test_single_other_row_of_zero(flat: bool) -> None:
    text = with_b_rows("002", "(六)其他处理 |", "(七)总计 |", "(六)其他处理 |\n" + "0 |\n" * 7)
    report = analyze_text(text.replace("\n", "") if flat else text)
    for row in ("其他处理_1", "其他处理_2", "其他处理_3"):
        assert b_row(report, row) == [0] * 7
    assert any(f.rule == "S05" and f.severity is Severity.INFO and "未分项" in f.message for f in run_checks(report))
    assert not errors(report)


def test_single_other_row_not_zero_leaves_its_items_unread() -> None:
    text = with_b_rows("002", "(六)其他处理 |", "(七)总计 |", "(六)其他处理 |\n1 |\n" + "0 |\n" * 5 + "1 |\n")
    report = analyze_text(text)
    assert b_row(report, "其他处理_1") == [None] * 7
    found = [f for f in run_checks(report) if f.rule == "S03"]
    assert found and found[0].severity is Severity.WARNING
    assert not errors(report)


def test_omitted_rules_row_is_a_warning_not_an_error() -> None:
    report = analyze_text(with_b_rows("002", "规章 |", "行政规范性文件 |", ""))
    assert [report.cell(k).value for k in row_cells("active", "规章")] == [None] * 3
    s03 = [f for f in run_checks(report) if f.rule == "S03"]
    assert s03 and all(f.severity is Severity.WARNING for f in s03)
    assert not errors(report)


@pytest.mark.parametrize("flat", [False, True])
def test_misprinted_headings_and_labels(flat: bool) -> None:
    text = sample("002")
    for a, b in (("一、本年新收政府信息公开申请数量", "一、本年新权政府信息申请数量"), ("三、收到和处理", "三、收到及处理"),
                 ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"),
                 ("五、存在的主要问题及改进情况", "五、存在的主要间题及改进情况"), ("二、主动公开政府信息情况", "二、主动公开政府信息")):
        assert a in text
        text = text.replace(a, b)
    report = analyze_text(text.replace("\n", "") if flat else text)
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert values(report) == values(analyze_text(sample("002")))
    assert any(f.rule == "S05" and "本年新权" in f.message for f in run_checks(report))
    assert not errors(report)


@pytest.mark.parametrize("flat", [False, True])
def test_an_extra_numbered_part_shifts_the_later_ones(flat: bool) -> None:
    base = sample("002")
    i = base.index("三、收到和处理")
    text = base[:i] + "三、政务公开工作要点落实情况\n| 事项 | 数量 |\n| 发布解读 | 20 |\n| 回应关切 | 24 |\n" + base[i:]
    for n, (a, b) in enumerate((("三、收到和处理", "四、收到和处理"), ("四、政府信息公开行政复议", "五、政府信息公开行政复议"),
                                ("五、存在的主要", "六、存在的主要"), ("六、其他需要", "七、其他需要"))):
        k = text.index(a, i + 10)
        text = text[:k] + b + text[k + len(a):]
    report = analyze_text(text.replace("\n", "") if flat else text)
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert values(report) == values(analyze_text(base))
    assert any(f.rule == "S05" and "多出一个部分" in f.message for f in run_checks(report))
    assert not errors(report)


def test_claims_about_corrected_cases_compare_with_the_corrected_columns() -> None:
    text = sample("002").replace("一、总体情况\n", "一、总体情况\n本年度行政复议被纠错0件，行政复议1件。\n")
    assert not [f for f in run_checks(analyze_text(text)) if f.rule == "N07"]  # 结果纠正 0, 总计 1
    text = sample("002").replace("一、总体情况\n", "一、总体情况\n本年度行政复议被纠错1件。\n")
    n07 = [f for f in run_checks(analyze_text(text)) if f.rule == "N07"]
    assert n07 and "结果纠正" in n07[0].message and n07[0].severity is Severity.WARNING


def test_page_number_after_a_form_feed_inside_a_row() -> None:
    text = sample("002")
    flat = text.replace("\n", " ")
    k = flat.index("部分公开")
    k = flat.index("(三)不予公开", k)
    paged = flat[:k] + "\f- 5 - " + flat[k:]
    assert values(analyze_text(paged)) == values(analyze_text(text))


def test_units_set_off_by_a_space() -> None:
    text = sample("002").replace("行政许可 |\n0 |", "行政许可 |\n218 件 |")
    assert analyze_text(text).cell(CellKey("active", "行政许可", 0)).value == 218


@pytest.mark.parametrize("flat", [False, True])
def test_a_changed_number_is_flagged_in_one_line_text(flat: bool) -> None:
    text = sample("002").replace("51 |\n0 |\n0 |\n0 |\n0 |\n0 |\n51 |", "58 |\n0 |\n0 |\n0 |\n0 |\n0 |\n51 |", 1)
    report = analyze_text(text.replace("\n", "") if flat else text)
    assert any(f.rule == "B02" and CellKey("applications", "本年新收", 0) in f.cells for f in errors(report))


def test_long_glued_runs_end_unread_not_guessed() -> None:
    """Adversarial runs of 40 random digits in every row: the search gives up within its budget and the
    rows are unread with a warning; no error is raised about numbers nobody printed."""
    import random

    rng = random.Random(5)
    keys = [k.row for k in all_cells("applications") if k.col == 0]
    report = analyze_text(glued_report({k: "".join(rng.choice("0123456789") for _ in range(40)) for k in keys},
                                       c_row="".join(rng.choice("0123456789") for _ in range(40))))
    assert all(report.cell(k).value is None for k in all_cells("applications"))
    assert not [f for f in errors(report) if f.rule in ("B01", "B02", "B03", "C01")]


@pytest.mark.parametrize("flat", [False, True])
def test_tables_appended_after_the_last_part(flat: bool) -> None:
    """Parts 二–四 that only say 详见附表 and the three tables printed after part 六."""
    text = sample("002")
    heads = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
             "五、存在的主要问题")
    at = [text.index(h) for h in heads]
    bodies = [text[at[n] + len(heads[n]):at[n + 1]] for n in range(3)]
    moved = text[:at[0]] + "".join(f"{h}\n详见附表{n + 1}。\n" for n, h in enumerate(heads[:3])) + text[at[3]:] \
        + "".join(f"\n附表{n + 1}\n{b}" for n, b in enumerate(bodies))
    report = analyze_text(moved.replace("\n", "") if flat else moved)
    assert values(report) == values(analyze_text(text))
    assert sum(1 for f in run_checks(report) if f.rule == "S05" and "附在报告之后" in f.message) == 3
    assert not errors(report)


@pytest.mark.parametrize("prefix", ["001", "002", "004"])
def test_unnumbered_headings_in_one_line_text(prefix: str) -> None:
    import re

    text = re.sub(r"(?m)^[一二三四五六]、(?=总体|主动|收到|政府信息公开行政|存在|其他需要)", "", sample(prefix))
    report = analyze_text(text.replace("\n", ""))
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert values(report) == values(analyze_text(sample(prefix)))


def test_the_readers_notes_read_in_english_too() -> None:
    """Every note the reader makes on these forms has its words in both languages."""
    import re

    from core.messages import finding_text, render
    from tests.checks.test_messages import redacted_params

    consistent = {"本年新收": "123000015", "上年结转": "1000001", "予以公开": "103000013", "部分公开": "2000002",
                  "总计": "123000015", "结转下年度": "1000001"}
    texts = [glued_report({}), glued_report(consistent), glued_report({"本年新收": "1230000015"}),
             with_b_rows("002", "(六)其他处理 |", "(七)总计 |", "(六)其他处理 |\n1 |\n" + "0 |\n" * 5 + "1 |\n"),
             with_b_rows("002", "(六)其他处理 |", "(七)总计 |", "(六)其他处理 |\n" + "0 |\n" * 7),
             with_b_rows("002", "规章 |", "行政规范性文件 |", ""),
             sample("002").replace("一、本年新收政府信息公开申请数量", "一、本年新权政府信息申请数量")
             .replace("五、存在的主要问题及改进情况", "五、存在的主要间题及改进情况")]
    notes = [f for t in texts for f in run_checks(analyze_text(t)) if f.rule in ("S03", "S05")]
    assert {f.subject.split(":")[0] for f in notes} >= {"row", "split", "label", "group", "heading-wording"}
    for f in notes:
        assert f.template, f.message
        assert render(f.template, f.params, "zh") == f.message
        english = render(f.template, redacted_params(f.params), "en")
        assert not re.search(r"[\u4e00-\u9fff]", english), english
        assert finding_text(f, "en") != f.message


STANDARD_HEADINGS = {1: "一、总体情况", 2: "二、主动公开政府信息情况", 3: "三、收到和处理政府信息公开申请情况",
                     4: "四、政府信息公开行政复议、行政诉讼情况", 5: "五、存在的主要问题及改进情况", 6: "六、其他需要报告的事项"}
AGENCY_WORDINGS = [
    (1, "一、工作总体情况"), (1, "一、基本情况"), (1, "一、概述"), (2, "二、主动公开政府信息"), (2, "二、主动公开情况"),
    (3, "三、收到和处理政府信息公开申请的情况"), (3, "三、依申请公开政府信息情况"), (3, "三、受理和办理政府信息公开申请情况"),
    (4, "四、因政府信息公开申请提起行政复议、行政诉讼情况"), (4, "四、政府信息公开行政复议及行政诉讼情况"),
    (4, "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况"), (5, "五、工作中存在的问题及改进措施"),
    (5, "五、存在的不足及改进措施"), (5, "五、政府信息公开工作存在的主要问题及改进情况"), (6, "六、其他事项"),
    (6, "六、需要报告的其他事项"), (6, "六、其它需要报告的事项"),
]


@pytest.mark.parametrize("flat", [False, True])
@pytest.mark.parametrize(("part", "wording"), AGENCY_WORDINGS)
def test_agencies_own_wordings_of_the_part_titles(part: int, wording: str, flat: bool) -> None:
    text = sample("002").replace(STANDARD_HEADINGS[part], wording)
    report = analyze_text(text.replace("\n", "") if flat else text)
    assert sorted(report.sections) == [1, 2, 3, 4, 5, 6]
    assert values(report) == values(analyze_text(sample("002")))
    assert not errors(report)


def test_the_cut_by_shape_is_the_one_a_full_search_finds() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from core.extraction.glued import Piece, row_splits, shape_count, shape_split

    runs = st.lists(st.text("0000123", min_size=1, max_size=5), min_size=1, max_size=4)

    @settings(max_examples=300, deadline=None)
    @given(runs, st.integers(1, 8), st.lists(st.booleans(), min_size=4, max_size=4))
    def check(digits: list[str], ncols: int, glued: list[bool]) -> None:
        pieces, pos = [], 0
        for d, g in zip(digits, glued):
            g = g and len(d) > 1
            d = d if g else str(int(d))
            pieces.append(Piece(CellKind.NUMBER, d, pos, pos + len(d), int(d), g))
            pos += len(d) + 1
        if shape_count(pieces, ncols) == 1:
            found = row_splits(pieces, ncols, {})
            assert [[(p.raw, p.start, p.end) for p in c] for c in found] == \
                [[(p.raw, p.start, p.end) for p in shape_split(pieces, ncols)]]

    check()


def test_row_splits_are_exactly_the_cuts_that_make_the_row_add_up() -> None:
    """Against brute force: every cut of the glued runs into the row's cells, kept when each row total
    (B02; C01's three groups) equals the sum of its parts."""
    import itertools

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from core.equations import strict_equations
    from core.extraction.glued import Piece, row_splits, row_totals

    def brute(pieces, ncols, totals):
        found = []

        def rec(i, acc):
            if i == len(pieces):
                if len(acc) == ncols:
                    found.append(acc)
                return
            p = pieces[i]
            if not p.glued:
                rec(i + 1, acc + [(p.raw, p.start, p.value)])
                return
            for k in range(1, len(p.raw) + 1):
                for cuts in itertools.combinations(range(1, len(p.raw)), k - 1):
                    bounds = list(zip((0, *cuts), (*cuts, len(p.raw))))
                    parts = [(p.raw[a:b], p.start + a, int(p.raw[a:b])) for a, b in bounds]
                    if all(len(x) == 1 or x[0] != "0" for x, _, _ in parts) and len(acc) + k <= ncols:
                        rec(i + 1, acc + parts)

        rec(0, [])
        return sorted(tuple((x, s) for x, s, _ in c) for c in found
                      if all(sum(v for _, _, v in c[f:t]) == c[t][2] for t, f in totals.items()))

    @settings(max_examples=200, deadline=None)
    @given(st.sampled_from([("applications", "本年新收"), ("review_litigation", ""), ("active", "规章")]),
           st.lists(st.tuples(st.text("000011239", min_size=1, max_size=6), st.booleans()), min_size=1, max_size=5))
    def check(row, runs) -> None:
        keys = list(row_cells(*row))
        totals = row_totals(strict_equations(keys), keys)
        pieces, pos = [], 0
        for d, g in runs:
            g = g and len(d) > 1
            d = d if g else str(int(d))
            pieces.append(Piece(CellKind.NUMBER, d, pos, pos + len(d), int(d), g))
            pos += len(d) + 1
        if sum(len(p.raw) if p.glued else 1 for p in pieces) > 20:
            return
        found = row_splits(pieces, len(keys), totals)
        assert sorted(tuple((p.raw, p.start) for p in c) for c in found) == brute(pieces, len(keys), totals)

    check()

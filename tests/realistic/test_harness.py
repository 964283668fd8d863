"""The harness itself: its keys are what they claim (consistent, or broken exactly where mutated), and
each form really carries the defects it is named for — otherwise the accuracy numbers mean nothing."""
from __future__ import annotations

import random
import re
import subprocess

import pytest

from core.template import APPLICATIONS, B_OUTCOME_ROWS, CellKey
from tests.realistic import converter, crawler, glued
from tests.realistic.conftest import OFFICE_FORMS
from tests.realistic.document import Table, build, layout
from tests.realistic.forms import FORMS, missing_tools
from tests.realistic.keys import base_keys, mutated, mutation_cells, sample_key
from tests.realistic.oldformat import trial2019_key
from tests.realistic.real import REAL, real_key
from tests.realistic.variants import VARIANTS


def broken_totals(values: dict) -> list[str]:
    """The cross totals (B01–B03, C01) that do not hold on a key's values."""
    out = []
    if CellKey("applications", "总计", 0) in values:
        def b(row, col):
            return values[CellKey("applications", row, col)]
        for c in range(7):
            if b("本年新收", c) + b("上年结转", c) != b("总计", c) + b("结转下年度", c):
                out.append(f"B01[{c}]")
            if sum(b(r, c) for r in B_OUTCOME_ROWS) != b("总计", c):
                out.append(f"B03[{c}]")
        for r in APPLICATIONS.rows:
            if sum(b(r.key, c) for c in range(6)) != b(r.key, 6):
                out.append(f"B02 {r.key}")
    if CellKey("review_litigation", "", 0) in values:
        for g in range(3):
            parts = [values[CellKey("review_litigation", "", g * 5 + i)] for i in range(5)]
            if sum(parts[:4]) != parts[4]:
                out.append(f"C01[{g}]")
    return out


@pytest.mark.parametrize("key", base_keys(), ids=lambda k: k.name)
def test_base_keys_are_consistent_and_mutants_are_not(key):
    assert broken_totals(key.values) == []
    for cell in mutation_cells(key):
        assert broken_totals(mutated(key, cell).values), cell.id


def test_mutated_sample_text_prints_the_changed_number():
    key = sample_key("002")
    cell = CellKey("applications", "予以公开", 0)
    text = mutated(key, cell).source_text
    assert text.count("\n") == key.source_text.count("\n") and "\n11 |\n" in text and "\n4 |\n" not in text


def test_real_keys_are_consistent():
    """The hand-read answer keys of the real reports satisfy every cross total the report does."""
    for key_file in REAL.glob("*.key.json"):
        key, path = real_key(key_file)
        assert path.exists() and broken_totals(key.values) == []


@pytest.mark.parametrize("key", base_keys()[2:3] + base_keys()[5:6], ids=lambda k: k.name)
def test_every_value_is_printed_once_in_the_grid(key):
    for table in build(key).tables():
        _, placed = layout(table)
        printed = [c.key for _, _, c in placed if c.key is not None]
        assert sorted(printed) == sorted(k for k in key.values if k.table == table.id)


def _b(doc) -> Table:
    return next(t for t in doc.tables() if t.id == "applications")


def test_variants_change_the_form_as_named():
    key = sample_key("002")
    single = build(VARIANTS["other_single_zero"](key))
    assert len(_b(single).rows) - 3 == 23 and "（六）其他处理" in crawler.inner_text(single)
    assert "\n规章\t" not in crawler.inner_text(build(VARIANTS["no_rules_row"](key)))
    extra = [b.text for b in build(VARIANTS["extra_part"](key)).blocks if getattr(b, "role", "") == "heading"]
    assert extra[2] == "三、政府信息公开咨询处理情况" and extra[-1].startswith("七、") and extra[3].startswith("四、收到")
    heji = crawler.inner_text(build(VARIANTS["heji"](key)))
    assert "（七）合计" in heji and "（七）总计" not in heji
    assert "大量重复申请" in crawler.inner_text(build(VARIANTS["chongfu"](key)))
    assert "收到及处理" in crawler.inner_text(build(VARIANTS["wording"](key)))
    assert len(_b(build(trial2019_key())).rows) - 3 == 23


def test_crawler_forms_have_no_line_structure():
    key = sample_key("002")
    glued = crawler.text_content(build(key))
    assert "\n" not in glued
    assert re.search(r"[。）]二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数", glued)
    assert "规章000行政规范性文件013" in glued and "一、本年新收政府信息公开申请数量510000051" in glued
    mixed = crawler.mixed_separators(build(key), random.Random(1))
    b = mixed[mixed.find("一、本年新收"):mixed.find("四、结转下年度")]
    assert "\n" not in mixed and re.search(r"\d\d", b) and re.search(r"\d[ \t\u00a0]+\d", b)
    assert "\n" not in FORMS["oneline_sample"].text(key)


def test_converter_forms_carry_their_defects():
    doc = build(base_keys()[5])
    marker, mineru, detached, doc2x = (converter.FLAVOURS[f](doc) for f in ("marker", "mineru", "detached", "doc2x"))
    assert "| 数据1 | 数据2 |" in marker and "\n— 2 —\n" in marker and "<br>" in marker
    assert marker.count("| 数据1 |") >= 4  # a placeholder header on every table piece
    assert mineru.count("<table>") == 4 and 'rowspan="' in mineru
    assert "### 四、结转下年度继续办理" in detached and "### 一、本年新收政府信息公开申请数量" in detached
    assert re.search(r"\n\| \d+ \| \d+ \|", detached) and "| 行政复议 |  |  |  |  | 行政诉讼 |" in detached
    assert "| 申请人情况 | 自然人 | 商业企业 |" in doc2x and "\n第 3 页\n" in doc2x
    assert re.search(r"\| （三） \| 3\.危及", doc2x) and re.search(r"\| 不予公 \| 4\.保护", doc2x)
    c_row = next(line for line in doc2x.splitlines() if line.count("|") == 16)
    assert len(c_row.split("|")) - 2 == 15


@pytest.mark.skipif(bool(missing_tools(FORMS["office_narrow"])) or bool(missing_tools(FORMS["scan"])),
                    reason="LibreOffice, pdftoppm or img2pdf not installed")
def test_office_prints_wrap_labels_and_break_table_b(request):
    files = request.getfixturevalue("generated")
    key = "random-7"

    def text(form: str) -> str:
        return subprocess.run(["pdftotext", "-layout", str(files[(form, key)]), "-"], capture_output=True,
                              check=True, text=True).stdout

    narrow = text("office_narrow")
    assert re.search(r"^\s*（三\s*$|\s（三\s", narrow, re.M)            # 1–2 characters a line
    assert narrow.count("申请人情况") >= 2                            # header repeated on the next page
    word = text("office_pdf").split("\f")
    first = next(i for i, p in enumerate(word) if "一、本年新收" in p)
    last = next(i for i, p in enumerate(word) if "四、结转下年度继续办理" in p)
    assert last > first and "申请人情况" not in word[last]              # B over a page break, no header again
    assert re.search(r"—\s*2\s*—", text("wps_pdf"))
    scanned = subprocess.run(["pdffonts", str(files[("scan", key)])], capture_output=True, text=True).stdout
    assert scanned.count("\n") <= 2                                   # no text layer, only images
    assert set(OFFICE_FORMS) <= {f for f, _ in files}


def test_glued_oracle_knows_what_can_be_known():
    """Zeros glued are one reading; a table-A row of several digits glued has no total to decide by;
    a C row that fits its three group totals only one way is knowable."""
    a = {CellKey("active", "规章", i): v for i, v in enumerate((0, 0, 0))}
    a.update({CellKey("active", "行政规范性文件", i): v for i, v in enumerate((30, 13, 30))})
    run_of = {k: 1 if k.row == "规章" else 2 for k in a}
    unknown, broken = glued.ambiguous(a, run_of)
    assert unknown == {k for k in a if k.row == "行政规范性文件"} and not broken
    c = {CellKey("review_litigation", "", i): v for i, v in enumerate((1, 0, 0, 0, 1) * 3)}
    assert glued.ambiguous(c, {k: 1 for k in c}) == (frozenset(), frozenset())
    c[CellKey("review_litigation", "", 0)] = 8   # 80001… fits no reading: the printed row is wrong
    assert glued.ambiguous(c, {k: 1 for k in c})[1] == {"review_litigation"}

"""The official report form (国办公开办函〔2021〕30号) as data.

Everything that knows a row, a column, a label or a section heading reads it from here: the extractor
finds rows by these patterns, the checks build their equations from these keys, the GUI and the workbook
lay out their grids from these labels. Renaming a row or adding a variant label is a change in this file only.

Label patterns are regular expressions matched against *compact* text: whitespace removed, full-width
punctuation folded to ASCII (see ``core.extraction.normalize``), so ``（三）`` is written ``\\(三\\)`` here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import ClassVar, Literal

TableId = Literal["active", "applications", "review_litigation"]
TABLE_IDS: tuple[TableId, ...] = ("active", "applications", "review_litigation")


@dataclass(frozen=True)
class RowSpec:
    """One data row of a table. ``patterns`` identify its label; ``nonstandard`` are accepted variants
    that still earn an S05 note."""

    key: str
    label: str
    ncols: int
    patterns: tuple[str, ...]
    group: str = ""
    decimal: bool = False
    nonstandard: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupSpec:
    """A group label of the form (（三）不予公开…). Some reports print values on it: a subtotal above its
    items, or — kept from the 2019 form — one row instead of its items (``（六）其他处理``)."""

    key: str
    label: str
    patterns: tuple[str, ...]
    children: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    id: TableId
    letter: str
    title: str
    section: int
    columns: tuple[str, ...]
    rows: tuple[RowSpec, ...]
    # (label, first column, last column) spans above the column labels, for form-like layout
    column_groups: tuple[tuple[str, int, int], ...] = ()
    # markers that show the table is present even when no row label could be read
    markers: tuple[str, ...] = ()
    groups: tuple[GroupSpec, ...] = ()
    # other words of the printed header (besides columns, column groups and markers)
    header_words: tuple[str, ...] = ()

    def row(self, key: str) -> RowSpec:
        found = self._rows_by_key.get(key)
        if found is None:
            raise KeyError(f"{self.id} has no row {key!r}")
        return found

    @cached_property  # rows are looked up by key for every row of every report
    def _rows_by_key(self) -> dict[str, RowSpec]:
        return {r.key: r for r in self.rows}

    @property
    def cell_count(self) -> int:
        return sum(r.ncols for r in self.rows)


def _cell_id(table: str, row: str, col: int) -> str:
    """A cell's public id: ``table[col]`` for a table-wide cell, ``table.row`` for a one-column row,
    else ``table.row[col]`` (also for a key outside the form, which ``CellKey.parse`` then refuses)."""
    if not row:
        return f"{table}[{col}]"
    spec = TABLES.get(table)
    found = spec._rows_by_key.get(row) if spec is not None else None
    if found is not None and found.ncols == 1:
        return f"{table}.{row}"
    return f"{table}.{row}[{col}]"


@dataclass(frozen=True, order=True)
class CellKey:
    """Address of one cell of the form. ``id`` is the public, stable string used in JSON and sidecars."""

    table: str
    row: str
    col: int = 0

    # Cells are dictionary keys on every path (extraction, checks, JSON, workbook). One instance per
    # cell, so equality is identity and the hash is the C one: a look-up costs no Python call.
    _interned: ClassVar[dict[tuple[str, str, int], CellKey]] = {}

    def __new__(cls, table: str, row: str, col: int = 0) -> CellKey:
        key = (table, row, col)
        found = cls._interned.get(key)
        if found is None:
            made = super().__new__(cls)
            # The fields and ``id`` (the public string, read for every cell of every report in the JSON
            # and the findings) in one update of the instance's dict: CPython 3.11 reads fields of a
            # dict filled item by item (as a cached_property fills it) at twice the cost.
            made.__dict__.update(table=table, row=row, col=col, id=_cell_id(table, row, col))
            found = cls._interned.setdefault(key, made)  # setdefault: one winner across threads
        return found

    def __init__(self, table: str, row: str, col: int = 0) -> None:
        """Nothing to set: ``__new__`` filled a new key, and a known key is returned as it is."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __reduce__(self):  # rebuilt through __new__, so an unpickled key is the same instance
        return CellKey, (self.table, self.row, self.col)

    @staticmethod
    def parse(cell_id: str) -> "CellKey":
        """Inverse of ``id``; raises ValueError for anything that is not a cell of the form."""
        table, _, rest = cell_id.partition(".")
        col = 0
        if not rest:
            table, _, idx = cell_id.partition("[")
            row = ""
            col = int(idx.rstrip("]")) if idx else -1
        else:
            row, _, idx = rest.partition("[")
            if idx:
                col = int(idx.rstrip("]"))
        key = CellKey(table, row, col)
        if table not in TABLES:
            raise ValueError(f"unknown table in cell id {cell_id!r}")
        spec = TABLES[table]  # type: ignore[index]
        try:
            rs = spec.row(row)
        except KeyError:
            raise ValueError(f"unknown row in cell id {cell_id!r}") from None
        if not 0 <= col < rs.ncols:
            raise ValueError(f"column out of range in cell id {cell_id!r}")
        return key


# --- Table A -------------------------------------------------------------------------------------
ACTIVE = TableSpec(
    id="active",
    letter="A",
    title="主动公开政府信息情况",
    section=2,
    columns=("本年制发件数", "本年废止件数", "现行有效件数"),
    rows=(
        RowSpec("规章", "规章", 3, (r"(?<!行政)规章",), group="第二十条第（一）项"),
        RowSpec("行政规范性文件", "行政规范性文件", 3, (r"规范性文件",), group="第二十条第（一）项"),
        RowSpec("行政许可", "行政许可", 1, (r"行政许可",), group="第二十条第（五）项"),
        RowSpec("行政处罚", "行政处罚", 1, (r"行政处罚",), group="第二十条第（六）项"),
        RowSpec("行政强制", "行政强制", 1, (r"行政强制",), group="第二十条第（六）项"),
        RowSpec("行政事业性收费", "行政事业性收费", 1, (r"事业性收费",), group="第二十条第（八）项",
                decimal=True),
    ),
    markers=("第二十条第", "本年制发件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
    header_words=("信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                  "单位", "万元", "第二十条第", "项", "(一)", "(五)", "(六)", "(八)"),
)
ACTIVE_ROW_HEADER = "信息内容"  # the printed form's header over table A's row labels
ACTIVE_SINGLE_COLUMN = {"行政许可": "本年处理决定数量", "行政处罚": "本年处理决定数量",
                        "行政强制": "本年处理决定数量", "行政事业性收费": "本年收费金额（单位：万元）"}

# --- Table B -------------------------------------------------------------------------------------
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
TOTAL_COL = 6

B_RESULTS_GROUP = _G3 = "三、本年度办理结果"
# printed in the corner of table B's header: the first cross-total rule (B01)
B_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _b(key: str, label: str, patterns: tuple[str, ...], group: str = "", nonstandard: tuple[str, ...] = ()) -> RowSpec:
    return RowSpec(key, label, 7, patterns, group=group, nonstandard=nonstandard)


APPLICATIONS = TableSpec(
    id="applications",
    letter="B",
    title="收到和处理政府信息公开申请情况",
    section=3,
    columns=APPLICANT_COLUMNS,
    column_groups=(("申请人情况", 0, 6), ("法人或其他组织", 1, 5)),
    rows=(
        _b("本年新收", "一、本年新收政府信息公开申请数量", (r"本年新收",)),
        _b("上年结转", "二、上年结转政府信息公开申请数量", (r"上年结转",)),
        _b("予以公开", "（一）予以公开", (r"予以公开",), _G3),
        _b("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (r"部分公开",), _G3),
        _b("不予公开_1", "1.属于国家秘密", (r"国家秘密",), _G3 + "（三）不予公开"),
        _b("不予公开_2", "2.其他法律行政法规禁止公开", (r"禁止公开",), _G3 + "（三）不予公开"),
        _b("不予公开_3", "3.危及“三安全一稳定”", (r"危及", r"三安全"), _G3 + "（三）不予公开"),
        _b("不予公开_4", "4.保护第三方合法权益", (r"第三方",), _G3 + "（三）不予公开"),
        _b("不予公开_5", "5.属于三类内部事务信息", (r"内部事务",), _G3 + "（三）不予公开"),
        _b("不予公开_6", "6.属于四类过程性信息", (r"过程性",), _G3 + "（三）不予公开"),
        _b("不予公开_7", "7.属于行政执法案卷", (r"执法案卷",), _G3 + "（三）不予公开"),
        _b("不予公开_8", "8.属于行政查询事项", (r"查询事项",), _G3 + "（三）不予公开"),
        _b("无法提供_1", "1.本机关不掌握相关政府信息", (r"不掌握",), _G3 + "（四）无法提供"),
        _b("无法提供_2", "2.没有现成信息需要另行制作", (r"现成信息", r"另行制作"), _G3 + "（四）无法提供"),
        _b("无法提供_3", "3.补正后申请内容仍不明确", (r"补正后", r"仍不明确"), _G3 + "（四）无法提供"),
        _b("不予处理_1", "1.信访举报投诉类申请", (r"信访", r"举报投诉"), _G3 + "（五）不予处理"),
        _b("不予处理_2", "2.重复申请", (r"(?<!大量)(?<!大量反复)重复申请",), _G3 + "（五）不予处理"),
        _b("不予处理_3", "3.要求提供公开出版物", (r"出版物",), _G3 + "（五）不予处理"),
        _b("不予处理_4", "4.无正当理由大量反复申请", (r"大量反复", r"大量重复", r"无正当理由大量"),
           _G3 + "（五）不予处理", nonstandard=(r"大量重复",)),
        _b("不予处理_5", "5.要求行政机关确认或重新出具已获取信息", (r"重新出具", r"确认或"), _G3 + "（五）不予处理"),
        _b("其他处理_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
           (r"逾期不补正", r"不补正"), _G3 + "（六）其他处理"),
        _b("其他处理_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
           (r"收费通知", r"缴纳费用"), _G3 + "（六）其他处理"),
        _b("其他处理_3", "3.其他", (r"(?:^|3[.、])其他$", r"^(?:\(?3\)?[.、．]?)?其他$"), _G3 + "（六）其他处理"),
        _b("总计", "（七）总计", (r"\(七\)(?:总计|合计)", r"^(?:总计|合计)$"), _G3, nonstandard=(r"合计",)),
        _b("结转下年度", "四、结转下年度继续办理", (r"结转下年",)),
    ),
    markers=("本年新收", "上年结转", "本年度办理结果", "申请人情况"),
    groups=(
        GroupSpec("不予公开", "（三）不予公开", (r"\(三\)不予公开",), tuple(f"不予公开_{i}" for i in range(1, 9))),
        GroupSpec("无法提供", "（四）无法提供", (r"\(四\)无法提供",), tuple(f"无法提供_{i}" for i in range(1, 4))),
        GroupSpec("不予处理", "（五）不予处理", (r"\(五\)不予处理",), tuple(f"不予处理_{i}" for i in range(1, 6))),
        GroupSpec("其他处理", "（六）其他处理", (r"\(六\)其他处理",), tuple(f"其他处理_{i}" for i in range(1, 4))),
    ),
    header_words=("本列数据的勾稽关系为", "第一项加第二项之和", "等于第三项加第四项之和", "申请人情况", "法人或其他组织",
                  "三、本年度办理结果", "本年度办理结果", "合计", "小计", "数量"),
)

B_OUTCOME_ROWS = tuple(r.key for r in APPLICATIONS.rows[2:23])
# --- Table C -------------------------------------------------------------------------------------
C_GROUPS = ("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉")
C_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

REVIEW_LITIGATION = TableSpec(
    id="review_litigation",
    letter="C",
    title="政府信息公开行政复议、行政诉讼情况",
    section=4,
    columns=tuple(f"{g}·{o}" for g in C_GROUPS for o in C_OUTCOMES),
    column_groups=(("行政复议", 0, 4), ("行政诉讼", 5, 14), ("未经复议直接起诉", 5, 9), ("复议后起诉", 10, 14)),
    rows=(RowSpec("", "行政复议、行政诉讼", 15, (r"行政复议", r"结果维持", r"尚未审结", r"复议后起诉", r"未经复议")),),
    markers=("结果维持", "尚未审结", "复议后起诉", "未经复议"),
    header_words=("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
                  "总计", "合计", "数量"),
)

TABLES: dict[str, TableSpec] = {t.id: t for t in (ACTIVE, APPLICATIONS, REVIEW_LITIGATION)}


@lru_cache(maxsize=None)
def all_cells(table: str) -> tuple[CellKey, ...]:
    """Every cell of a table in reading order (row by row)."""
    spec = TABLES[table]
    return tuple(CellKey(table, r.key, c) for r in spec.rows for c in range(r.ncols))


def item_number(row: RowSpec) -> int | None:
    """The item number a row's label is printed with ('2.其他法律…' → 2), None for unnumbered rows."""
    m = re.match(r"(\d)\.", row.label)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=None)
def row_cells(table: str, row: str) -> tuple[CellKey, ...]:
    """A row's cells, made once: the extractor asks for them several times for every row it reads."""
    return tuple(CellKey(table, row, c) for c in range(TABLES[table].row(row).ncols))


@lru_cache(maxsize=None)
def rows_with_cells(table: str) -> tuple[tuple[RowSpec, tuple[CellKey, ...]], ...]:
    """Each row of a table with its cells, in form order: made once, walked for every report."""
    return tuple((row, row_cells(table, row.key)) for row in TABLES[table].rows)


def cell_label(key: CellKey, lang: str = "zh") -> str:
    """Human name of a cell, e.g. '一、本年新收政府信息公开申请数量 · 自然人', used in messages;
    ``lang`` "en" gives the English names of the same labels."""
    spec = TABLES[key.table]
    if key.table == "review_litigation":
        return ("·" if lang == "zh" else " · ").join(form_label(p, lang) for p in spec.columns[key.col].split("·"))
    row = spec.row(key.row)
    if row.ncols == 1:
        return form_label(row.label, lang)
    return f"{short_label(form_label(row.label, lang))} · {form_label(spec.columns[key.col], lang)}"


def short_label(label: str) -> str:
    """A row label without its trailing explanation: '（二）部分公开（区分处理的…）' → '（二）部分公开'."""
    return re.sub(r"\s*[（(][^（）()]*[）)]$", "", label)


# --- Sections ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SectionSpec:
    number: int
    heading: str
    # patterns on the compact heading text with its numbering removed
    patterns: tuple[str, ...]
    missing_severity: str
    table: str | None = None
    # looser wordings agencies use, trusted only right after a part numbering (二、 第二部分)
    wordings: tuple[str, ...] = ()


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(1, "一、总体情况", (r"^总体情况", r"^概述$", r"^概况$", r"^基本情况$"), "warning",
                wordings=(r"^(?:[^,。;]{0,8}?)(?:总体|基本)情况", r"^(?:工作)?(?:概述|概况)")),
    SectionSpec(2, "二、主动公开政府信息情况", (r"^主动公开政府信息(?:的)?情况", r"^主动公开情况$",
                                        r"^政府信息主动公开情况$"), "error", "active",
                wordings=(r"^(?:政府信息)?主动公开(?:政府信息)?(?:工作)?(?:的)?(?:情况)?",)),
    SectionSpec(3, "三、收到和处理政府信息公开申请情况",
                (r"^收到和处理政府信息公开申请(?:的)?情况", r"^收到和处理政府信息公开申请",
                 r"^依申请公开政府信息(?:的)?情况$"), "error", "applications",
                wordings=(r"^(?:收到|受理)(?:和|及|与|、)?(?:处理|办理)[^,。;]{0,12}?申请(?:的)?(?:情况)?",
                          r"^(?:政府信息)?依申请公开(?:政府信息)?(?:工作)?(?:的)?(?:情况)?")),
    SectionSpec(4, "四、政府信息公开行政复议、行政诉讼情况",
                (r"^政府信息公开行政复议[、,和及]?行政诉讼(?:的)?情况", r"^(?:因政府信息公开)?(?:申请)?行政复议[、,和及]?(?:提起)?行政诉讼(?:的)?情况$"),
                "error", "review_litigation",
                wordings=(r"^[^,。;]{0,16}?行政复议[^,。;]{0,10}?行政诉讼(?:的)?(?:情况)?",)),
    SectionSpec(5, "五、存在的主要问题及改进情况",
                (r"^存在的?主要问题(?:及|和|与)改进(?:情况|措施)", r"^(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和|与)(?:改进|整改)",
                 r"^存在的?主要问题$"), "warning",
                wordings=(r"^[^,。;]{0,10}?(?:问题|不足)[^,。;]{0,3}?(?:改进|整改)(?:的)?(?:情况|措施|方向|计划)?",)),
    SectionSpec(6, "六、其他需要报告的事项", (r"^其他需要报告的事项", r"^其他需要报告事项"), "warning",
                wordings=(r"^其[他它](?:需要|需)?(?:报告)?(?:的)?事项", r"^需要报告的其[他它]事项")),
)

# --- Layout markers (S04) ------------------------------------------------------------------------
LAYOUT_MARKERS: dict[str, tuple[str, ...]] = {
    "2021": ("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "其他处理", "申请人情况"),
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
             "政府集中采购", "采购项目数量", "采购总金额"),
    "pre-2019": ("统计指标", "统计数", "收费及减免", "依申请公开政府信息情况", "概述"),
}

# Cell texts that mean "nothing here" without being a number (checks.md: PLACEHOLDER).
PLACEHOLDERS = frozenset({"/", "／", "—", "——", "-", "--", "－", "无", "不适用", "空", "\\", "×", "x", "X"})


# --- English names ---------------------------------------------------------------------------------
# The form's labels in English, for the window's English interface. Chinese stays the source of truth
# (patterns, JSON, the workbook); every label above has an entry here (a test checks), keyed by the
# label exactly as written in this file.
EN: dict[str, str] = {
    # titles, sub-headers, units
    "主动公开政府信息情况": "Active disclosure of government information",
    "收到和处理政府信息公开申请情况": "Applications for government information received and handled",
    "政府信息公开行政复议、行政诉讼情况": "Administrative reconsideration and litigation over disclosure",
    "信息内容": "Information",
    "本年制发件数": "Issued this year",
    "本年废止件数": "Repealed this year",
    "现行有效件数": "In force",
    "本年处理决定数量": "Decisions this year",
    "本年收费金额（单位：万元）": "Fees collected this year (10,000 yuan)",
    "第二十条第（一）项": "Article 20 (1)",
    "第二十条第（五）项": "Article 20 (5)",
    "第二十条第（六）项": "Article 20 (6)",
    "第二十条第（八）项": "Article 20 (8)",
    # table A rows
    "规章": "Rules",
    "行政规范性文件": "Normative documents",
    "行政许可": "Administrative licensing",
    "行政处罚": "Administrative penalties",
    "行政强制": "Administrative enforcement",
    "行政事业性收费": "Administrative fees",
    # table B columns and groups
    "申请人情况": "Applicants",
    "自然人": "Natural persons",
    "法人或其他组织": "Legal persons and other organisations",
    "商业企业": "Businesses",
    "科研机构": "Research institutions",
    "社会公益组织": "Public-interest organisations",
    "法律服务机构": "Legal service providers",
    "其他": "Others",
    "总计": "Total",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）":
        "(In every column: item 1 plus item 2 equals item 3 plus item 4)",
    # table B rows and groups
    "一、本年新收政府信息公开申请数量": "1. New applications this year",
    "二、上年结转政府信息公开申请数量": "2. Carried over from last year",
    "三、本年度办理结果": "3. Outcomes this year",
    "（一）予以公开": "(1) Disclosed",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
        "(2) Partly disclosed (counted here only, not under any other outcome)",
    "（三）不予公开": "(3) Not disclosed",
    "1.属于国家秘密": "1. State secrets",
    "2.其他法律行政法规禁止公开": "2. Barred by other laws and regulations",
    "3.危及“三安全一稳定”": "3. Endangering security or stability",
    "4.保护第三方合法权益": "4. Protecting third parties' lawful rights",
    "5.属于三类内部事务信息": "5. Internal affairs information",
    "6.属于四类过程性信息": "6. Process information",
    "7.属于行政执法案卷": "7. Law-enforcement case files",
    "8.属于行政查询事项": "8. Administrative inquiry matters",
    "（四）无法提供": "(4) Cannot be provided",
    "1.本机关不掌握相关政府信息": "1. Not held by this agency",
    "2.没有现成信息需要另行制作": "2. Would have to be newly compiled",
    "3.补正后申请内容仍不明确": "3. Still unclear after amendment",
    "（五）不予处理": "(5) Not processed",
    "1.信访举报投诉类申请": "1. Petitions, reports and complaints",
    "2.重复申请": "2. Repeated applications",
    "3.要求提供公开出版物": "3. Requests for published materials",
    "4.无正当理由大量反复申请": "4. Mass repeated applications without good reason",
    "5.要求行政机关确认或重新出具已获取信息": "5. Requests to confirm or reissue information already obtained",
    "（六）其他处理": "(6) Other handling",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":
        "1. Applicant did not amend in time without good reason; no longer processed",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请":
        "2. Applicant did not pay the fee notice in time; no longer processed",
    "3.其他": "3. Other",
    "（七）总计": "(7) Total",
    "四、结转下年度继续办理": "4. Carried forward to next year",
    # table C
    "行政复议、行政诉讼": "Reconsideration and litigation",
    "行政复议": "Administrative reconsideration",
    "行政诉讼": "Administrative litigation",
    "未经复议直接起诉": "Sued without reconsideration",
    "复议后起诉": "Sued after reconsideration",
    "结果维持": "Upheld",
    "结果纠正": "Corrected",
    "其他结果": "Other outcome",
    "尚未审结": "Pending",
    # the six parts
    "一、总体情况": "1. Overview",
    "二、主动公开政府信息情况": "2. Active disclosure of government information",
    "三、收到和处理政府信息公开申请情况": "3. Applications received and handled",
    "四、政府信息公开行政复议、行政诉讼情况": "4. Administrative reconsideration and litigation",
    "五、存在的主要问题及改进情况": "5. Main problems and improvements",
    "六、其他需要报告的事项": "6. Other matters to report",
}


# Shorter English for the headers of narrow value columns (the full name is the tooltip).
EN_SHORT: dict[str, str] = {
    "自然人": "Persons",
    "商业企业": "Business",
    "科研机构": "Research",
    "社会公益组织": "Non-profit",
    "法律服务机构": "Legal services",
    "其他": "Others",
    "结果纠正": "Revised",
    "其他结果": "Other",
    "尚未审结": "Open",
    "本年制发件数": "Issued",
    "本年废止件数": "Repealed",
}


def form_label(label: str, lang: str = "zh", short: bool = False) -> str:
    """A label of the form in ``lang`` ("zh" as written above, "en" from ``EN``; ``short`` for a
    narrow column's header)."""
    if lang != "en":
        return label
    return (short and EN_SHORT.get(label)) or EN.get(label, label)

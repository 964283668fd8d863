"""Finding messages in both languages: a template id and parameters, rendered per language.

A check never writes a sentence; it names a template here and gives the facts (numbers, cells, quotes).
``render`` turns them into Chinese (kept in ``Finding.message`` for the JSON contract and the workbook)
or English (the window's English interface). What a parameter may be decides how it is shown:

- a number or a plain string: data from the report (a quote, an agency, a file name), shown as it is;
- ``Bi``: a fixed phrase in both languages; ``CellKey``: the cell's label from ``core.template``;
- ``Message``: a nested template (an optional clause, a list item); ``None``: nothing;
- a tuple: a list, joined by "、" or ", "; ``Joined``: a list with its own separators.

Extraction notes (``ParseNote``) use the same templates, so every finding reads in either language."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from core.model import ParseNote, Severity, Span
from core.template import CellKey, cell_label, form_label, short_label

Params = tuple[tuple[str, Any], ...]
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Bi:
    """A fixed phrase in Chinese and English."""

    zh: str
    en: str


@dataclass(frozen=True)
class Joined:
    """A list joined by a separator of its own in each language (" + ", "和"/" and ")."""

    items: tuple[Any, ...]
    zh: str = "、"
    en: str = ", "


@dataclass(frozen=True)
class Message:
    template: str
    params: Params = ()

    def text(self, lang: str = "zh") -> str:
        return render(self.template, self.params, lang)


def msg(template: str, **params: Any) -> Message:
    if template not in MESSAGES:
        raise KeyError(f"no message template {template!r}")
    return Message(template, tuple(params.items()))


def label(text: str) -> Bi:
    """A label of the form (row, column, group, heading) in both languages."""
    return Bi(text, form_label(text, "en"))


def row_label(text: str) -> Bi:
    """A row label without its trailing explanation, in both languages."""
    return Bi(short_label(text), short_label(form_label(text, "en")))


def ordinal(number: int) -> Bi:
    """A part's number as the form writes it (第三部分) and as English does (part 3)."""
    return Bi("一二三四五六七八九十"[number - 1], str(number))


# a cell's name depends on the form alone (the same few hundred cells): made once per cell and language
_cell_label = lru_cache(maxsize=None)(cell_label)


# what ``render`` shows as it is, most parameters (data from the report, similarities): a type tested
# here, a Python call of ``_value`` saved for each
_AS_IS = frozenset((int, str, float))


def render(template: str, params: Params, lang: str = "zh") -> str:
    zh, en = MESSAGES[template]
    # the fields filled in a loop, not a dict comprehension: that is a function call of its own, and
    # a finding renders one or more messages (nested ones too, rendered here: a call fewer each)
    values = {}
    for k, v in params:
        kind = type(v)
        if kind in _AS_IS:
            values[k] = v
        elif kind is Message:
            values[k] = render(v.template, v.params, lang)
        else:
            values[k] = _value(v, lang)
    return (en if lang == "en" else zh).format_map(values)


def _value(v: Any, lang: str) -> Any:
    kind = type(v)
    if kind in _AS_IS:  # the kinds below are none of these
        return v
    if v is None:
        return ""
    if isinstance(v, Message):  # first: list items (X05's closest copies) are messages
        return render(v.template, v.params, lang)  # Message.text, one call fewer
    if isinstance(v, Bi):
        return v.en if lang == "en" else v.zh
    if isinstance(v, CellKey):
        return _cell_label(v, lang)
    # lists joined from a list, not a generator: ``join`` makes one of it anyway
    if isinstance(v, Joined):
        return (v.en if lang == "en" else v.zh).join([str(_value(x, lang)) for x in v.items])
    if isinstance(v, tuple):
        return (", " if lang == "en" else "、").join([str(_value(x, lang)) for x in v])
    if isinstance(v, Decimal):
        return format(v, "f")
    return v  # int, float (format specs apply), str


def finding_text(finding: Any, lang: str = "zh") -> str:
    """A finding's (or a note's) message in ``lang``; one made without a template keeps its text."""
    if not finding.template or lang == "zh":
        return finding.message
    return render(finding.template, finding.params, lang)


def parse_note(rule: str, message: Message, cells: tuple[CellKey, ...] = (), spans: tuple[Span, ...] = (),
               subject: str = "", severity: Severity | None = None) -> ParseNote:
    """An extractor's note with its message in both languages (the Chinese text rendered now);
    ``severity`` None keeps the rule's own."""
    return ParseNote(rule, message.text("zh"), cells, spans, subject, severity, template=message.template,
                     params=message.params)


# Cell notes the extractor gives (``CellValue.note``) that messages quote.
CELL_NOTES = {"负数": "negative", "计数不应为小数": "a count cannot have decimals",
              "值的个数与列数不符": "more values than columns", "本行值不全": "the row is incomplete",
              "粘连数字无法唯一拆分": "run-together digits that split several ways",
              "粘连数字无法拆分": "run-together digits that no split fits", "未分项列出": "not itemised",
              "扫描识别把握不足，由勾稽关系确定": "recognised with doubt on a scan, decided by the cross totals",
              "扫描识别不确定": "uncertain reading of a scan", "扫描识别结果不像数字": "a scan's reading that is not a number"}


def cell_note(note: str) -> Bi:
    return Bi(note, CELL_NOTES.get(note, note))


# id → (Chinese, English). Field names are the check's parameters.
MESSAGES: dict[str, tuple[str, str]] = {
    # S — structure
    "S01.missing": ("缺少第{part}部分“{heading}”", "Part {part} “{heading}” is missing"),
    "S02.missing": ("表格缺失：未找到表{letter}（{title}）", "Table missing: table {letter} ({title}) was not found"),
    "S02.heading_only": ("表格缺失：第{part}部分有标题但未找到表{letter}（{title}）",
                         "Table missing: part {part} has its heading but table {letter} ({title}) was not found"),
    "S02.image": ("第{part}部分在表{letter}（{title}）的位置是一张图片，表格内容无法读取，无法核对",
                  "Part {part} shows a picture where table {letter} ({title}) should be: its content cannot be read "
                  "or assessed"),
    "S03.row_missing": ("表{letter}缺少“{row}”（{count} 个值）", "Table {letter} lacks “{row}” ({count} values)"),
    "S03.values_row": ("表{letter}的数值行", "the row of values of table {letter}"),
    "S03.too_many": ("“{printed}”行读到 {count} 个值（应为 {expected} 个）：{values}，无法确定各值所属的列，已留空",
                     "Row “{printed}” has {count} values ({expected} expected): {values}; which value belongs to which "
                     "column cannot be told, so the row is left blank"),
    "S03.too_few": ("“{printed}”行只读到 {count} 个值（应为 {expected} 个）：{values}，无法确定哪一列缺失，已留空",
                    "Row “{printed}” has only {count} values ({expected} expected): {values}; which column is missing "
                    "cannot be told, so the row is left blank"),
    "S03.glued_too_many": ("“{printed}”行的数字“{glued}”粘连在一起，拆分方式过多，无法唯一确定，已留空",
                           "Row “{printed}”: the digits “{glued}” run together and split in too many ways to decide; "
                           "left blank"),
    "S03.glued_short": ("“{printed}”行的数字“{glued}”不足 {expected} 个值，已留空",
                        "Row “{printed}”: the digits “{glued}” are fewer than {expected} values; left blank"),
    "S03.glued_no_row_split": ("“{printed}”行的数字“{glued}”粘连在一起，没有一种拆分能满足本行的合计，无法核对，已留空",
                               "Row “{printed}”: the digits “{glued}” run together and no split makes the row add up; "
                               "not assessable, left blank"),
    "S03.glued_undecided": ("“{printed}”行的数字“{glued}”粘连在一起，{how}，已留空{cells}",
                            "Row “{printed}”: the digits “{glued}” run together; {how}; left blank{cells}"),
    "S03.no_consistent_split": ("没有一种拆分能使本表勾稽关系全部成立（报告本身可能有误），相关单元格无法核对",
                                "no split makes every cross total of the table hold (the report itself may be "
                                "wrong), so these cells are not assessable"),
    "S03.several_splits": ("可拆分为{ways}方式（如 {examples}），勾稽关系无法唯一确定",
                           "it splits {ways} ways (e.g. {examples}) and the cross totals do not decide"),
    "S03.ways": ("{count} 种", "{count}"),
    "S03.ways_many": ("多种", "many"),
    "S03.cells_left": ("（{cells}）", " ({cells})"),
    "S03.split_item": ("“{printed}”{glued} → {cut}", "“{printed}” {glued} → {cut}"),
    "S03.split_by_totals": ("表{letter}中粘连在一起的数字按勾稽关系唯一拆分（请对照原文核实）：{parts}",
                            "Table {letter}: run-together digits were split the one way the cross totals allow "
                            "(check against the original): {parts}"),
    "S03.group_single": ("“{group}”只印一行（{values}），未按标准分为 {count} 项，各分项无法核对，已留空",
                         "“{group}” is printed as one row ({values}) instead of its {count} items; the items are "
                         "not assessable and left blank"),
    "S04.abolished": ("{year} 年度报告使用了已废止的格式（{layout}），应使用国办公开办函〔2021〕30号格式",
                      "The {year} report uses an abolished layout ({layout}); the 2021 layout of the State Council "
                      "General Office is required"),
    "S04.old": ("旧版格式（{layout}），不适用现行表格校验", "Old layout ({layout}): the current table checks do not apply"),
    "S04.layout_2019": ("2019 年试行格式", "the 2019 trial layout"),
    "S04.layout_pre2019": ("2019 年以前的旧格式", "the layout used before 2019"),
    "S05.extra_heading": ("重复或多余的部分标题“{heading}”", "Repeated or extra part heading “{heading}”"),
    "S05.label_variant": ("非标准行名“{printed}”（标准为“{standard}”）",
                          "Non-standard row label “{printed}” (the form says “{standard}”)"),
    "S05.subtotal": ("“{printed}”行多出一列小计，已忽略该列",
                     "Row “{printed}” has an extra subtotal column, which was ignored"),
    "S05.label_similar": ("行名“{printed}”与标准“{standard}”不完全一致（按最接近的标准行读取）",
                          "Row label “{printed}” differs from the form's “{standard}” (read as the closest row)"),
    "S05.heading_similar": ("部分标题“{printed}”与标准“{standard}”不完全一致",
                            "Part heading “{printed}” differs from the form's “{standard}”"),
    "S05.extra_part": ("报告多出一个部分“{heading}”，其后各部分的编号与标准格式不一致",
                       "The report adds a part “{heading}”; the parts after it are numbered differently from the form"),
    "S05.appended": ("表{letter}（{title}）不在第{part}部分，而是附在报告之后",
                     "Table {letter} ({title}) is not in part {part} but appended after the report"),
    "S05.group_subtotal": ("“{group}”行印有小计（{values}），已忽略",
                           "“{group}” carries a subtotal ({values}), which was ignored"),
    "S05.group_single_zero": ("“{group}”只印一行且全为 0，未分项列出；其各分项按 0 计",
                              "“{group}” is printed as one row of zeros, not itemised; its items are taken as 0"),
    "S06.no_title": ("未找到标题“（机关全称）YYYY年政府信息公开工作年度报告”",
                     "No title of the form “(agency) YYYY annual report on government information disclosure” found"),
    "S06.no_agency": ("标题“{title}”缺少机关名称", "The title “{title}” does not name the agency"),
    "S06.other_type": ("标题“{title}”不是“政府信息公开工作年度报告”",
                       "The title “{title}” is not that of an annual report on government information disclosure"),
    "S07.missing": ("未写明统计期限（如“本报告统计期限为YYYY年1月1日至12月31日”）",
                    "No statistics period stated (such as “this report covers 1 January to 31 December YYYY”)"),
    # V — cell values
    "V.blocked": ("，相关勾稽关系（{rules}）无法核对", "; the cross totals {rules} cannot be assessed"),
    "V02.empty": ("表{letter}“{cell}”为空（应填0）{blocked}", "Table {letter} “{cell}” is blank (should be 0){blocked}"),
    "V03.placeholder": ("表{letter}“{cell}”填写了占位符“{raw}”而不是数字{blocked}",
                        "Table {letter} “{cell}” holds the placeholder “{raw}” instead of a number{blocked}"),
    "V04.invalid": ("表{letter}“{cell}”“{raw}”不是有效金额（应为非负数，单位万元）",
                    "Table {letter} “{cell}”: “{raw}” is not a valid amount (a non-negative number of 10,000 yuan)"),
    "V01.text": ("表{letter}“{cell}”“{raw}”不是数字{blocked}", "Table {letter} “{cell}”: “{raw}” is not a number{blocked}"),
    "V01.invalid": ("表{letter}“{cell}”“{raw}”不是非负整数（{why}）{blocked}",
                    "Table {letter} “{cell}”: “{raw}” is not a non-negative integer ({why}){blocked}"),
    "V04.large": ("行政事业性收费 {raw} 万元数额异常大，可能误以“元”为单位填报",
                  "Administrative fees of {raw} (10,000 yuan) are unusually large: probably entered in yuan"),
    "V05.same_values": ("表A中{cells}的数值相同（均为 {raw}），请核实是否误填",
                        "In table A, {cells} have the same value ({raw} each): check for a slip"),
    "V05.same_columns": ("表B“{first}”列与“{second}”列数值完全相同，请核实是否复制",
                         "Table B columns “{first}” and “{second}” are identical: check whether one was copied"),
    # A, B, C — the form's arithmetic
    "term": ("{label} {value}", "{label} {value}"),
    "all_zero": ("各项均为 0", "every item is 0"),
    "B01": ("{column}列：本年新收 {new} + 上年结转 {carried} = {lhs}，但办理结果总计 {total} + 结转下年度 {forward} = {rhs}，"
            "相差 {diff}",
            "{column} column: new {new} + carried over {carried} = {lhs}, but outcomes total {total} + carried "
            "forward {forward} = {rhs}; difference {diff}"),
    "B02": ("“{row}”行：{terms} = {lhs}，但总计为 {rhs}，相差 {diff}",
            "Row “{row}”: {terms} = {lhs}, but the total is {rhs}; difference {diff}"),
    "B03": ("{column}列：办理结果总计为 {lhs}，但各项办理结果之和为 {rhs}（{terms}），相差 {diff}",
            "{column} column: the outcomes total is {lhs}, but the outcomes add up to {rhs} ({terms}); "
            "difference {diff}"),
    "C01": ("{group}：总计为 {lhs}，但{terms} = {rhs}，相差 {diff}",
            "{group}: the total is {lhs}, but {terms} = {rhs}; difference {diff}"),
    "A01": ("{row}：现行有效件数 {lhs} 小于 本年制发 {issued} − 本年废止 {repealed} = {rhs}",
            "{row}: {lhs} in force is less than {issued} issued − {repealed} repealed = {rhs}"),
    "C02": ("复议后起诉总计 {after} 件，而本年行政复议总计为 0（可能是以前年度的复议，请核实）",
            "{after} suits after reconsideration, but no reconsideration this year (perhaps one from an earlier "
            "year: please check)"),
    "A02": ("{agency}通常没有规章制定权，但表A规章数不为零（{values}）",
            "{agency} usually has no power to make rules, but table A's rules are not zero ({values})"),
    # N — narrative against the tables
    "N09": ("正文称“{quote}”，但报告中没有{table}，无法核对",
            "The text says “{quote}”, but the report has no {table}: cannot be verified"),
    "N07.none": ("正文称“{quote}”，但表C行政复议、行政诉讼总计共 {total} 件",
                 "The text says “{quote}”, but table C's reconsideration and litigation totals come to {total}"),
    "N.mismatch": ("正文称“{quote}”（{stated} 件），但{name}为 {actual}",
                   "The text says “{quote}” ({stated}), but {name} is {actual}"),
    "N02.none": ("正文称“{quote}”，但表B本年新收政府信息公开申请 {new} 件",
                 "The text says “{quote}”, but table B has {new} new applications"),
    "N02.zero": ("正文称收到申请 {value} 件（“{quote}”），但表B本年新收和上年结转均为 0",
                 "The text says {value} applications were received (“{quote}”), but table B's new and carried-over "
                 "applications are both 0"),
    "N01": ("正文称“{quote}”（{value} 件），与表B不符：{readings}",
            "The text says “{quote}” ({value}), which does not match table B: {readings}"),
    "N01.new": ("本年新收 {new}", "new {new}"),
    "N01.new_and_carried": ("本年新收 {new}，新收加上年结转 {both}", "new {new}, new plus carried over {both}"),
    "N08": ("“{quote}…”：共 {total}{unit}，但其中各项之和为 {parts} = {sum}",
            "“{quote}…”: {total} in all, but the items listed add up to {parts} = {sum}"),
    # T — content of the parts
    "T01.short": ("第五部分内容过少（“{excerpt}”），未具体写明存在的问题和改进情况",
                  "Part 5 is too short (“{excerpt}”) to state the problems and the improvements"),
    "T01.missing": ("第五部分未写明{missing}", "Part 5 does not state {missing}"),
    "T02": ("第五部分未报告上年度问题的整改落实情况", "Part 5 does not report how last year's problems were remedied"),
    "T03": ("第六部分未写明信息处理费的收取情况（现为“{excerpt}”）",
            "Part 6 does not state whether information processing fees were charged (it reads “{excerpt}”)"),
    "T04": ("第六部分未报告本年度政务公开工作要点的落实情况",
            "Part 6 does not report on this year's key points for open government"),
    "T05": ("{why}，但第六部分称未收取信息处理费，请核实",
            "{why}, but part 6 says no information processing fee was charged: please check"),
    "T05.table": ("表B“申请人逾期未按收费通知要求缴纳费用”为 {count}",
                  "Table B “applicant did not pay the fee notice in time” is {count}"),
    "T05.text": ("正文提到收费通知", "The text mentions fee notices"),
    "T06": ("人民政府报告未写明{missing}情况（工作考核、社会评议和责任追究结果）",
            "This people's government report does not state {missing} (results of performance assessment, public "
            "appraisal and accountability)"),
    "T07": ("疑似模板残留“{text}”", "Probably template residue: “{text}”"),
    "T08": ("本报告为{own}，但正文出现“{name}”作为行文主体，疑为照抄其他乡镇",
            "This is {own}'s report, but the text names “{name}” as the acting body: probably copied from another "
            "township"),
    "T09": ("“总体情况”多次提到 {previous} 年（{count} 次），而本年度 {year} 年只有 {own} 次，疑为沿用上年文字",
            "The overview names {previous} {count} times but the report year {year} only {own} times: probably "
            "last year's text"),
    "T10": ("第六部分的信息处理费与表A的行政事业性收费疑似混同（二者不同：后者是条例第二十条第（八）项的行政事业性收费，"
            "前者是对超量申请收取的费用）",
            "Part 6 seems to treat the information processing fee as table A's administrative fees (they differ: "
            "the latter are fees under article 20 (8) of the Regulations, the former is charged on excessive "
            "applications)"),
    # D — dates
    "D01.period": ("报告年份 {year} 与统计期限年份 {period} 不一致",
                   "The report year {year} differs from the statistics period's year {period}"),
    "D01.overview": ("报告年份 {year} 与“总体情况”所述年份（{years}）不一致",
                     "The report year {year} differs from the years the overview speaks of ({years})"),
    "D03.early": ("发布日期 {date} 不晚于报告年度 {year} 年 12 月 31 日",
                  "Published on {date}, not after 31 December {year} of the report year"),
    "D03.future": ("发布日期 {date} 在未来", "Publication date {date} is in the future"),
    "D02": ("发布日期 {date} 晚于规定期限 {due}", "Published on {date}, after the deadline {due}"),
    "D02.page": ("网页标注的发布日期 {date} 晚于规定期限 {due}（{source}）",
                 "The page states publication on {date}, after the deadline {due} ({source})"),
    "D04": ("同一网址 {url} 发布后有变化，{changes}", "The report at {url} changed after publication: {changes}"),
    "D04.versions": ("先后下载到 {count} 个不同版本：{listed}", "{count} different versions were downloaded: {listed}"),
    "D04.version": ("{time} 下载的版本（SHA-256 {sha}…）{this}", "the version downloaded {time} (SHA-256 {sha}…){this}"),
    "D04.this": ("（即本文件）", " (this file)"),
    "D04.removed": ("{time} 再次下载时已不存在（HTTP {status}）", "gone when downloaded again {time} (HTTP {status})"),
    "D05": ("与 {site} 上发布的版本（{url}，{time} 下载）不同：正文句子相同比例 {share:.1f}%{numbers}",
            "Differs from the version published on {site} ({url}, downloaded {time}): {share:.1f}% of the "
            "sentences in common{numbers}"),
    "D05.cells": ("，表格中 {count} 个数值不同", ", {count} table values differ"),
    # X — across reports
    "X.name": ("{agency} {year}年度报告", "the {year} report of {agency}"),
    "X.name_no_year": ("{agency} 年度报告", "the report of {agency}"),
    "X01": ("{column}列：本年“上年结转”为 {carried}，但{previous}“结转下年度继续办理”为 {forwarded}{doubt}",
            "{column} column: “carried over” this year is {carried}, but “carried forward” in {previous} is "
            "{forwarded}{doubt}"),
    "X01.doubt": ("（机关名称不完全一致，请确认是同一机关）",
                  " (the agency names differ slightly: check that it is the same agency)"),
    "X02": ("{row}：现行有效 {valid} 件，但上年现行有效 {before} + 本年制发 {issued} − 本年废止 {repealed} = {expected}",
            "{row}: {valid} in force, but last year's {before} + {issued} issued − {repealed} repealed = {expected}"),
    "X03": ("{what}由上年的 {then} 变为 {now}，变化超过 5 倍，请核实",
            "{what} went from {then} last year to {now}, a change of more than 5 times: please check"),
    "X04": ("正文与{previous}高度雷同（{measure} {similarity:.2f} ≥ {threshold}），疑为沿用上年文字",
            "The text is nearly the same as {previous} ({measure} {similarity:.2f} ≥ {threshold}): probably "
            "last year's text"),
    "X05": ("正文与其他机关的报告高度雷同：{closest}{more}（{measure} ≥ {threshold}），疑为内容雷同",
            "The text is nearly the same as other agencies' reports: {closest}{more} ({measure} ≥ {threshold}); "
            "probably copied"),
    "X05.match": ("{name}（{similarity:.2f}）", "{name} ({similarity:.2f})"),
    "X05.more": ("等 {count} 份报告", ", {count} reports in all"),
    "X06": ("第五部分与上年基本相同（{measure} {similarity:.2f}），存在的问题照搬上年",
            "Part 5 is nearly the same as last year's ({measure} {similarity:.2f}): the problems were copied"),
    "X07": ("与{previous}相同的句子占 {share:.1f}%（{repeated}/{total} 句，{measure}），{verdict}{passages}",
            "{share:.1f}% of the sentences are the same as in {previous} ({repeated}/{total}, {measure}); "
            "{verdict}{passages}"),
    "X07.over": ("超过阈值 {limit:g}%，疑为照搬上年报告", "over the threshold of {limit:g}%: probably last year's report copied"),
    "X07.under": ("未超过阈值 {limit:g}%", "within the threshold of {limit:g}%"),
    "X07.passages": ("；最长的重复段落：{passages}", "; the longest repeated passages: {passages}"),
    "X07.quote": ("“{text}”（{chars} 字）", "“{text}” ({chars} characters)"),
    # O — scanned PDFs
    "O01": ("第 {pages} 页是扫描图像，内容由文字识别（OCR）读取，数值请对照原件核实",
            "Page(s) {pages} are scanned images read by text recognition (OCR): check the values against the original"),
    "O02": ("表{letter}“{cell}”扫描识别为“{read}”（把握 {sure:.0%}），由勾稽关系（{rules}）{how}",
            "Table {letter} “{cell}” was recognised on the scan as “{read}” ({sure:.0%} sure); the cross totals "
            "({rules}) {how}"),
    "O02.confirmed": ("核对无误", "confirm it"),
    "O02.fixed": ("唯一确定为 {value}", "fix it as {value}"),
    "O03.uncertain": ("表{letter}“{cell}”扫描识别不确定（读作“{read}”，候选 {candidates}），{why}，已留空{blocked}",
                      "Table {letter} “{cell}”: the scan's reading is uncertain (read as “{read}”, candidates "
                      "{candidates}); {why}, so it is left blank{blocked}"),
    "O03.no_fit": ("与勾稽关系均不相符", "none of them fits the cross totals"),
    "O03.open": ("勾稽关系不能唯一确定", "the cross totals do not decide between them"),
    "O03.unchecked": ("没有可核对的勾稽关系", "no cross total checks it"),
    "O03.misread": ("表{letter}“{cell}”在扫描件中识别为“{read}”，{what}，可能识别有误，请对照原件{blocked}",
                    "Table {letter} “{cell}” reads “{read}” on the scan, {what}: probably misrecognised, check the "
                    "original{blocked}"),
    "O03.not_number": ("不是数字", "not a number"),
    "O03.leading_zero": ("不像印出的数字（以 0 开头）", "not a printed number (it starts with 0)"),
    "O03.row": ("扫描件中未能识别出表{letter}“{row}”一行，可能识别有误，请对照原件{blocked}",
                "Table {letter} row “{row}” was not recognised on the scan: probably misrecognised, check the "
                "original{blocked}"),
    "O04": ("第 {page} 页无法读取（{reason}），该页内容未纳入检查", "Page {page} could not be read ({reason}); it is left out of the checks"),
    "X08": ("与本批次中的其他 {count} 个文件内容完全相同：{files}{more}（汇总中只计一次）",
            "Identical to other files in this batch ({count}): {files}{more} (counted once in the summary)"),
    "X08.more": ("等", " and others"),
}

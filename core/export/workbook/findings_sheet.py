"""检查结果: every rule of the catalogue for every report — 通过 / 不通过 / 无法核对 / 不适用 / 提示 — with
its 依据, and one row per finding with the equation's left and right sides as live formulas over the
table sheets (also X01/X02 against the previous year's sheet), the difference, the cells, the complete
evidence with the line numbers of 原文, and the preparer's verdict as a drop-down."""
from __future__ import annotations

import re
from collections.abc import Sequence

from openpyxl.formatting.rule import CellIsRule
from openpyxl.worksheet.datavalidation import DataValidation

from core.checks.catalogue import BASIS_SOURCES, RULES
from core.checks.scope import OUTCOME_MEANING, Outcome
from core.equations import Term, year_equations
from core.export.workbook.parts import ReportPart
from core.export.workbook.styles import Sheet, fill, local_time
from core.model import Finding, Severity, Verdict
from core.review import VERDICTS
from core.review.conclusion import REJECTED, STALE
from core.template import CellKey, cell_label

COLUMNS = ("序号", "规则", "检查内容", "依据", "结果", "问题说明", "左边", "右边", "差额", "涉及单元格", "原文摘录",
           "审核意见", "说明")
WIDTHS = {1: 4, 2: 5, 3: 16, 4: 13, 5: 6, 6: 21, 7: 7, 8: 7, 9: 6, 10: 14, 11: 20, 12: 7, 13: 11}
SEVERITY = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
OUTCOME_OF_VERDICT = {Verdict.FAIL: Outcome.FAIL, Verdict.UNASSESSABLE: Outcome.UNASSESSABLE, Verdict.NOTE: Outcome.NOTE}
SENTENCE_END = "。！？；!?;"
QUOTE_MAX = 200
HEADER_ROW = 5
_ADDRESS = re.compile(r"^(?P<sheet>.*)!\$(?P<col>[A-Z]+)\$(?P<row>\d+)$")


def write_findings(sheet: Sheet, parts: Sequence[ReportPart], heading: str) -> int:
    """Returns the number of finding rows."""
    last = len(COLUMNS)
    sheet.put(1, 1, "检查结果", "title", across=last)
    sheet.put(2, 1, heading, "note", across=last)
    sheet.put(3, 1, "结果：" + "；".join(f"{o.value}＝{m}" for o, m in OUTCOME_MEANING.items())
              + "。审核意见：编制人对每条问题的判断（" + "／".join(VERDICTS) + "），驳回的问题不计入审阅结论，"
              f"{STALE}＝给出意见后问题的数字已变化；"
              "左边、右边、差额为引用表格单元格的公式，改动表格即重算。", "note", across=last)
    sheet.put(4, 1, "依据：" + "；".join(f"{short}＝{full}" for short, full in BASIS_SOURCES) + "。", "note", across=last)
    for c, name in enumerate(COLUMNS, start=1):
        sheet.put(HEADER_ROW, c, name, "header")
    row = HEADER_ROW
    verdict_rows: list[int] = []
    for part in parts:
        row += 1
        r = part.review
        counts = {s: sum(f.severity is s for f in r.findings) for s in Severity}
        sheet.put(row, 1, f"{part.title}：{r.report.source.path}　自动结论：{r.automatic_conclusion.value}　"
                          f"审阅结论：{r.conclusion.value}　（错误 {counts[Severity.ERROR]}，警告 {counts[Severity.WARNING]}，"
                          f"提示 {counts[Severity.INFO]}，待定 {len(r.open_findings)}）", "label", across=last)
        for result in part.results:
            rule = result.rule
            if not result.findings:
                row += 1
                sheet.put(row, 1, None)
                sheet.put(row, 2, rule.id, "centre")
                sheet.put(row, 3, rule.title)
                sheet.put(row, 4, rule.basis)
                sheet.put(row, 5, result.outcome.value, "centre")
                sheet.put(row, 6, result.reason or None)
                sheet.box(row, 7, last)
                continue
            for i, f in enumerate(result.findings):
                row += 1
                _finding_row(sheet, row, part, f, first=i == 0)
                verdict_rows.append(row)
    if verdict_rows:
        runs = _runs(verdict_rows)
        dv = DataValidation(type="list", formula1='"' + ",".join(VERDICTS) + '"', allow_blank=False,
                            showErrorMessage=True, errorTitle="审核意见", error="请选择：" + "/".join(VERDICTS),
                            sqref=" ".join(f"L{a}:L{b}" for a, b in runs))
        sheet.ws.add_data_validation(dv)
    _colour_words(sheet, row)
    sheet.ws.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.ws.auto_filter.ref = f"A{HEADER_ROW}:{chr(64 + last)}{max(row, HEADER_ROW + 1)}"
    sheet.ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.finish()
    return len(verdict_rows)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and out[-1][1] == r - 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _finding_row(sheet: Sheet, row: int, part: ReportPart, f: Finding, first: bool) -> None:
    review = part.review
    rule = f.rule
    sheet.put(row, 1, part.number_of(f), "number", horizontal="center")
    sheet.put(row, 2, f"{rule}\n{SEVERITY[f.severity]}", "centre", fill=f.severity.name)
    sheet.put(row, 3, RULES[rule].title if first and rule in RULES else None)
    sheet.put(row, 4, RULES[rule].basis if first and rule in RULES else None)
    sheet.put(row, 6, f.message)
    lhs, rhs, equation = _sides(part, f)
    relation = ">=" if f.equation is not None and f.equation.relation == ">=" else "="
    if lhs and rhs:
        sheet.put(row, 7, lhs, "number", formula=True)
        sheet.put(row, 8, rhs, "number", formula=True)
        sheet.put(row, 9, f"=G{row}-H{row}", "number", formula=True)
        test = f"G{row}>=H{row}" if relation == ">=" else f"G{row}=H{row}"
        sheet.put(row, 5, f'=IF({test},"{Outcome.PASS.value}","{Outcome.FAIL.value}")', "centre", formula=True)
    else:
        sheet.put(row, 7, f.lhs_value, "number")
        sheet.put(row, 8, f.rhs_value, "number")
        sheet.put(row, 9, f.difference, "number")
        sheet.put(row, 5, OUTCOME_OF_VERDICT[f.verdict].value, "centre")
    cells_text = equation or _cell_list(part, f.cells)
    target = part.addresses.get(f.cells[0]) if f.cells else None
    if target and cells_text:
        sheet.link(row, 10, cells_text, "#" + target.replace("$", ""))
    else:
        sheet.put(row, 10, cells_text or None)
    sheet.put(row, 11, evidence(part, f) or None)
    entry = review.verdict(f)
    sheet.put(row, 12, review.verdict_word(f), "centre")
    if entry is not None:
        when = local_time(entry.time)
        who = " ".join(x for x in (entry.reviewer, when.strftime("%Y-%m-%d %H:%M") if when else "") if x)
        earlier = f"原审核意见：{entry.verdict}（问题的数字已变化）" if review.verdict_stale(f) else ""
        sheet.put(row, 13, "\n".join(x for x in (earlier, entry.comment, who) if x) or None)
    else:
        sheet.put(row, 13, None)


def _colour_words(sheet: Sheet, last_row: int) -> None:
    """结果 and 审核意见 are painted by their word, so a formula that recomputes in Excel repaints too."""
    first = HEADER_ROW + 1
    colours = {o.value: o.colour_role for o in Outcome}
    colours.update({"确认": "ERROR", REJECTED: "OK", STALE: "WARNING"})
    for column, words in (("E", [o.value for o in Outcome]), ("L", ["确认", REJECTED, STALE])):
        for word in words:
            sheet.ws.conditional_formatting.add(
                f"{column}{first}:{column}{max(first, last_row)}",
                CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill(colours[word])))


# --- the equation as cell addresses ------------------------------------------------------------------
def _split(address: str) -> tuple[str, str, int]:
    m = _ADDRESS.match(address)
    return m["sheet"].strip("'"), m["col"], int(m["row"])


def _terms_text(refs: Sequence[tuple[str, int]], home: str) -> str:
    """'C5+C6', a run of three or more cells of one column written 'SUM(C7:C27)'; cells of another sheet
    carry its name."""
    out: list[str] = []
    i = 0
    while i < len(refs):
        address, sign = refs[i]
        sheet, col, r = _split(address)
        j = i
        while (j + 1 < len(refs) and refs[j + 1][1] == sign and _split(refs[j + 1][0])[:2] == (sheet, col)
               and _split(refs[j + 1][0])[2] == r + (j + 1 - i)):
            j += 1
        if j - i >= 2:
            name = f"SUM({col}{r}:{col}{r + j - i})"
        else:
            j = i
            name = f"{col}{r}"
        if sheet != home:
            name = f"{sheet}!{name}"
        out.append(("−" if sign < 0 else "+" if out else "") + name)
        i = j + 1
    return "".join(out)


def _sides(part: ReportPart, f: Finding) -> tuple[str | None, str | None, str]:
    """(left formula, right formula, equation by addresses) — formulas only when every cell is in the book."""
    if f.rule in ("X01", "X02") and f.subject in year_equations():
        eq = year_equations()[f.subject]
        prev = part.previous
        if prev is None:
            return None, None, ""
        terms = [[(_term_address(part, prev, t), t.sign) for t in side] for side in (eq.lhs, eq.rhs)]
        rel = "="
    elif f.equation is not None:
        eq = f.equation
        if eq.relation == ">=":
            right = [(eq.rhs[0], 1)] + [(k, -1) for k in eq.rhs[1:]]
        else:
            right = [(k, 1) for k in eq.rhs]
        terms = [[(part.addresses.get(k), 1) for k in eq.lhs], [(part.addresses.get(k), s) for k, s in right]]
        rel = "≥" if eq.relation == ">=" else "="
    else:
        return None, None, ""
    if any(a is None for side in terms for a, _ in side):
        return None, None, ""
    home = _split(terms[0][0][0])[0]
    text = f"{home}：{_terms_text(terms[0], home)} {rel} {_terms_text(terms[1], home)}"
    if f.lhs_value is None or f.rhs_value is None:
        return None, None, text
    return _formula(terms[0]), _formula(terms[1]), text


def _term_address(part: ReportPart, prev: ReportPart, t: Term) -> str | None:
    return (prev if t.previous else part).addresses.get(t.key)


def _formula(terms: Sequence[tuple[str, int]]) -> str:
    out = ""
    for address, sign in terms:
        out += ("-" if sign < 0 else "+" if out else "") + address
    return "=" + out


def _cell_list(part: ReportPart, cells: Sequence[CellKey]) -> str:
    refs = [part.addresses[k] for k in cells if k in part.addresses]
    if not refs:
        return ""
    home = _split(refs[0])[0]
    return f"{home}：" + "、".join(f"{c}{r}" if s == home else f"{s}!{c}{r}" for s, c, r in map(_split, refs))


# --- evidence ----------------------------------------------------------------------------------------
def evidence(part: ReportPart, f: Finding) -> str:
    """Every quoted place of a finding, each with its line number in 原文: the cells of one table row as
    the row's label and each cell's printed text, a sentence of the prose whole (a very long one around
    the quoted words)."""
    review, lines = part.review, part.lines
    text = lines.text
    cell_spans: dict[tuple[int, int], CellKey] = {}
    for k in f.cells:
        span = review.parsed(k).span
        if span and span[1] > span[0]:
            cell_spans.setdefault(span, k)
    quotes: list[tuple[int, str]] = []
    rows: dict[str, list[tuple[int, str, str]]] = {}
    for span, k in cell_spans.items():
        row_label, _, column = cell_label(k).partition(" · ")
        rows.setdefault(row_label, []).append((lines.number(span[0]), column, text[span[0]:span[1]].strip()))
    for row_label, cells in rows.items():
        numbers = [n for n, _, _ in cells]
        where = f"第{min(numbers)}行" if min(numbers) == max(numbers) else f"第{min(numbers)}–{max(numbers)}行"
        values = "、".join(f"{column} {value}" if column else value for _, column, value in cells)
        quotes.append((min(numbers), f"{where} {row_label}：{values}"))
    prose: dict[int, list[tuple[int, int]]] = {}
    for span in dict.fromkeys(f.spans):
        if span not in cell_spans:
            prose.setdefault(lines.number(span[0]), []).append(span)
    for number, spans in prose.items():
        start = lines.line_start(number)
        lo, hi = min(s for s, _ in spans) - start, max(e for _, e in spans) - start
        quotes.append((number, f"第{number}行：{_sentence(lines.line(number), lo, hi)}"))
    return "\n".join(q for _, q in sorted(quotes))


def _sentence(line: str, lo: int, hi: int) -> str:
    begin = max((line.rfind(ch, 0, lo) for ch in SENTENCE_END), default=-1) + 1
    ends = [i for ch in SENTENCE_END if (i := line.find(ch, hi)) >= 0]
    end = min(ends) + 1 if ends else len(line)
    quote = line[begin:end].strip()
    if len(quote) <= QUOTE_MAX:
        return quote
    a = max(begin, lo - QUOTE_MAX // 2)
    b = min(end, max(hi, a + QUOTE_MAX))
    return ("…" if a > begin else "") + line[a:b].strip() + ("…" if b < end else "")

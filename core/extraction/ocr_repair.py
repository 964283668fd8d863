"""Digits the OCR was unsure of, decided by the form's own cross totals — or left open, never guessed.

Takes a ``Report`` whose ``source.uncertain`` lists the characters the recogniser doubted (with the
other readings it weighed, ``core.model.Uncertain``) and changes only the table cells that hold such a
digit. Each doubtful cell gets its candidate values (the readings of its doubtful digits, combined);
the equalities of ``core.checks.equations`` that join doubtful cells to cells read with confidence
are then searched for the assignments that satisfy all of them at once (backtracking over each group of
linked cells). A cell on which every fitting assignment agrees takes that value (an info note says the
totals decided it); any other doubtful cell becomes ``null`` with a warning naming it and its
candidates, so no equation is assessed on a digit nobody read. A printed error therefore never appears
as a repaired digit unless the recogniser itself offered that digit; a misread one never appears as an
arithmetic error.

A table cell that a scanned page gave as text where a number stands (a stray mark read as a letter) is
likewise "not assessable" rather than an invalid value."""
from __future__ import annotations

import itertools
import re
from decimal import Decimal, InvalidOperation

from core.checks.equations import all_equations, rules_by_cell
from core.model import (
    CellKind,
    CellValue,
    Equation,
    Number,
    ParseNote,
    Report,
    Uncertain,
)
from core.template import TABLES, CellKey, cell_label

_LEADING_ZERO = re.compile(r"^0\d")  # "010": a ruling line read as a 1 between two cells, not a number
MAX_CANDIDATES = 12   # values kept per doubtful cell, most probable first
MAX_SOLUTIONS = 64
MAX_STEPS = 200_000


def _number(text: str, decimal: bool) -> Number | None:
    if not text or (len(text) > 1 and text[0] == "0" and text[1] != "."):
        return None
    try:
        if decimal:
            return Decimal(text)
        return int(text) if text.isdigit() else None
    except (InvalidOperation, ValueError):
        return None


def candidates(raw: str, start: int, doubts: dict[int, Uncertain], decimal: bool) -> list[tuple[Number, float]]:
    """(value, probability) of the readings of a cell, most probable first; the printed reading first
    among equals. ``raw`` is the cell's text at ``start`` in the document."""
    options = []
    for i, ch in enumerate(raw):
        u = doubts.get(start + i)
        if u is None or not ch.isdigit():
            options.append([(ch, 1.0)])
            continue
        alts = [(a, p) for a, p in u.alternatives if a == "" or (len(a) == 1 and a.isdigit())]
        options.append([(ch, u.confidence), *alts])
    out: dict[Number, float] = {}
    for combo in itertools.islice(itertools.product(*options), 4096):
        value = _number("".join(c for c, _ in combo), decimal)
        if value is None:
            continue
        p = 1.0
        for _, q in combo:
            p *= q
        if p > out.get(value, -1.0):
            out[value] = p
    return sorted(out.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]


def _name(key: CellKey) -> str:
    return f"表{TABLES[key.table].letter}“{cell_label(key)}”"


def _solve(cells: list[CellKey], options: dict[CellKey, list[Number]], equations: list[Equation],
           fixed: dict[CellKey, Number]) -> list[dict[CellKey, Number]] | None:
    """Every assignment of ``cells`` satisfying all ``equations`` (None when the search ran out)."""
    order = sorted(cells, key=lambda k: len(options[k]))
    position = {k: i for i, k in enumerate(order)}
    # an equation is checked once its last doubtful cell is assigned
    due: dict[int, list[Equation]] = {}
    for eq in equations:
        due.setdefault(max(position[k] for k in eq.cells if k in position), []).append(eq)
    solutions: list[dict[CellKey, Number]] = []
    assigned: dict[CellKey, Number] = {}
    steps = 0

    def value(k: CellKey) -> Number:
        return assigned[k] if k in assigned else fixed[k]

    def walk(i: int) -> bool:
        nonlocal steps
        if i == len(order):
            solutions.append(dict(assigned))
            return len(solutions) < MAX_SOLUTIONS
        key = order[i]
        for v in options[key]:
            steps += 1
            if steps > MAX_STEPS:
                return False
            assigned[key] = v
            fits = all(sum(value(k) for k in eq.lhs) == sum(value(k) for k in eq.rhs) for eq in due.get(i, ()))
            if fits and not walk(i + 1):
                return False
        assigned.pop(key, None)
        return True

    complete = walk(0)
    return solutions if complete or len(solutions) >= MAX_SOLUTIONS else None


def _groups(cells: list[CellKey], equations: list[Equation]) -> list[tuple[list[CellKey], list[Equation]]]:
    """Doubtful cells linked through shared equations, each with its equations."""
    parent = {k: k for k in cells}

    def find(k: CellKey) -> CellKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for eq in equations:
        linked = [k for k in eq.cells if k in parent]
        for a, b in itertools.pairwise(linked):
            parent[find(a)] = find(b)
    groups: dict[CellKey, tuple[list[CellKey], list[Equation]]] = {}
    for k in cells:
        groups.setdefault(find(k), ([], []))[0].append(k)
    for eq in equations:
        first = next(k for k in eq.cells if k in parent)
        groups[find(first)][1].append(eq)
    return list(groups.values())


def _set(report: Report, key: CellKey, cv: CellValue) -> None:
    table = report.tables[key.table]
    if table is not None:
        table.cells[key] = cv


def _values_text(values) -> str:
    return "、".join(format(v, "f") if isinstance(v, Decimal) else str(v) for v in values)


def resolve(report: Report) -> None:
    """Decide or open up every table cell that holds a digit the OCR doubted (see the module)."""
    doc = report.source
    doubts = {u.index: u for u in doc.uncertain}
    scanned = [p.number for p in doc.pages if p.ocr]
    cells: dict[CellKey, CellValue] = {}
    for table in report.tables.values():
        if table is not None:
            cells.update(table.cells)
    if scanned:
        _unread_rows(report)
    options: dict[CellKey, list[tuple[Number, float]]] = {}
    for key, cv in cells.items():
        if cv.span is None:
            continue
        misread = cv.kind in (CellKind.TEXT, CellKind.INVALID) or (cv.is_number and _LEADING_ZERO.match(cv.raw))
        if misread and scanned and _on_scan(report, cv):
            what = "不是数字" if not cv.is_number else "不像印出的数字（以 0 开头）"
            _set(report, key, CellValue(CellKind.AMBIGUOUS, None, cv.raw, cv.span, f"扫描识别结果{what}"))
            report.notes.append(ParseNote("O03", f"{_name(key)}在扫描件中识别为“{cv.raw}”，{what}，可能识别有误，"
                                                 f"请对照原件{_blocked(key)}", (key,), (cv.span,), f"ocr:{key.id}"))
            continue
        if not cv.is_number or not any(i in doubts for i in range(*cv.span)):
            continue
        found = candidates(doc.text[cv.span[0]:cv.span[1]], cv.span[0], doubts, isinstance(cv.value, Decimal))
        if len(found) > 1 or (found and found[0][0] != cv.value):
            options[key] = found
    if not options:
        return
    fixed = {k: cv.value for k, cv in cells.items() if cv.is_number and k not in options}
    usable = [eq for eq in all_equations() if eq.relation == "=" and any(k in options for k in eq.cells)
              and all(k in options or k in fixed for k in eq.cells)]
    for group, equations in _groups(list(options), usable):
        values = {k: [v for v, _ in options[k]] for k in group}
        solutions = _solve(group, values, equations, fixed) if equations else None
        for key in group:
            _decide(report, key, cells[key], options[key], solutions, equations)


def _unread_rows(report: Report) -> None:
    """A row of a table on a scan that was never found may be a label or a value the recogniser
    misread: not assessable, not a missing row."""
    for spec in TABLES.values():
        table = report.tables.get(spec.id)
        if table is None or not any(p.ocr for p in report.source.pages):
            continue
        for row in spec.rows:
            keys = [CellKey(spec.id, row.key, c) for c in range(row.ncols)]
            if all(table.cells[k].kind is CellKind.MISSING for k in keys):
                name = row.label if row.key else f"表{spec.letter}的数值行"
                report.notes.append(ParseNote("O03", f"扫描件中未能识别出表{spec.letter}“{name}”一行，可能识别有误，请对照原件"
                                                     f"{_blocked(keys[0])}", tuple(keys), (table.span,) if table.span else (),
                                              f"ocr:row:{spec.id}:{row.key}"))


def page_notes(report: Report) -> list[ParseNote]:
    """What the auditor must know about a PDF's pages: which were recognised from the image, which
    could not be read at all."""
    doc = report.source
    notes = []
    scanned = [p.number for p in doc.pages if p.ocr]
    if scanned:
        pages = "、".join(str(n) for n in scanned)
        notes.append(ParseNote("O01", f"第 {pages} 页是扫描图像，内容由文字识别（OCR）读取，数值请对照原件核实",
                               subject="ocr:pages"))
    for number, reason in doc.page_problems:
        notes.append(ParseNote("O04", f"第 {number} 页无法读取（{reason}），该页内容未纳入检查", subject=f"page:{number}"))
    return notes


def _on_scan(report: Report, cv: CellValue) -> bool:
    pages = report.source.pages
    if all(p.ocr for p in pages):
        return True
    scanned = {p.number for p in pages if p.ocr}
    return any(b.page in scanned for b in report.source.boxes(cv.span))


def _blocked(key: CellKey) -> str:
    rules = "、".join(rules_by_cell().get(key, ()))
    return f"，相关勾稽关系（{rules}）无法核对" if rules else ""


def _decide(report: Report, key: CellKey, cv: CellValue, found: list[tuple[Number, float]],
            solutions: list[dict[CellKey, Number]] | None, equations: list[Equation]) -> None:
    read = cv.raw
    sure = max(p for v, p in found if v == cv.value) if any(v == cv.value for v, _ in found) else 0.0
    agreed = {s[key] for s in solutions} if solutions else set()
    rules = "、".join(sorted({eq.rule for eq in equations if key in eq.cells}))
    if len(agreed) == 1:
        value = agreed.pop()
        how = "核对无误" if value == cv.value else f"唯一确定为 {_values_text([value])}"
        _set(report, key, CellValue(CellKind.NUMBER, value, cv.raw, cv.span, f"扫描识别为“{read}”，由勾稽关系{how}"))
        report.notes.append(ParseNote("O02", f"{_name(key)}扫描识别为“{read}”（把握 {sure:.0%}），由勾稽关系（{rules}）{how}",
                                      (key,), (cv.span,), f"ocr:{key.id}"))
        return
    shown = sorted(agreed) if agreed else [v for v, _ in found]
    why = ("与勾稽关系均不相符" if solutions == [] else "勾稽关系不能唯一确定" if equations else "没有可核对的勾稽关系")
    _set(report, key, CellValue(CellKind.AMBIGUOUS, None, cv.raw, cv.span, f"扫描识别不确定：候选 {_values_text(shown)}"))
    report.notes.append(ParseNote("O03", f"{_name(key)}扫描识别不确定（读作“{read}”，候选 {_values_text(shown)}），"
                                         f"{why}，已留空{_blocked(key)}", (key,), (cv.span,), f"ocr:{key.id}"))

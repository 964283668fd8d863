"""Digits the OCR was unsure of, decided by the form's own cross totals — or left open, never guessed.

Takes a ``Report`` whose ``source.uncertain`` lists the characters the recogniser doubted (with the
other readings it weighed, ``core.model.Uncertain``) and changes only the table cells that hold such a
digit. Each doubtful cell gets its candidate values (the readings of its doubtful digits, combined);
the equalities of ``core.equations`` that join doubtful cells to cells read with confidence
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

from core.equations import all_equations, rules_by_cell
from core.messages import Bi, Message, msg, parse_note, row_label
from core.model import (
    CellKind,
    CellValue,
    Equation,
    Number,
    ParseNote,
    Report,
    Uncertain,
)
from core.template import TABLES, CellKey

# What a cell's tooltip says (``CellValue.note``; English in ``core.messages.CELL_NOTES``).
NOTE_DECIDED, NOTE_UNCERTAIN, NOTE_MISREAD = "扫描识别把握不足，由勾稽关系确定", "扫描识别不确定", "扫描识别结果不像数字"
# Why a page was not read (``SourceDocument.page_problems``, written by core.reading), in English.
PAGE_PROBLEMS_EN = {"内容已损坏": "its content is damaged", "无法识别": "it could not be recognised",
                    "过大，无法识别": "it is too large to recognise",
                    "是扫描图像，但本机未安装文字识别组件（见 README）":
                        "it is a scanned image and text recognition is not installed (see README)",
                    "是扫描图像，文字识别组件无法加载": "it is a scanned image and text recognition could not be loaded"}

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
            what = "O03.not_number" if not cv.is_number else "O03.leading_zero"
            _set(report, key, CellValue(CellKind.AMBIGUOUS, None, cv.raw, cv.span, NOTE_MISREAD))
            report.notes.append(parse_note("O03", msg("O03.misread", letter=TABLES[key.table].letter, cell=key,
                                                      read=cv.raw, what=msg(what), blocked=_blocked(key)),
                                           (key,), (cv.span,), f"ocr:{key.id}"))
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
                name = row_label(row.label) if row.key else msg("S03.values_row", letter=spec.letter)
                report.notes.append(parse_note("O03", msg("O03.row", letter=spec.letter, row=name, blocked=_blocked(keys[0])),
                                               tuple(keys), (table.span,) if table.span else (),
                                               f"ocr:row:{spec.id}:{row.key}"))


def page_notes(report: Report) -> list[ParseNote]:
    """What the auditor must know about a PDF's pages: which were recognised from the image, which
    could not be read at all."""
    doc = report.source
    notes = []
    scanned = [p.number for p in doc.pages if p.ocr]
    if scanned:
        notes.append(parse_note("O01", msg("O01", pages=tuple(scanned)), subject="ocr:pages"))
    for number, reason in doc.page_problems:
        english = PAGE_PROBLEMS_EN.get(reason, "it could not be read")
        notes.append(parse_note("O04", msg("O04", page=number, reason=Bi(reason, english)), subject=f"page:{number}"))
    return notes


def _on_scan(report: Report, cv: CellValue) -> bool:
    pages = report.source.pages
    if all(p.ocr for p in pages):
        return True
    scanned = {p.number for p in pages if p.ocr}
    return any(b.page in scanned for b in report.source.boxes(cv.span))


def _blocked(key: CellKey) -> Message | None:
    rules = rules_by_cell().get(key, ())
    return msg("V.blocked", rules=rules) if rules else None


def _decide(report: Report, key: CellKey, cv: CellValue, found: list[tuple[Number, float]],
            solutions: list[dict[CellKey, Number]] | None, equations: list[Equation]) -> None:
    sure = max(p for v, p in found if v == cv.value) if any(v == cv.value for v, _ in found) else 0.0
    agreed = {s[key] for s in solutions} if solutions else set()
    rules = tuple(sorted({eq.rule for eq in equations if key in eq.cells}))
    letter = TABLES[key.table].letter
    if len(agreed) == 1:
        value = agreed.pop()
        how = msg("O02.confirmed") if value == cv.value else msg("O02.fixed", value=value)
        _set(report, key, CellValue(CellKind.NUMBER, value, cv.raw, cv.span, NOTE_DECIDED))
        report.notes.append(parse_note("O02", msg("O02", letter=letter, cell=key, read=cv.raw, sure=sure, rules=rules,
                                                  how=how), (key,), (cv.span,), f"ocr:{key.id}"))
        return
    shown = tuple(sorted(agreed) if agreed else [v for v, _ in found])
    why = "O03.no_fit" if solutions == [] else "O03.open" if equations else "O03.unchecked"
    _set(report, key, CellValue(CellKind.AMBIGUOUS, None, cv.raw, cv.span, NOTE_UNCERTAIN))
    report.notes.append(parse_note("O03", msg("O03.uncertain", letter=letter, cell=key, read=cv.raw, candidates=shown,
                                              why=msg(why), blocked=_blocked(key)), (key,), (cv.span,), f"ocr:{key.id}"))

"""S — structure and format: parts, tables, completeness, layout, labels, title, statistics period."""
from __future__ import annotations

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.equations import numbers
from core.extraction.meta import other_doc_type
from core.messages import Message, label, msg, ordinal
from core.model import IMAGE_MARK, CellKind, Severity, Verdict
from core.template import SECTIONS, TABLES, rows_with_cells

OLD = ("2019", "pre-2019")
_MISSING = CellKind.MISSING  # bound once: asked of the cells of every row
_LAYOUT_NAMES = {"2019": "S04.layout_2019", "pre-2019": "S04.layout_pre2019"}


@check
def sections_present(ctx: CheckContext):
    for spec in SECTIONS:
        if spec.number not in ctx.report.sections:
            yield ctx.finding("S01", msg("S01.missing", part=ordinal(spec.number), heading=label(spec.heading)),
                              severity=Severity(spec.missing_severity), subject=f"section:{spec.number}")


@check
def tables_present(ctx: CheckContext):
    if ctx.report.layout in OLD:
        return
    for spec in TABLES.values():
        if ctx.table_found(spec.id):
            continue
        sec = ctx.report.sections.get(spec.section)
        if sec is not None and IMAGE_MARK in ctx.report.source.text[slice(*sec.body_span)]:
            # the part shows a picture where the table should be: we cannot read it, the report may be fine
            yield ctx.finding("S02", msg("S02.image", part=ordinal(spec.section), letter=spec.letter,
                                         title=label(spec.title)),
                              spans=(sec.heading_span,), subject=f"table:{spec.id}", severity=Severity.WARNING,
                              verdict=Verdict.UNASSESSABLE)
            continue
        text = msg("S02.heading_only" if sec else "S02.missing", part=ordinal(spec.section), letter=spec.letter,
                   title=label(spec.title))
        yield ctx.finding("S02", text, spans=(sec.heading_span,) if sec else (), subject=f"table:{spec.id}")


@check
def tables_complete(ctx: CheckContext):
    """Rows that were never found. Rows found but unreadable come from the extractor's notes."""
    noted = {k for n in ctx.report.notes if n.rule in ("S03", "O03") for k in n.cells}  # O03: unread on a scan
    for spec in TABLES.values():
        table = ctx.report.tables.get(spec.id)
        if table is None or None not in numbers(ctx, spec.id):
            continue  # every cell a number: no row is missing
        for row, keys in rows_with_cells(spec.id):
            # a row whose first cell was read is found: the rest is not asked (most rows)
            if ctx.get(keys[0]).kind is _MISSING and all(cv.kind is _MISSING for cv in map(ctx.get, keys)) \
                    and not noted.intersection(keys):
                name = label(row.label) if row.key else msg("S03.values_row", letter=spec.letter)
                yield ctx.finding("S03", msg("S03.row_missing", letter=spec.letter, row=name, count=row.ncols), keys,
                                  spans=(table.span,) if table.span else (), subject=f"row:{spec.id}:{row.key}")


@check
def parse_notes(ctx: CheckContext):
    for n in ctx.report.notes:
        if n.rule == "S03" and n.severity is not Severity.INFO and n.cells and all(k in ctx.overrides for k in n.cells):
            continue  # the auditor has filled the row in by hand
        text = Message(n.template, n.params) if n.template else n.message
        yield ctx.finding(n.rule, text, n.cells, n.spans, subject=n.subject, severity=n.severity, zh=n.message)


@check
def layout(ctx: CheckContext):
    r = ctx.report
    if r.layout not in OLD:
        return
    name = msg(_LAYOUT_NAMES[r.layout])
    if r.year is not None and r.year >= 2021:
        yield ctx.finding("S04", msg("S04.abolished", year=r.year, layout=name), subject="layout")
    else:
        yield ctx.finding("S04", msg("S04.old", layout=name), severity=Severity.INFO,
                          verdict=Verdict.NOTE, subject="layout")


@check
def title(ctx: CheckContext):
    r = ctx.report
    if r.title is None:
        yield ctx.finding("S06", msg("S06.no_title"), subject="title")
        return
    span = (r.title_span,) if r.title_span else ()
    if not r.agency:
        yield ctx.finding("S06", msg("S06.no_agency", title=r.title), spans=span, subject="title")
    if other_doc_type(r.title):
        yield ctx.finding("S06", msg("S06.other_type", title=r.title), spans=span,
                          severity=Severity.INFO, subject="title:type")


@check
def statistics_period(ctx: CheckContext):
    if ctx.report.period_year is None:
        yield ctx.finding("S07", msg("S07.missing"), subject="period")

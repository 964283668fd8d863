"""A decoded document → the report model: parts, meta, layout, and the three tables, each read from the
stretch of text its part heading (or, failing that, its first marker) opens."""
from __future__ import annotations

from core.extraction.meta import detect_layout, find_meta
from core.extraction.normalize import fold
from core.extraction.sections import find_sections
from core.extraction.stream import tokenize
from core.extraction.tables import build_table
from core.messages import label, msg, ordinal, parse_note
from core.model import CellKind, ParseNote, Report, SourceDocument, Span, TableData
from core.template import SECTIONS, TABLES, TableSpec


def extract_report(doc: SourceDocument) -> Report:
    text = doc.text
    folded = fold(text)
    headings = find_sections(folded, text)
    sections = headings.sections
    head_end = min((s.heading_span[0] for s in sections.values()), default=len(text))
    meta = find_meta(text, folded, head_end)
    layout = detect_layout(folded, len(sections))
    report = Report(source=doc, layout=layout, sections=sections, **vars(meta))
    for h in headings.duplicates:
        report.notes.append(parse_note("S05", msg("S05.extra_heading", heading=h.text), spans=((h.start, h.end),),
                                       subject=f"heading:{h.number}:{h.start}"))
    for h in headings.inexact:
        standard = SECTIONS[h.number - 1].heading
        report.notes.append(parse_note("S05", msg("S05.heading_similar", printed=text[h.start:h.end].strip(),
                                                  standard=label(standard)),
                                       spans=((h.start, h.end),), subject=f"heading-wording:{h.number}"))
    for h in headings.extra:
        report.notes.append(parse_note("S05", msg("S05.extra_part", heading=h.text),
                                       spans=((h.start, h.end),), subject=f"extra-part:{h.numeral}"))
    if layout in ("2019", "pre-2019"):
        report.tables = {t: None for t in TABLES}
        return report
    bounds = sorted(h.start for h in headings.extra)
    for spec, region in _regions(folded, sections, bounds):
        report.tables[spec.id] = _extract(spec, folded, region, report.notes)
    _appended_tables(report, folded)
    return report


def _appended_tables(report: Report, folded: str) -> None:
    """Tables printed after the last part (附表, 'see the table below') instead of in their own part."""
    missing = [spec for spec in TABLES.values() if _is_empty(report.tables.get(spec.id))]
    if not missing or not report.sections:
        return
    last = max(s.heading_span[1] for s in report.sections.values())
    found = sorted(t.span for t in report.tables.values() if not _is_empty(t) and t.span)
    hits = {spec.id: _first_marker(folded, spec, last) for spec in missing}
    for spec in missing:
        hit = hits[spec.id]
        if hit is None or any(a <= hit[1] < b for a, b in found):
            continue
        start = hit[0]
        ends = [h[1] for h in hits.values() if h is not None and h[1] > hit[1]] + [a for a, _ in found if a > start]
        region = (start, min(ends + [len(folded), start + MAX_TABLE_REGION]))
        notes: list[ParseNote] = []
        table = _extract(spec, folded, region, notes)
        if table is not None and any(v.is_number for v in table.cells.values()):
            report.tables[spec.id] = table
            stale = set(table.cells)
            report.notes = [n for n in report.notes if not stale.intersection(n.cells)] + notes
            report.notes.append(parse_note("S05", msg("S05.appended", letter=spec.letter, title=label(spec.title),
                                                      part=ordinal(spec.section)),
                                           spans=(region,), subject=f"appended:{spec.id}"))


# The longest stretch of text searched for one table. The official table B is a few thousand
# characters even when padded; without a bound, a huge file with no headings makes every label run
# a candidate and extraction grows without limit.
MAX_TABLE_REGION = 60_000


# How far before its first marker a table is looked for: the row a marker follows ('行政复议 0 0 1 0 1
# 未经复议直接起诉…') — its line, or in text with no line breaks a row's worth of characters.
_LOOKBACK = 80


def _first_marker(folded: str, spec: TableSpec, start: int) -> tuple[int, int] | None:
    """(where to start reading the table, where its first marker is) after ``start``."""
    found = [i for m in spec.markers if (i := folded.find(m, start)) >= 0]
    if not found:
        return None
    first = min(found)
    return max(folded.rfind("\n", 0, first) + 1, first - _LOOKBACK, start), first


def _regions(folded: str, sections: dict, bounds: list[int]) -> list[tuple[TableSpec, Span | None]]:
    """Where each table is looked for, in form order: its part's body, up to the next heading (or an
    extra part); when the heading is missing, from the table's first marker. (A list, not a dict keyed
    by spec: hashing a TableSpec hashes all its rows.)"""
    starts: dict[str, int | None] = {}
    markers: list[int] = []  # where a table found by its marker begins: it ends the table before it
    cursor = sections[1].heading_span[1] if 1 in sections else 0
    for spec in TABLES.values():
        sec = sections.get(spec.section)
        if sec is not None:
            starts[spec.id] = sec.heading_span[1]
        else:
            hit = _first_marker(folded, spec, cursor)
            starts[spec.id] = hit[0] if hit else None
            if hit:
                markers.append(hit[1])
        if starts[spec.id] is not None:
            cursor = starts[spec.id]
    heading_starts = sorted([s.heading_span[0] for s in sections.values()] + bounds)
    regions: list[tuple[TableSpec, Span | None]] = []
    for spec in TABLES.values():
        start = starts[spec.id]
        if start is None:
            regions.append((spec, None))
            continue
        ends = [h for h in heading_starts if h >= start] + [m for m in markers if m > start]
        ends += [s for k, s in starts.items() if s is not None and s > start and TABLES[k].section in sections]
        end = min(ends, default=len(folded))
        regions.append((spec, (start, min(end, start + MAX_TABLE_REGION))))
    return regions


def _extract(spec: TableSpec, folded: str, region: Span | None, notes: list[ParseNote]) -> TableData | None:
    """The table read from ``region``; None when nothing there is the table (no row of it was read and
    none of its header words is printed): a part that only says 详见附表 has no table of its own."""
    if region is None:
        return None
    tokens = tokenize(folded, *region)
    found: list[ParseNote] = []
    table = build_table(spec, region, tokens, found)
    # the markers looked for only in a table with nothing read (by find's bounds: no copy of the region)
    if _is_empty(table) and not any(folded.find(m, *region) >= 0 for m in spec.markers):
        return None
    notes.extend(found)
    return table


def _is_empty(table: TableData | None) -> bool:
    return table is None or all(v.kind is CellKind.MISSING for v in table.cells.values())

"""The public JSON contract of ``check --json`` (documented in README). Keys here may be added to,
never changed: auditors' scripts parse them.

The text is written by ``encode``, byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes, with decimals as printed (0.9840 stays 0.9840). The standard encoder falls back to pure Python
with an indent, which made the JSON cost as much as the checks; this one is a few joins over a known
shape. A report can be written in parts (``report_parts``) so a batch emits it once the findings that
need the other reports are known."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import repeat
from json.encoder import encode_basestring
from typing import Any

from core.model import MISSING, CellKind, CellValue, Finding, Report
from core.template import TABLES, CellKey, row_cells, rows_with_cells

INDENT = "  "
_NL = ["\n" + INDENT * n for n in range(12)]
# Enum members bound once: looked up for every cell of every report
_NUMBER, _EMPTY = CellKind.NUMBER, CellKind.EMPTY
_ONLY_INTS = frozenset((int,)).issuperset  # over map(type, items): every item is exactly an int


def _value(cv: CellValue) -> Any:
    if not cv.is_number:
        return None
    if isinstance(cv.value, Decimal):
        return Decimal(cv.raw.replace(",", "")) if cv.raw else cv.value  # keep every printed place
    return cv.value


def _values(cells: Iterable[CellValue]) -> list[Any]:
    """``_value`` of each cell; a printed integer (most cells) is taken without the call."""
    return [v if cv.kind is _NUMBER and type(v := cv.value) is int else _value(cv) for cv in cells]


def table_json(report: Report, table: str, get=None) -> Any:
    data = report.tables.get(table)
    if data is None:
        return None
    if get is None:
        cells = data.cells

        def read(keys: tuple[CellKey, ...]) -> Iterable[CellValue]:
            return map(cells.get, keys, repeat(MISSING))
    else:
        def read(keys: tuple[CellKey, ...]) -> Iterable[CellValue]:
            return map(get, keys)
    if table == "review_litigation":
        return _values(read(row_cells(table, "")))
    out: dict[str, Any] = {}
    for row, keys in rows_with_cells(table):
        vals = _values(read(keys))
        out[row.key] = vals[0] if row.ncols == 1 else vals
    return out


def finding_json(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "severity": f.severity.value, "message": f.message, "cells": [c.id for c in f.cells]}


def report_json(report: Report, findings: list[Finding], get=None) -> dict[str, Any]:
    spans: dict[str, list[int]] = {}
    boxes: dict[str, list[dict]] = {}
    # a text report has no page pieces, so no boxes: not asked for each cell
    boxes_of = report.source.boxes if report.source.pieces else None
    for table in TABLES:
        data = report.tables.get(table)
        if data is None:
            continue
        cells = data.cells.items() if get is None else ((key, get(key)) for key in data.cells)
        for key, cv in cells:
            span = cv.span
            if span is None:
                continue
            if span[1] > span[0] and cv.kind is not _EMPTY:
                spans[key.id] = [span[0], span[1]]
            if boxes_of is not None and (found := boxes_of(span)):
                boxes[key.id] = [b.json() for b in found]
    return {
        "file": report.source.path,
        "encoding": report.source.encoding,
        "format": report.source.format,
        "layout": report.layout,
        "agency": report.agency,
        "year": report.year,
        "sections_present": sorted(report.sections),
        "active": table_json(report, "active", get),
        "applications": table_json(report, "applications", get),
        "review_litigation": table_json(report, "review_litigation", get),
        "findings": [finding_json(f) for f in findings],
        "spans": spans,
        "evidence": evidence_json(report),
        "boxes": boxes,
    }


def evidence_json(report: Report) -> dict[str, Any] | None:
    """Where and when the report was downloaded, from its evidence folder's index; null otherwise."""
    ev = report.evidence
    if ev is None:
        return None
    d = ev.record
    return {"url": d.url, "final_url": d.final_url, "time": d.time, "status": d.status, "sha256": d.sha256,
            "size": d.size, "published": d.published, "referrer": d.referrer, "versions": len(ev.versions)}


def encode(obj: Any, level: int = 0) -> str:
    """``obj`` as ``json.dumps(obj, ensure_ascii=False, indent=2)`` writes it, nested ``level`` deep."""
    kind = type(obj)
    if kind is str:
        return encode_basestring(obj)
    if kind is int:
        return int.__repr__(obj)
    if obj is None:
        return "null"
    if kind is dict:
        if not obj:
            return "{}"
        inner, deeper = _NL[level + 1], _NL[level + 2]
        items = [f"{encode_basestring(k)}: [{deeper}{v[0]},{deeper}{v[1]}{inner}]"
                 if type(v) is list and len(v) == 2 and type(v[0]) is int and type(v[1]) is int  # spans
                 else f"{encode_basestring(k)}: {encode(v, level + 1)}" for k, v in obj.items()]
        return "{" + inner + ("," + inner).join(items) + _NL[level] + "}"
    if kind is list or kind is tuple:
        if _ONLY_INTS(map(type, obj)):  # spans and table rows: most of a report
            return encode_items(list(map(int.__repr__, obj)), level)
        return encode_items([encode(v, level + 1) for v in obj], level)
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, Decimal):
        return format(obj, "f")
    if isinstance(obj, float):
        return float.__repr__(obj)
    if isinstance(obj, int):
        return int.__repr__(obj)
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


def encode_items(items: list[str], level: int) -> str:
    """A JSON array of already encoded items."""
    if not items:
        return "[]"
    inner = "\n" + INDENT * (level + 1)
    return "[" + inner + ("," + inner).join(items) + "\n" + INDENT * level + "]"


_FINDINGS_LEVEL = 2  # a report is an item of the top-level array; its findings one level deeper


def report_parts(obj: dict[str, Any]) -> tuple[str, list[str], str]:
    """A report object (``report_json``) as an item of the top-level array, cut around its findings:
    (text before the findings array, each finding encoded, text after it)."""
    keys = list(obj)
    cut = keys.index("findings")
    inner = "\n" + INDENT * 2
    head = "{" + inner + "".join(f"{encode_basestring(k)}: {encode(obj[k], 2)},{inner}" for k in keys[:cut]) + '"findings": '
    tail = "".join(f",{inner}{encode_basestring(k)}: {encode(obj[k], 2)}" for k in keys[cut + 1:]) + "\n" + INDENT + "}"
    return head, [encode(f, _FINDINGS_LEVEL + 1) for f in obj["findings"]], tail


def join_parts(head: str, findings: list[str], tail: str) -> str:
    return head + encode_items(findings, _FINDINGS_LEVEL) + tail


def encode_finding(f: Finding) -> str:
    """One finding as an item of a report's findings array."""
    return encode(finding_json(f), _FINDINGS_LEVEL + 1)

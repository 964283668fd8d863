"""The public JSON contract of ``check --json`` (documented in README). Keys here may be added to,
never changed: auditors' scripts parse them.

The text is written by ``encode``, byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes, with decimals as printed (0.9840 stays 0.9840). The standard encoder falls back to pure Python
with an indent, which made the JSON cost as much as the checks; this one is a few joins over a known
shape. A report can be written in parts (``report_parts``) so a batch emits it once the findings that
need the other reports are known; until then its spans, most of its text, are kept as numbers (``Spans``)."""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from itertools import repeat
from json.encoder import encode_basestring
from typing import Any

from core.model import MISSING, CellKind, CellValue, Finding, Report, Severity
from core.template import TABLES, CellKey, all_cells

INDENT = "  "

# a line break and the indent of each level, made once (a report's boxes, the deepest, are 7 levels down)
_NL = ["\n" + INDENT * n for n in range(64)]
# Enum members bound once: looked up for every cell of every report
_NUMBER, _EMPTY = CellKind.NUMBER, CellKind.EMPTY
# over map(type, items): every item is exactly an int, a str (an empty list passes both)
_ONLY_INTS, _ONLY_STRS = frozenset((int,)).issuperset, frozenset((str,)).issuperset


def _value(cv: CellValue) -> Any:
    if not cv.is_number:
        return None
    if isinstance(cv.value, Decimal):
        return Decimal(cv.raw.replace(",", "")) if cv.raw else cv.value  # keep every printed place
    return cv.value


def _values(cells: Iterable[CellValue]) -> list[Any]:
    """``_value`` of each cell; a printed integer (most cells) is taken without the call."""
    return [v if cv.kind is _NUMBER and type(v := cv.value) is int else _value(cv) for cv in cells]


@lru_cache(maxsize=None)
def _rows_layout(table: str) -> tuple[tuple[str, int, int, bool], ...]:
    """Each row of a table as (row key, start, end, one column) over its cells in reading order
    (``all_cells``): a table's values are read in one pass and cut into rows."""
    out, start = [], 0
    for row in TABLES[table].rows:
        out.append((row.key, start, start + row.ncols, row.ncols == 1))
        start += row.ncols
    return tuple(out)


def _table_values(report: Report, table: str, get=None) -> list[Any] | None:
    """The JSON values of a table's cells in reading order (``all_cells``); None if it was not found."""
    data = report.tables.get(table)
    if data is None:
        return None
    keys = all_cells(table)
    if get is None:
        return _values(map(data.cells.get, keys, repeat(MISSING)))
    return _values(map(get, keys))


def table_json(report: Report, table: str, get=None) -> Any:
    vals = _table_values(report, table, get)
    if vals is None or table == "review_litigation":  # one row without a label: the values themselves
        return vals
    return {row: vals[start] if single else vals[start:end] for row, start, end, single in _rows_layout(table)}


# each severity's JSON value: an Enum's ``value`` is a Python-level descriptor, read for every finding
_SEVERITY_VALUE = {s: s.value for s in Severity}


def finding_json(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "severity": _SEVERITY_VALUE[f.severity], "message": f.message,
            "cells": [c.id for c in f.cells]}


def report_json(report: Report, findings: list[Finding], get=None) -> dict[str, Any]:
    return _report_object(report, [finding_json(f) for f in findings], get, table_json, _spans_json)


def _spans_json(cells: list[tuple[CellKey, CellValue]]) -> dict[str, list[int]]:
    # a blank cell has an empty span (where it would be printed): it has boxes but no span
    return {key.id: list(span) for key, cv in cells
            if (span := cv.span) is not None and span[1] > span[0] and cv.kind is not _EMPTY}


def _report_object(report: Report, findings: Any, get, table: Callable[[Report, str, Any], Any],
                   spans: Callable[[list[tuple[CellKey, CellValue]]], Any]) -> dict[str, Any]:
    """``report_json`` with its findings given, and its tables and spans made by ``table`` and ``spans``
    (``report_parts`` makes them as their JSON text)."""
    tables = [data for name in TABLES if (data := report.tables.get(name)) is not None]
    if get is None:
        cells = [item for data in tables for item in data.cells.items()]
    else:
        cells = [(key, get(key)) for data in tables for key in data.cells]
    boxes: dict[str, list[dict]] = {}
    if report.source.pieces:  # a text report has no page pieces, so no boxes: not asked for each cell
        boxes_of = report.source.boxes
        for key, cv in cells:
            if cv.span is not None and (found := boxes_of(cv.span)):
                boxes[key.id] = [b.json() for b in found]
    return {
        "file": report.source.path,
        "encoding": report.source.encoding,
        "format": report.source.format,
        "layout": report.layout,
        "agency": report.agency,
        "year": report.year,
        "sections_present": sorted(report.sections),
        "active": table(report, "active", get),
        "applications": table(report, "applications", get),
        "review_litigation": table(report, "review_litigation", get),
        "findings": findings,
        "spans": spans(cells),
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
        return _object(tuple(obj), level) % tuple([encode(v, level + 1) for v in obj.values()])
    if kind is list or kind is tuple:
        if obj and _ONLY_INTS(map(type, obj)):  # table rows: most of a report
            return _int_array(len(obj), level) % tuple(obj)
        if _ONLY_STRS(map(type, obj)):  # the cells of a finding
            return encode_items(map(encode_basestring, obj), level)
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


@lru_cache(maxsize=256)  # the report's few shapes of objects (a finding, a table, a box)
def _object(keys: tuple[str, ...], level: int) -> str:
    """The text of a non-empty object with ``keys`` at ``level``, with %s for each value: filled in one
    go, not a string made for each member."""
    inner = _NL[level + 1]
    members = (f"{encode_basestring(k).replace('%', '%%')}: %s" for k in keys)
    return "{" + inner + ("," + inner).join(members) + _NL[level] + "}"


@lru_cache(maxsize=64)  # the lengths are the few widths of the form's rows
def _int_array(length: int, level: int) -> str:
    """The text of an array of ``length`` ints at ``level``, with %d for each: filled in one go, without
    a string for each number (a new string costs more than the few characters it holds)."""
    return encode_items(["%d"] * length, level)


def encode_items(items: Iterable[str], level: int) -> str:
    """A JSON array of already encoded items."""
    inner = _NL[level + 1]
    text = ("," + inner).join(items)
    return "[" + inner + text + _NL[level] + "]" if text else "[]"


_REPORT_LEVEL = 2  # a report is an item of the top-level array: its values sit two levels deep
_FINDINGS_LEVEL = _REPORT_LEVEL  # the findings array is one of them


class _Encoded(str):
    """A value of a report object given as its JSON text (``report_parts``)."""


_CELLS = tuple(key for table in TABLES for key in all_cells(table))  # every cell of the form
_CELL_AT = {key: k for k, key in enumerate(_CELLS)}
# the text of each cell's span with %d for the two numbers, made once: the same cells in every report
_SPAN_FORMATS = tuple(f"{_NL[_REPORT_LEVEL + 1]}{encode_basestring(key.id).replace('%', '%%')}: "
                      f"[{_NL[_REPORT_LEVEL + 2]}%d,{_NL[_REPORT_LEVEL + 2]}%d{_NL[_REPORT_LEVEL + 1]}]" for key in _CELLS)


class Spans:
    """``encode(_spans_json(cells), _REPORT_LEVEL)`` (cell id → [start, end], text offsets), some 200 a
    report, kept as numbers until it is written (``str``): each cell's place in ``_CELLS`` and its two
    offsets. A batch parks each report's text until the end and reads it back; the spans are most of
    it, and as numbers they are a fraction of the bytes and are not transcoded on the way."""

    __slots__ = ("cells", "ends")

    def __init__(self, cells: array, ends: array) -> None:
        self.cells, self.ends = cells, ends

    def __reduce__(self):
        return Spans, (self.cells, self.ends)

    def __str__(self) -> str:
        """One format, joined from each cell's, filled in one go: a new string costs more than the few
        characters it holds."""
        if not self.cells:
            return "{}"
        fmt = ",".join(map(_SPAN_FORMATS.__getitem__, self.cells))
        return "{" + fmt % tuple(self.ends) + _NL[_REPORT_LEVEL] + "}"


def _spans_text(cells: list[tuple[CellKey, CellValue]]) -> Spans | _Encoded:
    """The spans of ``_spans_json(cells)`` as ``Spans`` (as their text for a cell not of the form)."""
    at: list[int] = []
    ends: list[int] = []
    for key, cv in cells:
        if (span := cv.span) is not None and span[1] > span[0] and cv.kind is not _EMPTY:
            if (k := _CELL_AT.get(key)) is None:
                return _Encoded(encode(_spans_json(cells), _REPORT_LEVEL))
            at.append(k)
            ends += span
    return Spans(array("H", at), array("q", ends))


@lru_cache(maxsize=None)
def _rows_formats(table: str) -> tuple[str, str]:
    """The text of a table's rows object (``table_json``, a table with row labels) at ``_REPORT_LEVEL``,
    as ``encode`` lays it out (a row of one column is its value, else an array), with %d for each value
    and with %s for each value."""
    inner = _NL[_REPORT_LEVEL + 1]

    def text(slot: str) -> str:
        members = (f"{encode_basestring(row).replace('%', '%%')}: "
                   + (slot if single else encode_items([slot] * (end - start), _REPORT_LEVEL + 1))
                   for row, start, end, single in _rows_layout(table))
        return "{" + inner + ("," + inner).join(members) + _NL[_REPORT_LEVEL] + "}"

    return text("%d"), text("%s")


def _table_text(report: Report, table: str, get=None) -> _Encoded:
    """``encode(table_json(report, table, get), _REPORT_LEVEL)``, some 30 rows a report, from the values
    in one format: not a row object made and each row encoded on its own (a call, a look-up and a
    string a row)."""
    vals = _table_values(report, table, get)
    if vals is None or table == "review_litigation":
        return _Encoded(encode(vals, _REPORT_LEVEL))
    ints, general = _rows_formats(table)
    if _ONLY_INTS(map(type, vals)):
        return _Encoded(ints % tuple(vals))
    return _Encoded(general % tuple([encode(v) for v in vals]))


def _encode_value(value: Any) -> Any:
    """A value of a report object, at its level: its text, or ``Spans`` that write it."""
    return value if type(value) is _Encoded or type(value) is Spans else encode(value, _REPORT_LEVEL)


def report_parts(report: Report, findings: list[Finding]) -> tuple[str, list[str], tuple[Any, ...]]:
    """``report_json(report, findings)`` as an item of the top-level array, cut around its findings:
    (text before the findings array, each finding encoded, what comes after it: pieces of text and the
    ``Spans``, which ``join_parts`` writes)."""
    obj = _report_object(report, None, None, _table_text, _spans_text)
    keys = list(obj)
    cut = keys.index("findings")
    inner = _NL[_REPORT_LEVEL]
    head = "{" + inner + "".join(f"{encode_basestring(k)}: {_encode_value(obj[k])},{inner}" for k in keys[:cut]) + '"findings": '
    tail = tuple(piece for k in keys[cut + 1:] for piece in (f",{inner}{encode_basestring(k)}: ", _encode_value(obj[k])))
    return head, list(map(encode_finding, findings)), tail + ("\n" + INDENT + "}",)


def join_parts(head: str, findings: list[str], tail: tuple[Any, ...]) -> str:
    return head + encode_items(findings, _FINDINGS_LEVEL) + "".join(map(str, tail))


def encode_finding(f: Finding) -> str:
    """One finding as an item of a report's findings array."""
    return _encode_finding_json(finding_json(f))


_FINDING_FORMAT = _object(("rule", "severity", "message", "cells"), _FINDINGS_LEVEL + 1)  # finding_json's keys


def _encode_finding_json(item: dict[str, Any]) -> str:
    """``encode(item, _FINDINGS_LEVEL + 1)`` for an object of ``finding_json`` (three strings and a list
    of strings, some 20 a report with the cross findings), without the generic walk over its values."""
    rule, severity, message, cells = item.values()
    return _FINDING_FORMAT % (encode_basestring(rule), encode_basestring(severity), encode_basestring(message),
                              encode_items(map(encode_basestring, cells), _FINDINGS_LEVEL + 2))

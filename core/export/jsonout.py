"""The public JSON contract of ``check --json`` (documented in README). Keys here may be added to,
never changed: auditors' scripts parse them.

The text is written by ``encode``, byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes, with decimals as printed (0.9840 stays 0.9840). The standard encoder falls back to pure Python
with an indent, which made the JSON cost as much as the checks; this one is a few joins over a known
shape. A report's text is made with its own findings and a place for more (``report_text``), so that
a batch emits it once the findings that need the other reports are known; until then it waits as UTF-8
bytes, parked on disk and written out as it is."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import lru_cache
from itertools import chain, repeat
from json.encoder import encode_basestring
from typing import Any

from core.model import (
    MISSING,
    CellKind,
    CellValue,
    Finding,
    Report,
    Severity,
    Span,
    TableData,
)
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
    keys, cells = all_cells(table), data.cells
    if get is not None:
        return _values(map(get, keys))
    if tuple(cells) == keys:  # as a table is read: every cell of the form, in reading order (TableData)
        return _values(cells.values())
    return _values(map(cells.get, keys, repeat(MISSING)))


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


def _spans_json(tables: list[TableData], get) -> dict[str, list[int]]:
    return {key.id: list(span) for key, span in _with_spans(_cells(tables, get))}


def _with_spans(cells: Iterable[tuple[CellKey, CellValue]]) -> list[tuple[CellKey, Span]]:
    """(key, span) of the cells that have one: a blank cell has an empty span (where it would be
    printed), it has boxes but no span."""
    return [(key, span) for key, cv in cells if (span := cv.span) is not None and span[1] > span[0] and cv.kind is not _EMPTY]


def _cells(tables: list[TableData], get) -> Iterable[tuple[CellKey, CellValue]]:
    """Each cell of ``tables`` with its value (read by ``get`` when given), once: the tables' own items
    chained, not copied into a list of some 200 pairs."""
    if get is None:
        return chain.from_iterable([data.cells.items() for data in tables])
    return [(key, get(key)) for data in tables for key in data.cells]


def _report_object(report: Report, findings: Any, get, table: Callable[[Report, str, Any], Any],
                   spans: Callable[[list[TableData], Any], Any]) -> dict[str, Any]:
    """``report_json`` with its findings given, and its tables and spans made by ``table`` and ``spans``
    (``_text_pieces`` makes them as their JSON text)."""
    tables = [data for name in TABLES if (data := report.tables.get(name)) is not None]
    boxes: dict[str, list[dict]] = {}
    if report.source.pieces:  # a text report has no page pieces, so no boxes: not asked for each cell
        boxes_of = report.source.boxes
        for key, cv in _cells(tables, get):
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
        "spans": spans(tables, get),
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


UTF8 = ("utf-8", "surrogatepass")  # a report's text as bytes and back: every str round-trips, a lone surrogate too
# the UTF-8 text of the span of each cell of the form with %d for the two numbers, after the comma that
# separates it from the member before, made once: the same cells in every report (``_spans_text``)
_SPAN_FORMATS = {key: (f",{_NL[_REPORT_LEVEL + 1]}{encode_basestring(key.id).replace('%', '%%')}: "
                       f"[{_NL[_REPORT_LEVEL + 2]}%d,{_NL[_REPORT_LEVEL + 2]}%d{_NL[_REPORT_LEVEL + 1]}]").encode(*UTF8)
                 for table in TABLES for key in all_cells(table)}


_SPANS_CLOSE = (_NL[_REPORT_LEVEL] + "}").encode()


class _Pieces(list):
    """A value's UTF-8 text in pieces, to be joined with the report's other pieces at once (some 200
    spans: not copied into a text of their own first)."""


def _spans_text(tables: list[TableData], get) -> bytes | _Pieces:
    """``encode(_spans_json(tables, get), _REPORT_LEVEL)`` as UTF-8, some 200 spans a report: each cell's
    two numbers put in its member's format. Formatting bytes writes the digits without widening them to
    the text's Chinese (the cell ids), and the batch parks the bytes as they are."""
    try:
        members = _Pieces([_SPAN_FORMATS[key] % span for key, cv in _cells(tables, get)
                           if (span := cv.span) is not None and span[1] > span[0] and cv.kind is not _EMPTY])
    except (KeyError, TypeError):  # a cell not of the form (its id might be another's, which the object then
        # holds once) or a span that is no tuple (a list, say): the general way
        return encode(_spans_json(tables, get), _REPORT_LEVEL).encode(*UTF8)
    if not members:
        return b"{}"
    members[0] = b"{" + members[0][1:]  # the first member, without a comma before it
    members.append(_SPANS_CLOSE)
    return members


@lru_cache(maxsize=None)
def _rows_formats(table: str) -> tuple[bytes, str]:
    """The text of a table's rows object (``table_json``, a table with row labels) at ``_REPORT_LEVEL``,
    as ``encode`` lays it out (a row of one column is its value, else an array): as UTF-8 with %d for
    each value, and with %s for each value."""
    inner = _NL[_REPORT_LEVEL + 1]

    def text(slot: str) -> str:
        members = (f"{encode_basestring(row).replace('%', '%%')}: "
                   + (slot if single else encode_items([slot] * (end - start), _REPORT_LEVEL + 1))
                   for row, start, end, single in _rows_layout(table))
        return "{" + inner + ("," + inner).join(members) + _NL[_REPORT_LEVEL] + "}"

    return text("%d").encode(*UTF8), text("%s")


def _table_text(report: Report, table: str, get=None) -> bytes:
    """``encode(table_json(report, table, get), _REPORT_LEVEL)`` as UTF-8, some 30 rows a report, from
    the values in one format: not a row object made and each row encoded on its own (a call, a look-up
    and a string a row)."""
    vals = _table_values(report, table, get)
    if vals is None or table == "review_litigation":
        return encode(vals, _REPORT_LEVEL).encode(*UTF8)
    ints, general = _rows_formats(table)
    if _ONLY_INTS(map(type, vals)):
        return ints % tuple(vals)
    # (%s writes an int as encode does)
    return (general % tuple([v if type(v) is int else encode(v) for v in vals])).encode(*UTF8)


@lru_cache(maxsize=None)  # the report object's few keys
def _key_text(key: str) -> bytes:
    return encode_basestring(key).encode(*UTF8) + b": "


_REPORT_OPEN = ("{" + _NL[_REPORT_LEVEL]).encode()
_MEMBER_SEP = ("," + _NL[_REPORT_LEVEL]).encode()
_REPORT_CLOSE = ("\n" + INDENT + "}").encode()


def _text_pieces(report: Report) -> tuple[list[bytes], int]:
    """``report_json(report, ...)`` as an item of the top-level array, in pieces of UTF-8 to be joined,
    and the index of the piece the findings array goes before. A value is written as ``_table_text`` and
    ``_spans_text`` wrote it, or encoded here at its level."""
    pieces, cut = [], 0
    for key, value in _report_object(report, None, None, _table_text, _spans_text).items():
        pieces += (_MEMBER_SEP, _key_text(key))
        if key == "findings":
            cut = len(pieces)
        elif type(value) is bytes:
            pieces.append(value)
        elif type(value) is _Pieces:
            pieces += value
        else:
            pieces.append(encode(value, _REPORT_LEVEL).encode(*UTF8))
    pieces[0] = _REPORT_OPEN
    pieces.append(_REPORT_CLOSE)
    return pieces, cut


def report_text(report: Report, findings: list[Finding]) -> tuple[bytes, int]:
    """``report_json(report, findings)`` as an item of the top-level array in UTF-8, with the offset
    where findings found later go (``with_findings``): the text a batch parks, and writes as it is when
    no other report adds a finding to it."""
    return _with_own(*_text_pieces(report), list(map(encode_finding, findings)))


def _with_own(pieces: list[bytes], cut: int, findings: list[str]) -> tuple[bytes, int]:
    """``pieces`` joined with the array of ``findings`` before piece ``cut``, and the offset where more
    findings go (``with_findings``). Joined once: a report's text is some 20 kB."""
    at = sum(map(len, pieces[:cut]))
    if findings:
        array = encode_items(findings, _FINDINGS_LEVEL).encode(*UTF8)
        at += len(array) - len(_FINDINGS_CLOSE)
    else:
        array = b"[]"
        at += 1
    pieces.insert(cut, array)
    return b"".join(pieces), at


_FINDING_SEP = "," + _NL[_FINDINGS_LEVEL + 1]  # before each finding but the first
_FINDINGS_NL = _NL[_FINDINGS_LEVEL].encode()  # before the closing bracket
_FINDINGS_CLOSE = _FINDINGS_NL + b"]"


def findings_text(findings: list[str]) -> bytes:
    """Encoded findings (``encode_finding``) as UTF-8 to put after others (``with_findings``), each after
    its separator."""
    return (_FINDING_SEP + _FINDING_SEP.join(findings)).encode(*UTF8) if findings else b""


def with_findings(text: bytes, cut: int, added: bytes) -> list[bytes | memoryview]:
    """``report_text``'s ``text`` with the findings ``added`` (``findings_text``) after its own (at ``cut``),
    in pieces to join (views of ``text``, not copies). Its array has none of its own when its opening
    bracket is just before ``cut`` (a finding ends with the brace of its object): then the first added
    finding goes without its comma."""
    if not added:
        return [text]
    if text[cut - 1] == ord("["):  # "[]" becomes "[", the findings, "]"
        added = added[1:] + _FINDINGS_NL
    view = memoryview(text)
    return [view[:cut], added, view[cut:]]


def encode_finding(f: Finding) -> str:
    """One finding as an item of a report's findings array: ``encode(finding_json(f), _FINDINGS_LEVEL + 1)``
    joined from its encoded strings and the text around them made once (some 20 findings a report with
    the cross findings), without the object made and walked."""
    ids = _CELL_SEP.join(map(_CELL_TEXT.__getitem__, f.cells))
    return "".join((_FINDING_OPEN, encode_basestring(f.rule), _SEVERITY_MEMBER[f.severity],
                    encode_basestring(f.message), _CELLS_OPEN + ids + _CELLS_CLOSE if ids else _NO_CELLS))


class _CellTexts(dict):
    """A cell's id encoded as a JSON string, made once for the cells of the form."""

    def __missing__(self, key: CellKey) -> str:  # a cell not of the form: encoded when it comes
        return encode_basestring(key.id)


_CELL_TEXT = _CellTexts({key: encode_basestring(key.id) for table in TABLES for key in all_cells(table)})


# The text of a finding's object (``finding_json``'s keys) around its encoded strings, made once: its
# opening, each severity's member with the key of the message, and its cells' array with the object's
# closing (the ids on lines of their own, or no id)
_MEMBER_NL, _ID_NL = _NL[_FINDINGS_LEVEL + 2], _NL[_FINDINGS_LEVEL + 3]
_FINDING_OPEN = "{" + _MEMBER_NL + '"rule": '
_SEVERITY_MEMBER = {s: f',{_MEMBER_NL}"severity": {encode_basestring(v)},{_MEMBER_NL}"message": '
                    for s, v in _SEVERITY_VALUE.items()}
_CELLS_OPEN, _CELL_SEP = f',{_MEMBER_NL}"cells": [{_ID_NL}', "," + _ID_NL
_CELLS_CLOSE = _MEMBER_NL + "]" + _NL[_FINDINGS_LEVEL + 1] + "}"
_NO_CELLS = f',{_MEMBER_NL}"cells": []' + _NL[_FINDINGS_LEVEL + 1] + "}"

"""The public JSON contract of ``check --json`` (documented in README). Keys here may be added to,
never changed: auditors' scripts parse them."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from core.model import CellKind, CellValue, Finding, Report
from core.template import TABLES, CellKey

_DEC = "\x00dec:"


def _value(cv: CellValue) -> Any:
    if not cv.is_number:
        return None
    if isinstance(cv.value, Decimal):
        return Decimal(cv.raw.replace(",", "")) if cv.raw else cv.value  # keep every printed place
    return cv.value


def table_json(report: Report, table: str, get=None) -> Any:
    data = report.tables.get(table)
    if data is None:
        return None
    get = get or report.cell
    spec = TABLES[table]
    if table == "review_litigation":
        return [_value(get(CellKey(table, "", c))) for c in range(spec.rows[0].ncols)]
    out: dict[str, Any] = {}
    for row in spec.rows:
        vals = [_value(get(CellKey(table, row.key, c))) for c in range(row.ncols)]
        out[row.key] = vals[0] if row.ncols == 1 else vals
    return out


def finding_json(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "severity": f.severity.value, "message": f.message, "cells": [c.id for c in f.cells]}


def report_json(report: Report, findings: list[Finding], get=None) -> dict[str, Any]:
    get = get or report.cell
    spans: dict[str, list[int]] = {}
    boxes: dict[str, list[dict]] = {}
    for table in TABLES:
        data = report.tables.get(table)
        if data is None:
            continue
        for key in data.cells:
            cv = get(key)
            if cv.span is not None and cv.kind is not CellKind.EMPTY and cv.span[1] > cv.span[0]:
                spans[key.id] = [cv.span[0], cv.span[1]]
            if cv.span is not None and (found := report.source.boxes(cv.span)):
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


def _encode_decimals(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return _DEC + format(obj, "f")
    if isinstance(obj, dict):
        return {k: _encode_decimals(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_encode_decimals(v) for v in obj]
    return obj


def dumps(obj: Any, indent: int | None = 2) -> str:
    """JSON with decimals written exactly as printed (0.9840 stays 0.9840, not 0.984)."""
    text = json.dumps(_encode_decimals(obj), ensure_ascii=False, indent=indent)
    return re.sub(r'"\\u0000dec:([-0-9.]+)"', r"\1", text)

"""Facts about a report that 概览 and 汇总 both print, worded in one place."""
from __future__ import annotations

from core.extraction.meta import agency_level
from core.review import Review

LEVEL_ZH = {"township": "乡镇/街道", "government": "人民政府", "department": "部门"}


def level_name(agency: str | None) -> str:
    return LEVEL_ZH.get(agency_level(agency or "") or "", "")


def source_evidence(review: Review, sep: str = "\n") -> str:
    """来源证据: where and when the report was downloaded and the hash of the bytes (``core.collect``), for the
    row in 概览 and the column in 汇总; empty for a report read from a local file."""
    evidence = review.report.evidence
    return evidence.citation(sep) if evidence is not None else ""

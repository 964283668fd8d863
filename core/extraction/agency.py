"""Agency identity: the same agency is spelled with and without 人民政府/办公室 suffixes and spaces from
one year to the next. Workbook grouping and year-over-year checks compare these keys, and the user can
override a report's key (``Review`` sidecars keep the override)."""
from __future__ import annotations

import re
from functools import lru_cache

from core.extraction.meta import agency_level

_SUFFIXES = ("人民政府办公室", "人民政府办公厅", "政府办公室", "人民政府", "政府", "办公室")
_NOISE = re.compile(r"[\s·•（）()《》“”\"']")


@lru_cache(maxsize=4096)
def agency_key(name: str | None) -> str:
    """Canonical comparison key: '重庆市开州区大进镇人民政府' and '重庆市开州区大进镇政府' agree."""
    if not name:
        return ""
    key = _NOISE.sub("", name)
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


def same_agency(a: str | None, b: str | None) -> tuple[bool, bool]:
    """(same, certain): exact key match is certain; one key ending the other (a county prefix missing
    in one year) is a probable match the X01 check reports with lower severity."""
    ka, kb = agency_key(a), agency_key(b)
    if not ka or not kb:
        return False, False
    if ka == kb:
        return True, True
    if len(ka) >= 3 and len(kb) >= 3 and (ka.endswith(kb) or kb.endswith(ka)):
        return True, False
    return False, False


__all__ = ["agency_key", "same_agency", "agency_level"]

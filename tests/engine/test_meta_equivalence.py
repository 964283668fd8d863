"""Meta: the layout decision, looking for markers only until it is known, against counting every marker of
every form, on random texts holding random sets of the markers; the agency name's cut after the last mark
against the regex substitution it replaces."""
from __future__ import annotations

import random

from core.extraction import meta
from core.extraction.meta import _at_least, detect_layout
from core.template import LAYOUT_MARKERS


def _layout_by_counting(folded: str, sections_found: int) -> str | None:
    def count(name: str) -> int:
        return sum(1 for k in LAYOUT_MARKERS[name] if k in folded)

    current, older = count("2021"), count("2019")
    if current >= 2 and current >= older:
        return "2021"
    if older >= 2:
        return "2019"
    if count("pre-2019") >= 2:
        return "pre-2019"
    if sections_found >= 3:
        return "2021"
    return None


def test_layout_is_decided_as_by_counting_every_marker() -> None:
    rnd = random.Random(7)
    markers = [k for name in LAYOUT_MARKERS for k in LAYOUT_MARKERS[name]]
    seen = set()
    for _ in range(20000):
        text = "|".join(rnd.sample(markers, rnd.randint(0, 12)) + ["情况"] * rnd.randint(0, 2))
        sections_found = rnd.randint(0, 6)
        layout = detect_layout(text, sections_found)
        assert layout == _layout_by_counting(text, sections_found)
        seen.add(layout)
    assert seen == {"2021", "2019", "pre-2019", None}


def test_at_least_is_a_count() -> None:
    rnd = random.Random(8)
    for _ in range(5000):
        markers = tuple(rnd.sample("abcdefgh", rnd.randint(0, 6)))
        text = "".join(rnd.sample("abcdefgh", rnd.randint(0, 8)))
        n = rnd.randint(0, 7)
        assert _at_least(text, markers, n) == (sum(k in text for k in markers) >= n)


_AGENCY_PIECES = ["¶", "|", ",", "。", "、", "）", ")", "(", "（", "]", "分享", "分享到", "现予公布", "现公布", "特此发布",
                  "特发布", "编制", "编制了", "以下简称", "以下简称(", "本报告是", "要求", "首页", "当前位置", "县", "人民政府",
                  "镇", "办公室", "政府", "信息", "公开", "发", "布", "予", "以", " ", "《", "》", "\n"]


def test_agency_cut_after_the_last_mark_is_the_regex_substitution() -> None:
    rnd = random.Random(9)
    cut = 0
    for _ in range(20000):
        raw = "".join(rnd.choice(_AGENCY_PIECES) for _ in range(rnd.randint(0, 14)))
        expected = meta._AGENCY_CUT.sub("", raw)
        assert meta._after_last_mark(raw) == expected
        cut += expected != raw
    assert cut > 10000

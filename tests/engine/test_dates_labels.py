"""The publication date's label found by two literal-led patterns, against the one alternation of all
labels, on random text made of label pieces."""
from __future__ import annotations

import random
import re

from core.extraction.narrative import dates

_BY_DEFINITION = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|印发日期|公开日期|发布于)\s*[:：]?\s*"
                            r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_PIECES = ["发布", "时间", "日期", "发文", "成文", "印发", "公开", "于", "发", "布", "印", ":", "：", " ", "\n",
           "发布时间", "发布日期", "发文日期", "成文日期", "印发日期", "公开日期", "发布于",
           "2024-03-05", "2023年12月31日", "2024 / 1 / 2", "2024.13.01", "2024", "-", "年", "1"]


def test_labelled_date_is_the_first_of_all_labels() -> None:
    rnd = random.Random(3)
    found = 0
    for _ in range(20000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 20)))
        m = _BY_DEFINITION.search(text)
        when = m and dates._make(*m.groups())
        assert dates.labelled_date(text) == ((when, (m.start(1), m.end(3))) if when else None)
        found += bool(when)
    assert found > 200  # the pieces make dated labels often enough to compare

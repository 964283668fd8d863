"""The T07/T08 scans that try their pattern only where it can start, against the regex's own
``finditer`` on random texts made of the characters the patterns turn on."""
import random

from core.checks.content import ACTING, RESIDUE, RESIDUE_STARTS, _acting
from core.extraction.literal_scan import matches_at

RESIDUE_PIECES = ["X", "XX", "ＸＸ", "x", "xx", "××", "╳╳", "a", "Z", "【", "】", " ", "（单位名称）", "(单位名称)", "Y",
                  "YYYY", "年", "年政府信息公开工作年度报告", "政府", "2024", "本"]
ACTING_PIECES = ["镇", "乡", "人民政府", "政府", "党委", "人民", "某", "安", "长", "街道", "。", "a", "1"]


def _texts(pieces: list[str], count: int = 3000):
    rng = random.Random(17)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))


def test_residue_is_finditer():
    for text in _texts(RESIDUE_PIECES):
        assert [m.span() for m in matches_at(RESIDUE, RESIDUE_STARTS, text)] == [m.span() for m in RESIDUE.finditer(text)], text


def test_acting_is_finditer():
    for text in _texts(ACTING_PIECES):
        assert [(m.span(), m.group(1)) for m in _acting(text)] == \
            [(m.span(), m.group(1)) for m in ACTING.finditer(text)], text

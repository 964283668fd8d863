"""Numbers as reports write them: 52, ５２, 1,234, 三, 两, 十二, 二十三, 一百零五, 零."""
from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_DIGITS = "零〇一二两三四五六七八九十百千万"  # the characters of a number in Chinese numerals
CN_NUMBER = f"[{CN_DIGITS}]+"
NUMBER = rf"(?:\d[\d,，]*|{CN_NUMBER})"
APPROXIMATE = re.compile(r"(余|约|近|多|左右|上下|超过|逾)")


def cn_to_int(text: str) -> int | None:
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text)) if len(text) > 1 else DIGITS[text]
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            section += (digit or 1) * UNITS[ch]
            digit = 0
    return total + section + digit


def to_int(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"\d[\d,，]*", text):
        return int(re.sub(r"[,，]", "", text))
    return cn_to_int(text)

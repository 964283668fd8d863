"""The tokenizer's shortcuts against the plain definitions they replace, on random table text."""
from __future__ import annotations

import random
import re
from dataclasses import fields

from core.extraction import stream


def _blank_fields_by_definition(text: str, gap: str, at: int, line: int, start: int) -> list[tuple[int, int]]:
    """Every separator of the gap but the first closes a field holding no token: a blank cell when the
    field is spaces with no line break (or nothing, between tabs) or when the separator is alone on its
    line; never a field holding a mask."""
    fields = []
    parts = stream._SEPARATORS.split(gap)
    at += len(parts[0]) + 1
    line += parts[0].count("\n")
    for i in range(3, len(parts), 2):
        field, sep = parts[i - 1], parts[i]
        at += len(field)
        breaks = field.count("\n")
        if stream._MASK not in field and ((not breaks and (field or sep == "\t"))
                                          or stream._pipe_only_line(text, at)):
            fields.append((start + at, line + breaks))
        line += breaks
        at += 1
    return fields


def test_blank_fields_of_a_gap_are_those_by_definition() -> None:
    rnd = random.Random(17)
    pieces = ["1", "23", "ab", "第", " ", " ", "\t", "|", "|", "\n", "\n", stream._MASK]
    checked = 0
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 24)))
        pos = 0
        line = 0
        for gap, num, unit, _after, word in stream._ATOM.findall(text):
            size, breaks, fields = stream._gap_info(gap)
            assert (size, breaks) == (len(gap), gap.count("\n"))
            if num or word:
                assert stream._blank_fields(text, fields, pos, line, 5) == \
                    _blank_fields_by_definition(text, gap, pos, line, 5), (text, pos)
                checked += bool(fields)
            line += breaks
            pos += size + len(num) + len(unit) + len(word)
    assert checked > 5000


def test_tokens_made_without_init_are_those_init_makes() -> None:
    """tokenize sets a token's fields itself instead of calling ``Token.__init__``: it must set all of
    them (a field added to Token must be set there too), as the init would."""
    assert [f.name for f in fields(stream.Token)] == ["kind", "text", "start", "end", "line", "hard", "glue"]
    rnd = random.Random(5)
    pieces = ["12", "3.", "2024年", "第", "规章", "件", "无", " ", "\t", "|", "\n", "-"]
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 20)))
        for t in stream.tokenize(text, 0, len(text)):
            assert t == stream.Token(t.kind, t.text, t.start, t.end, t.line, t.hard, t.glue)


def test_letters_spelt_in_any_case_are_those_re_i_matches() -> None:
    """The column names of _LAYOUT_FIELD are spelt with a set for each letter instead of re.I: no
    character but the letter's two ASCII cases matches it case-insensitively."""
    letters = "".join(sorted(set("colunnamednanone")))
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert sorted(re.findall(f"[{letters}]", every, re.I)) == sorted(letters + letters.upper())
    assert re.fullmatch(stream._any_case("unnamed:"), "UnNamed:")

"""The row reader chooses its labels once per distinct label text (``rows._plan``, cached): a table
read with a plan made for another table of the same label text must read as if its plan were made for
it, whatever its values. Checked on the tables of the samples, with and without line breaks, and on
random variants of them (tokens dropped, doubled, values changed), each read with an empty cache and
again with the cache the other variants filled."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

import core.extraction.tables as tables
from core.api import analyze_text
from core.extraction import rows
from core.extraction.rows import _literal, _patterns, read_rows, sre_parser
from core.extraction.stream import Tok, Token
from core.template import TABLES
from tests.engine.test_samples import sample_path


def _table_tokens(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[Token]]]:
    """(table, tokens) of every table of the samples, as the table builder hands them to the reader."""
    seen: list[tuple[str, list[Token]]] = []

    def spy(spec, tokens):
        seen.append((spec.id, list(tokens)))
        return read_rows(spec, tokens)

    monkeypatch.setattr(tables, "read_rows", spy)
    for prefix in ("000", "001", "002", "003", "004"):
        text = sample_path(prefix).read_text(encoding="utf-8")
        analyze_text(text)
        analyze_text(text.replace("\n", ""))
    assert seen
    return seen


def _variant(tokens: list[Token], rng: random.Random) -> list[Token]:
    """The tokens with a few dropped or doubled, and values changed (the label text mostly stays)."""
    out = []
    for t in tokens:
        roll = rng.random()
        if roll < 0.03:
            continue
        if t.kind is Tok.VALUE and roll < 0.5:
            t = replace(t, text=str(rng.randrange(1000)))
        out.append(t)
        if roll > 0.98:
            out.append(t)
    return out


def _read(table: str, tokens: list[Token]) -> list:
    return [(r.key, r.label, r.label_span, [(t.kind, t.text, t.start, t.end) for t in r.items], r.is_group, r.fuzzy)
            for r in read_rows(TABLES[table], [replace(t) for t in tokens])]


def test_a_plan_serves_every_table_of_its_label_text(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(17)
    cases = [(table, v) for table, tokens in _table_tokens(monkeypatch)
             for v in [tokens] + [_variant(tokens, rng) for _ in range(15)]]
    fresh = []
    for table, tokens in cases:
        rows._plan.cache_clear()
        fresh.append(_read(table, tokens))
    rows._plan.cache_clear()
    for _ in range(2):  # the first pass fills the cache, the second only hits it
        assert [_read(table, tokens) for table, tokens in cases] == fresh


def test_every_row_pattern_matches_a_character() -> None:
    # the plan finds a label's tokens by the positions of its first and last character
    for table in TABLES:
        for _, _, *groups in _patterns(table):
            for group in groups:
                for pattern, _ in group:
                    assert sre_parser.parse(pattern.pattern).getwidth()[0] > 0, pattern.pattern


def _finds(literal: str, text: str) -> list[tuple[int, int]]:
    """The occurrences ``_candidates`` takes of a plain-text pattern."""
    out, at = [], text.find(literal)
    while at >= 0:
        out.append((at, at + len(literal)))
        at = text.find(literal, at + len(literal))
    return out


def test_a_plain_text_pattern_matches_where_its_text_is_found() -> None:
    rng = random.Random(5)
    literals = 0
    for table in TABLES:
        for _, _, *groups in _patterns(table):
            for pattern, _ in (p for group in groups for p in group):
                literal = _literal(pattern.pattern)
                if not literal:
                    continue
                literals += 1
                pieces = [literal, literal[1:], literal[:-1], *literal, "\0", "行政"]
                for _ in range(200):  # texts of it, its parts and characters: repeats that overlap
                    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
                    assert _finds(literal, text) == [m.span() for m in pattern.finditer(text)], (pattern.pattern, text)
    assert literals > 40

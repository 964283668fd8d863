"""Regular-expression matches looked for only where a literal occurs. The regex engine skips ahead by
itself only to a pattern's plain opening characters; a pattern that opens with a look-behind, or with
alternatives, is tried at every character (some 60 instructions each). ``str.find`` finds the few
places a literal occurs many times faster, and the pattern is tried there alone."""
from __future__ import annotations

import re
from collections.abc import Iterator


def occurrences(text: str, literal: str) -> Iterator[int]:
    """Every place ``literal`` (not empty) starts in ``text``, in order, overlapping ones too ("XXX"
    holds "XX" twice). Its first character is looked for, and the rest tested where it occurs:
    ``str.find`` of one character is many times faster than of a few."""
    first = literal[0]
    at = text.find(first)
    while at >= 0:
        if text.startswith(literal, at):
            yield at
        at = text.find(first, at + 1)


def matches_at(pattern: re.Pattern[str], openings: tuple[str, ...], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which starts with one of ``openings``
    (none empty). The first place at or past the end of the last match where the pattern matches is
    one of theirs, so trying only those finds what ``finditer`` finds, and the same match (a
    look-behind still sees the text before the place tried)."""
    end = 0
    for at in sorted({at for opening in openings for at in occurrences(text, opening)}):
        if at >= end and (m := pattern.match(text, at)):
            yield m
            end = m.end()

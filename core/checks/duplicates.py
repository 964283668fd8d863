"""X08 — the same report more than once in one batch (the same file copied, or saved again in another
encoding): one note on each copy naming the others, so an auditor knows the batch's counts would
otherwise include it twice; 汇总 counts each report once (``first_copies``).

Two files are the same report when their decoded texts are identical (same bytes give the same text;
a re-encoded copy too), which also means the same agency and year."""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.checks import cross_check
from core.messages import msg
from core.model import Finding

if TYPE_CHECKING:
    from core.checks.cross_state import ReportState

NAMED = 3  # other files named in the message; the count says how many there are in all


def duplicate_groups(hashes: Sequence[Hashable]) -> list[list[int]]:
    """Indices of reports with identical text (equal digests of it: ``core.model.text_hash``, a
    state's ``text_hash``), groups of two or more, in first-seen order."""
    groups: dict[Hashable, list[int]] = {}
    for i, h in enumerate(hashes):
        groups.setdefault(h, []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def first_copies(hashes: Sequence[Hashable]) -> dict[int, int]:
    """For each later copy, the index of the first report with the same text."""
    return {i: g[0] for g in duplicate_groups(hashes) for i in g[1:]}


def _names(paths: list[str]) -> list[str]:
    """File names, or whole paths where two copies share a name."""
    names = [Path(p).name for p in paths]
    counts = Counter(names)  # a group can be thousands of copies: no count over the group for each name
    return [p if counts[n] > 1 else n for p, n in zip(paths, names)]


@cross_check
def duplicate_files(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    for group in duplicate_groups([s.text_hash for s in states]):
        names = dict(zip(group, _names([states[i].path for i in group])))
        more = msg("X08.more") if len(group) - 1 > NAMED else None
        for i in group:
            named = tuple([names[j] for j in group[:NAMED + 1] if j != i][:NAMED])  # the first others
            yield i, [states[i].finding("X08", msg("X08", count=len(group) - 1, files=named, more=more),
                                        subject="X08")]

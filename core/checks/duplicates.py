"""X08 — the same report more than once in one batch (the same file copied, or saved again in another
encoding): one note on each copy naming the others, so an auditor knows the batch's counts would
otherwise include it twice; 汇总 counts each report once (``first_copies``).

Two files are the same report when their decoded texts are identical (same bytes give the same text;
a re-encoded copy too), which also means the same agency and year."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from core.checks import cross_check
from core.checks.context import CheckContext
from core.messages import msg
from core.model import Finding, Report, text_hash

NAMED = 3  # other files named in the message; the count says how many there are in all


def duplicate_groups(reports: Sequence[Report]) -> list[list[int]]:
    """Indices of reports with identical text, groups of two or more, in first-seen order."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(reports):
        groups.setdefault(text_hash(r.source.text), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def first_copies(reports: Sequence[Report]) -> dict[int, int]:
    """For each later copy, the index of the first report with the same text."""
    return {i: g[0] for g in duplicate_groups(reports) for i in g[1:]}


def _names(paths: list[str]) -> list[str]:
    """File names, or whole paths where two copies share a name."""
    names = [Path(p).name for p in paths]
    return [p if names.count(n) > 1 else n for p, n in zip(paths, names)]


@cross_check
def duplicate_files(contexts: Sequence[CheckContext]) -> Mapping[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for group in duplicate_groups([c.report for c in contexts]):
        names = dict(zip(group, _names([contexts[i].report.source.path for i in group])))
        for i in group:
            others = [names[j] for j in group if j != i]
            more = msg("X08.more") if len(others) > NAMED else None
            out[i] = [contexts[i].finding("X08", msg("X08", count=len(others), files=tuple(others[:NAMED]), more=more),
                                          subject="X08")]
    return out

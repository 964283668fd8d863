"""D04, D05 — what the evidence of publication shows: a report changed at its address after it was
published, and one report published in different versions on different platforms (sites). Both read
the evidence a report loaded from an evidence folder carries (``core.collect.evidence``); a report
without evidence is not assessed."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, groupby
from typing import TYPE_CHECKING

from core.checks import cross_check
from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.extraction.agency import agency_key
from core.messages import Joined, msg
from core.model import Finding, Number
from core.template import all_cells

if TYPE_CHECKING:
    from core.checks.cross_state import ReportState

HASH_SHOWN = 16


@check
def changed_after_publication(ctx: CheckContext):
    """Every version seen at this address, each with the time it was first downloaded (the first is
    what was published, the later ones are changes), and a later download that found it removed."""
    ev = ctx.report.evidence
    if ev is None or ev.record.content is None:
        return
    versions, removed = ev.versions, ev.removed
    if len(versions) < 2 and removed is None:
        return
    parts = []
    if len(versions) > 1:
        listed = Joined(tuple(msg("D04.version", time=d.time, sha=d.sha256[:HASH_SHOWN],
                                  this=msg("D04.this") if content == ev.record.content else None)
                              for content, d in versions.items()), "；", "; ")
        parts.append(msg("D04.versions", count=len(versions), listed=listed))
    if removed is not None:
        parts.append(msg("D04.removed", time=removed.time, status=removed.status))
    yield ctx.finding("D04", msg("D04", url=ev.record.url, changes=Joined(tuple(parts), "；", "; ")), subject="D04")


@dataclass(frozen=True)
class Published:
    """What D05 keeps of a report from an evidence folder: where it was published, and its numbers
    (every cell of each table found, corrections applied; None where a cell is not a number)."""

    platform: str
    url: str
    time: str
    numbers: tuple[tuple[str, tuple[Number | None, ...]], ...]


def published(ctx: CheckContext) -> Published | None:
    ev = ctx.report.evidence
    if ev is None:
        return None
    numbers = tuple((table, tuple(cv.value if (cv := ctx.get(k)).is_number else None for k in all_cells(table)))
                    for table, data in ctx.report.tables.items() if data is not None)
    return Published(ev.record.platform, ev.record.url, ev.record.time, numbers)


def _cells_differing(a: Published, b: Published) -> int:
    theirs = dict(b.numbers)
    return sum(1 for table, mine in a.numbers if table in theirs
               for x, y in zip(mine, theirs[table]) if x is not None and y is not None and x != y)


def _compare(a: ReportState, b: ReportState) -> tuple[bool, float, int]:
    """(same version, share of sentences in common as a percentage, table cells that differ).
    Sentences after the last one the two share are not compared: on a web page that is the site's
    footer (浏览器提示, 版权声明), which the other platform's copy does not have."""
    la, lb = a.narrative.keys(mask_digits=False), b.narrative.keys(mask_digits=False)
    shared = set(la) & set(lb)
    sa, sb = set(_up_to_last(la, shared)), set(_up_to_last(lb, shared))
    cells = _cells_differing(a.published, b.published)
    union = sa | sb
    share = 100.0 * len(sa & sb) / len(union) if union else 100.0
    return sa == sb and cells == 0, share, cells


def _up_to_last(keys: list[str], shared: set[str]) -> list[str]:
    last = max((i for i, k in enumerate(keys) if k in shared), default=len(keys) - 1)
    return keys[:last + 1]


@cross_check
def versions_on_platforms(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    """Same agency and year, downloaded from two sites, different text or numbers. One finding per
    report and other site, naming that site's closest copy; a site that has an identical copy
    (a page and its PDF attachment, say) raises nothing."""
    groups: dict[tuple[str, int], list[int]] = {}
    for i, s in enumerate(states):
        if s.published is not None and s.year is not None and agency_key(s.agency):
            groups.setdefault((agency_key(s.agency), s.year), []).append(i)
    closest: dict[tuple[int, str], tuple[bool, float, int, int]] = {}
    for members in groups.values():
        for i, j in combinations(members, 2):
            pi, pj = states[i].published.platform, states[j].published.platform
            if pi == pj:
                continue
            same, share, cells = _compare(states[i], states[j])
            for me, other, site in ((i, j, pj), (j, i, pi)):
                best = closest.get((me, site))
                if best is None or (same, share, -cells) > (best[0], best[1], -best[2]):
                    closest[(me, site)] = (same, share, cells, other)
    for me, sites in groupby(sorted(closest.items()), key=lambda item: item[0][0]):
        found = []
        for (_, site), (same, share, cells, other) in sites:
            if same:
                continue
            theirs = states[other].published
            numbers = msg("D05.cells", count=cells) if cells else None
            found.append(states[me].finding(
                "D05", msg("D05", site=site, url=theirs.url, time=theirs.time, share=share, numbers=numbers),
                subject=f"D05:{site}"))
        yield me, found

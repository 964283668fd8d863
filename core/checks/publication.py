"""D04, D05 — what the evidence of publication shows: a report changed at its address after it was
published, and one report published in different versions on different platforms (sites). Both read
the evidence a report loaded from an evidence folder carries (``core.collect.evidence``); a report
without evidence is not assessed."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from core.checks import cross_check
from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.checks.cross import NARRATIVE_PARTS
from core.checks.sentences import report_sentences
from core.extraction.agency import agency_key
from core.messages import Joined, msg
from core.model import Finding

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


def _cells_differing(a: CheckContext, b: CheckContext) -> int:
    n = 0
    for table, data in a.report.tables.items():
        if data is None or b.report.tables.get(table) is None:
            continue
        for key in data.cells:
            x, y = a.get(key), b.get(key)
            if x.is_number and y.is_number and x.value != y.value:
                n += 1
    return n


def _compare(a: CheckContext, b: CheckContext) -> tuple[bool, float, int]:
    """(same version, share of sentences in common as a percentage, table cells that differ).
    Sentences after the last one the two share are not compared: on a web page that is the site's
    footer (浏览器提示, 版权声明), which the other platform's copy does not have."""
    la = [s.key for s in report_sentences(a.report, NARRATIVE_PARTS, mask_digits=False)]
    lb = [s.key for s in report_sentences(b.report, NARRATIVE_PARTS, mask_digits=False)]
    shared = set(la) & set(lb)
    sa, sb = set(_up_to_last(la, shared)), set(_up_to_last(lb, shared))
    cells = _cells_differing(a, b)
    union = sa | sb
    share = 100.0 * len(sa & sb) / len(union) if union else 100.0
    return sa == sb and cells == 0, share, cells


def _up_to_last(keys: list[str], shared: set[str]) -> list[str]:
    last = max((i for i, k in enumerate(keys) if k in shared), default=len(keys) - 1)
    return keys[:last + 1]


@cross_check
def versions_on_platforms(contexts: Sequence[CheckContext]) -> Mapping[int, list[Finding]]:
    """Same agency and year, downloaded from two sites, different text or numbers. One finding per
    report and other site, naming that site's closest copy; a site that has an identical copy
    (a page and its PDF attachment, say) raises nothing."""
    groups: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(contexts):
        r = c.report
        if r.evidence is not None and r.year is not None and agency_key(r.agency):
            groups.setdefault((agency_key(r.agency), r.year), []).append(i)
    closest: dict[tuple[int, str], tuple[bool, float, int, int]] = {}
    for members in groups.values():
        for i, j in combinations(members, 2):
            pi, pj = (contexts[k].report.evidence.record.platform for k in (i, j))
            if pi == pj:
                continue
            same, share, cells = _compare(contexts[i], contexts[j])
            for me, other, site in ((i, j, pj), (j, i, pi)):
                best = closest.get((me, site))
                if best is None or (same, share, -cells) > (best[0], best[1], -best[2]):
                    closest[(me, site)] = (same, share, cells, other)
    out: dict[int, list[Finding]] = {}
    for (me, site), (same, share, cells, other) in sorted(closest.items()):
        if same:
            continue
        theirs = contexts[other].report.evidence.record
        numbers = msg("D05.cells", count=cells) if cells else None
        out.setdefault(me, []).append(contexts[me].finding(
            "D05", msg("D05", site=site, url=theirs.url, time=theirs.time, share=share, numbers=numbers),
            subject=f"D05:{site}"))
    return out

"""X — checks that need more than one report: year over year for one agency (carry-over, documents
in force, sudden jumps, copied text) and near-identical text across agencies (内容雷同)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.checks import cross_check
from core.checks.context import CheckContext
from core.checks.similarity import (
    MEASURE,
    SHINGLE,
    THRESHOLD,
    jaccard,
    shingles,
    similar_pairs,
)
from core.equations import Term, year_equations, year_side
from core.extraction.agency import same_agency
from core.messages import Bi, Message, label, msg
from core.model import Finding, Severity
from core.template import APPLICANT_COLUMNS, CellKey

B = "applications"
KEY_TOTALS = ((CellKey(B, "本年新收", 6), Bi("本年新收申请", "New applications")),
              (CellKey("active", "行政许可", 0), label("行政许可")), (CellKey("active", "行政处罚", 0), label("行政处罚")),
              (CellKey("review_litigation", "", 4), label("行政复议")))
SIMILARITY = Bi(MEASURE, f"character {SHINGLE}-gram Jaccard similarity")
NARRATIVE_PARTS = (1, 5, 6)


def _name(ctx: CheckContext) -> Message:
    r = ctx.report
    who = r.agency or r.source.path
    return msg("X.name", agency=who, year=r.year) if r.year else msg("X.name_no_year", agency=who)


def _part_text(ctx: CheckContext, numbers: Sequence[int]) -> str:
    text = ctx.report.source.text
    return "\n".join(text[slice(*ctx.report.sections[n].body_span)] for n in numbers if n in ctx.report.sections)


def _pairs(contexts: Sequence[CheckContext]):
    """(previous year, this year, identity certain) for reports of one agency in consecutive years."""
    by_year: dict[int, list[int]] = {}
    for j, c in enumerate(contexts):
        if c.report.year is not None:
            by_year.setdefault(c.report.year, []).append(j)
    for i, later in enumerate(contexts):
        if later.report.year is None:
            continue
        for j in by_year.get(later.report.year - 1, ()):
            earlier = contexts[j]
            same, certain = same_agency(later.report.agency, earlier.report.agency)
            if same:
                yield j, i, certain


def _number(ctx: CheckContext, key: CellKey):
    v = ctx.get(key)
    return v.value if v.is_number else None


@cross_check
def year_over_year(contexts: Sequence[CheckContext]) -> Mapping[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for j, i, certain in _pairs(contexts):
        prev, cur = contexts[j], contexts[i]
        found = out.setdefault(i, [])
        doubt = None if certain else msg("X01.doubt")
        for eq in year_equations().values():
            lhs, rhs = year_side(eq.lhs, cur.get, prev.get), year_side(eq.rhs, cur.get, prev.get)
            if lhs is None or rhs is None or lhs == rhs:
                continue
            key = eq.lhs[0].key
            if eq.rule == "X01":
                found.append(cur.finding(
                    "X01", msg("X01", column=label(APPLICANT_COLUMNS[key.col]), carried=lhs, previous=_name(prev),
                               forwarded=rhs, doubt=doubt),
                    (key,), subject=eq.subject, lhs=lhs, rhs=rhs, severity=Severity.ERROR if certain else Severity.WARNING))
            else:
                before, issued, repealed = (year_side((Term(t.key, 1, t.previous),), cur.get, prev.get) for t in eq.rhs)
                found.append(cur.finding(
                    "X02", msg("X02", row=label(key.row), valid=lhs, before=before, issued=issued, repealed=repealed,
                               expected=rhs),
                    (key,), subject=eq.subject, lhs=lhs, rhs=rhs))
        for key, what in KEY_TOTALS:
            now, then = _number(cur, key), _number(prev, key)
            if now is None or then is None:
                continue
            small, big = sorted((now, then))
            if (small > 0 and big > 5 * small and big >= 10) or (small == 0 and big >= 20):
                found.append(cur.finding("X03", msg("X03", what=what, then=then, now=now), (key,),
                                         subject=f"X03:{what.zh}", lhs=now, rhs=then))
        prose_now, prose_then = _part_text(cur, NARRATIVE_PARTS), _part_text(prev, NARRATIVE_PARTS)
        sim = jaccard(shingles(prose_now), shingles(prose_then))
        if sim >= THRESHOLD:
            found.append(cur.finding("X04", msg("X04", previous=_name(prev), measure=SIMILARITY, similarity=sim,
                                                threshold=THRESHOLD),
                                     subject="X04"))
        problems = jaccard(shingles(_part_text(cur, (5,))), shingles(_part_text(prev, (5,))))
        if problems >= THRESHOLD:
            found.append(cur.finding("X06", msg("X06", measure=SIMILARITY, similarity=problems),
                                     subject="X06"))
    return out


@cross_check
def copied_across_agencies(contexts: Sequence[CheckContext]) -> Mapping[int, list[Finding]]:
    """One finding per report naming the closest copies and how many there are: a template copied by
    a whole county should read as one warning per report, not hundreds."""
    matches: dict[int, list[tuple[float, int]]] = {}
    texts = [_part_text(c, NARRATIVE_PARTS) for c in contexts]
    for i, j, sim in similar_pairs(texts):
        if same_agency(contexts[i].report.agency, contexts[j].report.agency)[0]:
            continue  # the same agency's own reports are X04's business
        matches.setdefault(i, []).append((sim, j))
        matches.setdefault(j, []).append((sim, i))
    out: dict[int, list[Finding]] = {}
    for me, found in matches.items():
        found.sort(key=lambda m: (-m[0], m[1]))
        closest = tuple(msg("X05.match", name=_name(contexts[j]), similarity=sim) for sim, j in found[:3])
        more = msg("X05.more", count=len(found)) if len(found) > 3 else None
        out[me] = [contexts[me].finding(
            "X05", msg("X05", closest=closest, more=more, measure=SIMILARITY, threshold=THRESHOLD),
            subject="X05")]
    return out

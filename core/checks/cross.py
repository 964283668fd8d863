"""X — checks that need more than one report: year over year for one agency (carry-over, documents
in force, sudden jumps, copied text) and near-identical text across agencies (内容雷同)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.checks import cross_check
from core.checks.context import CheckContext
from core.checks.similarity import MEASURE, THRESHOLD, jaccard, shingles, similar_pairs
from core.extraction.agency import same_agency
from core.model import Finding, Severity
from core.template import APPLICANT_COLUMNS, CellKey

B = "applications"
KEY_TOTALS = ((CellKey(B, "本年新收", 6), "本年新收申请"), (CellKey("active", "行政许可", 0), "行政许可"),
              (CellKey("active", "行政处罚", 0), "行政处罚"), (CellKey("review_litigation", "", 4), "行政复议"))
NARRATIVE_PARTS = (1, 5, 6)


def _name(ctx: CheckContext) -> str:
    r = ctx.report
    return f"{r.agency or r.source.path} {r.year or ''}年度报告".strip()


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
        doubt = "" if certain else "（机关名称不完全一致，请确认是同一机关）"
        for c, column in enumerate(APPLICANT_COLUMNS):
            carried, forwarded = _number(cur, CellKey(B, "上年结转", c)), _number(prev, CellKey(B, "结转下年度", c))
            if carried is not None and forwarded is not None and carried != forwarded:
                found.append(cur.finding(
                    "X01", f"{column}列：本年“上年结转”为 {carried}，但{_name(prev)}“结转下年度继续办理”为 {forwarded}{doubt}",
                    (CellKey(B, "上年结转", c),), subject=f"X01:{c}", lhs=carried, rhs=forwarded,
                    severity=Severity.ERROR if certain else Severity.WARNING))
        for row in ("规章", "行政规范性文件"):
            valid, issued, repealed = (_number(cur, CellKey("active", row, k)) for k in (2, 0, 1))
            before = _number(prev, CellKey("active", row, 2))
            if None in (valid, issued, repealed, before):
                continue
            expected = before + issued - repealed
            if valid != expected:
                found.append(cur.finding(
                    "X02", f"{row}：现行有效 {valid} 件，但上年现行有效 {before} + 本年制发 {issued} − 本年废止 {repealed} = {expected}",
                    (CellKey("active", row, 2),), subject=f"X02:{row}", lhs=valid, rhs=expected))
        for key, label in KEY_TOTALS:
            now, then = _number(cur, key), _number(prev, key)
            if now is None or then is None:
                continue
            small, big = sorted((now, then))
            if (small > 0 and big > 5 * small and big >= 10) or (small == 0 and big >= 20):
                found.append(cur.finding("X03", f"{label}由上年的 {then} 变为 {now}，变化超过 5 倍，请核实", (key,),
                                         subject=f"X03:{label}", lhs=now, rhs=then))
        prose_now, prose_then = _part_text(cur, NARRATIVE_PARTS), _part_text(prev, NARRATIVE_PARTS)
        sim = jaccard(shingles(prose_now), shingles(prose_then))
        if sim >= THRESHOLD:
            found.append(cur.finding("X04", f"正文与{_name(prev)}高度雷同（{MEASURE} {sim:.2f} ≥ {THRESHOLD}），疑为沿用上年文字",
                                     subject="X04"))
        problems = jaccard(shingles(_part_text(cur, (5,))), shingles(_part_text(prev, (5,))))
        if problems >= THRESHOLD:
            found.append(cur.finding("X06", f"第五部分与上年基本相同（{MEASURE} {problems:.2f}），存在的问题照搬上年",
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
        closest = "、".join(f"{_name(contexts[j])}（{sim:.2f}）" for sim, j in found[:3])
        more = f"等 {len(found)} 份报告" if len(found) > 3 else ""
        out[me] = [contexts[me].finding(
            "X05", f"正文与其他机关的报告高度雷同：{closest}{more}（{MEASURE} ≥ {THRESHOLD}），疑为内容雷同",
            subject="X05")]
    return out

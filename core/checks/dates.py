"""D — dates: the title year, the statistics period and the year the overview speaks of agree."""
from __future__ import annotations

import re
from datetime import date

from core.checks.catalogue import check
from core.checks.content import agency_level_of
from core.checks.context import CheckContext
from core.extraction.narrative.dates import publication_date
from core.extraction.normalize import fold
from core.messages import msg

_YEAR = re.compile(r"(20\d{2})年")  # compiled once, not looked up in the re module's cache at every call


@check
def report_year(ctx: CheckContext):
    r = ctx.report
    if r.year is None:
        return
    if r.period_year is not None and r.period_year != r.year:
        yield ctx.finding("D01", msg("D01.period", year=r.year, period=r.period_year),
                          spans=tuple(s for s in (r.year_span, r.period_span) if s), subject="D01:period")
    overview = r.sections.get(1)
    if overview is None:
        return
    s, e = overview.body_span
    # a slice of the folded report, which is cached (fold maps each character to one character, so
    # slicing and folding commute), not the fold of a new slice
    text = fold(r.source.text)[s:min(e, s + 1500)]
    years = [int(y) for y in _YEAR.findall(text)]
    if years and r.year not in years and (r.year - 1) not in years:
        first = _YEAR.search(text)
        yield ctx.finding("D01", msg("D01.overview", year=r.year, years=tuple(sorted(set(years)))),
                          spans=tuple(x for x in (r.year_span, (s + first.start(), s + first.start() + 4)) if x),
                          subject="D01:overview")


def deadline(year: int, agency: str | None) -> date:
    """A government's compiled report is due by 31 March, everyone else's by 31 January, of Y+1."""
    return date(year + 1, 3, 31) if agency_level_of(agency) == "government" else date(year + 1, 1, 31)


def _stated_on_page(ctx: CheckContext) -> date | None:
    """The date the web page it was downloaded from says it was published (an attachment takes the
    date of the page that linked it)."""
    ev = ctx.report.evidence
    if ev is None or not ev.record.published:
        return None
    try:
        return date.fromisoformat(ev.record.published)
    except ValueError:
        return None


@check
def publication(ctx: CheckContext, today: date | None = None):
    r = ctx.report
    if r.year is None:
        return
    found = publication_date(r.source.text)
    stated = _stated_on_page(ctx)
    today = today or date.today()
    due = deadline(r.year, r.agency)
    if found is not None:
        when, span = found
        if when <= date(r.year, 12, 31):
            yield ctx.finding("D03", msg("D03.early", date=when.isoformat(), year=r.year), spans=(span,),
                              subject="D03:early")
        elif when > today:
            yield ctx.finding("D03", msg("D03.future", date=when.isoformat()), spans=(span,), subject="D03:future")
        elif stated is None and when > due:
            yield ctx.finding("D02", msg("D02", date=when.isoformat(), due=due.isoformat()), spans=(span,),
                              subject="D02")
    if stated is not None and stated > due:
        spans = (found[1],) if found is not None and found[0] == stated else ()
        yield ctx.finding("D02", msg("D02.page", date=stated.isoformat(), due=due.isoformat(),
                                     source=r.evidence.record.referrer or r.evidence.record.url),
                          spans=spans, subject="D02")

"""X — checks that need more than one report: year over year for one agency (carry-over, documents
in force, sudden jumps, copied text) and near-identical text across agencies (内容雷同).

They read ``ReportState``s, never reports, so a batch of any size keeps only that state. Reports of one
agency are found through an index of agency keys, so year over year costs one look-up per report."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from core.checks import cross_check
from core.checks.cross_state import KEY_TOTALS, ReportState
from core.checks.similarity import MEASURE, SHINGLE, THRESHOLD, NearCopies, jaccard
from core.equations import Term, year_equations, year_side
from core.extraction.agency import agency_key
from core.messages import Bi, label, msg
from core.model import Finding, Severity
from core.template import APPLICANT_COLUMNS

_MIN_SUFFIX = 3  # same_agency: one key ending the other counts only when both have three characters
SIMILARITY = Bi(MEASURE, f"character {SHINGLE}-gram Jaccard similarity")
_COLUMNS = tuple(map(label, APPLICANT_COLUMNS))  # X01's column names, made once


class AgencyIndex:
    """The reports of each agency, with ``same_agency``'s rule (equal keys are certain, one key ending
    the other is probable) answered by dictionary look-ups instead of comparing every pair."""

    def __init__(self, states: Sequence[ReportState]) -> None:
        self.keys = [agency_key(s.agency) for s in states]
        self.years = [s.year for s in states]
        self._by_key: dict[str, list[int]] = {}
        self._by_key_year: dict[tuple[str, int], list[int]] = {}
        for i, key in enumerate(self.keys):
            if key:
                self._by_key.setdefault(key, []).append(i)
                if self.years[i] is not None:
                    self._by_key_year.setdefault((key, self.years[i]), []).append(i)
        self._ending: dict[str, list[str]] = {}  # suffix → the longer keys that end with it
        for key in self._by_key:
            for cut in range(1, len(key) - _MIN_SUFFIX + 1):
                self._ending.setdefault(key[cut:], []).append(key)

    def related(self, key: str) -> Iterator[tuple[str, bool]]:
        """(key, certain) of every agency ``same_agency`` would match with ``key``."""
        if not key:
            return
        if key in self._by_key:
            yield key, True
        if len(key) < _MIN_SUFFIX:
            return
        yield from ((longer, False) for longer in self._ending.get(key, ()))
        for cut in range(1, len(key) - _MIN_SUFFIX + 1):
            if key[cut:] in self._by_key:
                yield key[cut:], False

    def same(self, i: int) -> list[int]:
        """Other reports of report ``i``'s agency (any year), ascending."""
        return sorted(j for key, _ in self.related(self.keys[i]) for j in self._by_key[key] if j != i)

    def previous_years(self) -> Iterator[tuple[int, int, bool]]:
        """(previous year, this year, identity certain) for reports of one agency in consecutive years."""
        for i, year in enumerate(self.years):
            if year is None:
                continue
            found = [(j, certain) for key, certain in self.related(self.keys[i])
                     for j in self._by_key_year.get((key, year - 1), ())]
            for j, certain in sorted(found):
                yield j, i, certain


@cross_check
def year_over_year(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    """Each report's findings once all its previous years are compared (they come one after another)."""
    pairs = AgencyIndex(states).previous_years()
    for i, group in groupby(pairs, key=lambda pair: pair[1]):
        found: list[Finding] = []
        for j, _, certain in group:
            found += _year_over_year(states[j], states[i], certain)
        yield i, found


def _year_over_year(prev: ReportState, cur: ReportState, certain: bool) -> list[Finding]:
    found: list[Finding] = []
    doubt = None if certain else msg("X01.doubt")
    previous = prev.name  # made once for all the pair's findings that name it
    now_of, then_of = cur.number, prev.number  # bound once, not twice for each side
    for eq in year_equations().values():
        lhs, rhs = year_side(eq.lhs, now_of, then_of), year_side(eq.rhs, now_of, then_of)
        if lhs is None or rhs is None or lhs == rhs:
            continue
        key = eq.lhs[0].key
        if eq.rule == "X01":
            found.append(cur.finding(
                "X01", msg("X01", column=_COLUMNS[key.col], carried=lhs, previous=previous,
                           forwarded=rhs, doubt=doubt),
                (key,), subject=eq.subject, lhs=lhs, rhs=rhs, severity=Severity.ERROR if certain else Severity.WARNING))
        else:
            before, issued, repealed = (year_side((Term(t.key, 1, t.previous),), now_of, then_of) for t in eq.rhs)
            found.append(cur.finding(
                "X02", msg("X02", row=label(key.row), valid=lhs, before=before, issued=issued, repealed=repealed,
                           expected=rhs),
                (key,), subject=eq.subject, lhs=lhs, rhs=rhs))
    for key, what in KEY_TOTALS:
        now, then = now_of(key), then_of(key)
        if now is None or then is None:
            continue
        small, big = sorted((now, then))
        if (small > 0 and big > 5 * small and big >= 10) or (small == 0 and big >= 20):
            found.append(cur.finding("X03", msg("X03", what=what, then=then, now=now), (key,),
                                     subject=f"X03:{what.zh}", lhs=now, rhs=then))
    sim = jaccard(cur.prose.array, prev.prose.array)
    if sim >= THRESHOLD:
        found.append(cur.finding("X04", msg("X04", previous=previous, measure=SIMILARITY, similarity=sim,
                                            threshold=THRESHOLD),
                                 subject="X04"))
    problems = jaccard(cur.problems.array, prev.problems.array)
    if problems >= THRESHOLD:
        found.append(cur.finding("X06", msg("X06", measure=SIMILARITY, similarity=problems), subject="X06"))
    return found


@cross_check
def copied_across_agencies(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    """One finding per report naming the closest copies and how many there are: a template copied by
    a whole county should read as one warning per report, not hundreds. The same agency's own
    reports are X04's business.

    Reports of one agency with one text get one answer, worked out once for them all, so that a
    batch holding one report a thousand times costs a thousand look-ups, not a million."""
    copies = NearCopies([s.prose for s in states])
    agencies = AgencyIndex(states)
    answers: dict[tuple[str | None, int], tuple[int, tuple]] = {}
    for me in copies.reports():
        key = agencies.keys[me]  # a report of no known agency has no own reports: it is answered alone
        group = (key, copies.text_of(me)) if key else (None, me)
        if group not in answers:
            answers[group] = _copies_elsewhere(me, copies, agencies, states)
        count, closest = answers[group]
        if count <= 0:
            continue
        more = msg("X05.more", count=count) if count > 3 else None
        yield me, [states[me].finding(
            "X05", msg("X05", closest=closest, more=more, measure=SIMILARITY, threshold=THRESHOLD), subject="X05")]


def _copies_elsewhere(me: int, copies: NearCopies, agencies: AgencyIndex,
                      states: Sequence[ReportState]) -> tuple[int, tuple]:
    """(how many copies of report ``me`` other agencies' reports are, the closest three as message
    parts). The same for every report of its agency with its text: those are among its own copies."""
    own = [j for j in agencies.same(me) if copies.is_copy(me, j)]
    mine = set(own)
    shown = [(sim, j) for sim, j in copies.closest(me, 3 + len(own)) if j not in mine][:3]
    return (copies.count(me) - len(own),
            tuple(msg("X05.match", name=states[j].name, similarity=sim) for sim, j in shown))

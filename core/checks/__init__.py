"""Stage 3 — checks. Takes a ``Report`` (and hand corrections); gives ``Finding``s. The rule catalogue
(``catalogue``) is the one list of rule ids, severities and descriptions; the cross totals are data
(``core.equations``); each family (S/V/A/B/C/N/T/D/X) is a module that registers its checks.

Run every registered check. Importing the family modules registers them with the catalogue."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from core.checks import content, dates, narrative, structure, tables, values  # noqa: F401  (registration)
from core.checks.catalogue import CHECKS, RULES, Rule
from core.checks.context import CheckContext
from core.model import CellValue, Finding, Report, Severity
from core.streaming import Spill
from core.template import CellKey

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def run_checks(report: Report, overrides: Mapping[CellKey, CellValue] | None = None) -> list[Finding]:
    """All findings for a report, errors first, then by position in the text."""
    return context_findings(CheckContext(report, overrides or {}))


def context_findings(ctx: CheckContext) -> list[Finding]:
    """``run_checks`` on a context the caller keeps: ``check`` builds a report's cross-check state
    from the same one (a context copies every cell of the report)."""
    findings: list[Finding] = []
    for fn in CHECKS:
        findings.extend(fn(ctx))
    findings.sort(key=lambda f: (_ORDER[f.severity], f.spans[0][0] if f.spans else -1, f.rule))
    return findings


# Checks over several reports (X family: year over year, duplicated text; D05). Each takes the states
# of the reports (``cross_state.ReportState``: what a batch keeps of each) and yields (report index,
# findings that sit on that report) as it finds them, so a batch can park them as they come.
CrossCheck = Callable[[Sequence["ReportState"]], Iterable[tuple[int, list[Finding]]]]
CROSS_CHECKS: list[CrossCheck] = []


def cross_check(func: CrossCheck) -> CrossCheck:
    CROSS_CHECKS.append(func)
    return func


def run_cross_checks(items: Sequence[tuple[Report, Mapping[CellKey, CellValue] | None]]) -> list[list[Finding]]:
    """Findings that need more than one report, for reports held in memory (the window); the result
    is aligned with ``items``."""
    return cross_findings([ReportState.of(CheckContext(r, o or {})) for r, o in items])


def each_cross_finding(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    """(report index, findings) from every cross check in turn, as they are found: a batch parks them
    at once, so a whole batch's findings are never in memory together."""
    for fn in CROSS_CHECKS:
        yield from fn(states)


def parked_cross_findings(states: Sequence[ReportState], spill: Spill,
                          encode: Callable[[list[Finding]], Any] = list) -> list[list[tuple[int, int]]]:
    """``cross_findings`` for a batch: each report's findings go to ``spill`` as they are found (as
    ``encode`` makes them: ``check`` parks them rendered), and their places, per report, are what
    stays in memory."""
    out: list[list[tuple[int, int]]] = [[] for _ in states]
    for index, found in each_cross_finding(states):
        if found:
            out[index].append(spill.put(encode(found)))
    return out


def cross_findings(states: Sequence[ReportState]) -> list[list[Finding]]:
    """The cross checks over the states of a batch; the result is aligned with ``states``."""
    out: list[list[Finding]] = [[] for _ in states]
    for index, found in each_cross_finding(states):
        out[index].extend(found)
    return out


from core.checks import cross, duplicates, publication, repeats  # noqa: E402,F401  (register X, D04/D05, X07, X08; need cross_check)
from core.checks.cross_state import ReportState  # noqa: E402

__all__ = ["run_checks", "context_findings", "run_cross_checks", "cross_findings", "each_cross_finding", "parked_cross_findings",
           "cross_check", "RULES", "Rule", "CheckContext", "ReportState"]

"""Stage 3 — checks. Takes a ``Report`` (and hand corrections); gives ``Finding``s. The rule catalogue
(``catalogue``) is the one list of rule ids, severities and descriptions; the cross totals are data
(``core.equations``); each family (S/V/A/B/C/N/T/D/X) is a module that registers its checks.

Run every registered check. Importing the family modules registers them with the catalogue."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from core.checks import content, dates, narrative, structure, tables, values  # noqa: F401  (registration)
from core.checks.catalogue import CHECKS, RULES, Rule
from core.checks.context import CheckContext
from core.model import CellValue, Finding, Report, Severity
from core.template import CellKey

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def run_checks(report: Report, overrides: Mapping[CellKey, CellValue] | None = None) -> list[Finding]:
    """All findings for a report, errors first, then by position in the text."""
    ctx = CheckContext(report, overrides or {})
    findings: list[Finding] = []
    for fn in CHECKS:
        findings.extend(fn(ctx))
    findings.sort(key=lambda f: (_ORDER[f.severity], f.spans[0][0] if f.spans else -1, f.rule))
    return findings


# Checks over several reports (X family: year over year, duplicated text). Each takes the states of
# the reports (``cross_state.ReportState``: what a batch keeps of each) and returns, per report index,
# the findings that sit on that report.
CrossCheck = Callable[[Sequence["ReportState"]], Mapping[int, list[Finding]]]
CROSS_CHECKS: list[CrossCheck] = []


def cross_check(func: CrossCheck) -> CrossCheck:
    CROSS_CHECKS.append(func)
    return func


def run_cross_checks(items: Sequence[tuple[Report, Mapping[CellKey, CellValue] | None]]) -> list[list[Finding]]:
    """Findings that need more than one report, for reports held in memory (the window); the result
    is aligned with ``items``."""
    return cross_findings([ReportState.of(CheckContext(r, o or {})) for r, o in items])


def cross_findings(states: Sequence[ReportState]) -> list[list[Finding]]:
    """The cross checks over the states of a batch; the result is aligned with ``states``."""
    out: list[list[Finding]] = [[] for _ in states]
    for fn in CROSS_CHECKS:
        for index, found in fn(states).items():
            out[index].extend(found)
    return out


from core.checks import cross, duplicates, publication, repeats  # noqa: E402,F401  (register X, D04/D05, X07, X08; need cross_check)
from core.checks.cross_state import ReportState  # noqa: E402

__all__ = ["run_checks", "run_cross_checks", "cross_findings", "cross_check", "RULES", "Rule", "CheckContext",
           "ReportState"]

"""An auditor's review of one report: hand corrections and verdicts on findings, on top of the parse.

The parse is never edited; corrections are an overlay (``overrides``) that the checks read. Every change
is recorded in an append-only trail and can be saved to a sidecar file beside the report, written
atomically, so a crash never loses more than the edit being typed. The GUI's undo commands and the batch
exporter both go through this API.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from core.checks import run_checks, run_cross_checks
from core.extraction.normalize import fold
from core.model import CellKind, CellValue, Finding, Number, Report, text_hash
from core.review.conclusion import (
    PENDING,
    STALE,
    VERDICTS,
    Conclusion,
    automatic,
    is_open,
    reviewed,
)
from core.template import TABLES, CellKey, cell_label

SIDECAR_SUFFIX = ".review.json"
SIDECAR_VERSION = 2  # 2: verdicts and the 复核 sign-off are in the trail
VERDICT_PREFIX = "verdict:"  # trail entries about a finding's verdict: "verdict:<finding key>"
SIGN_OFF = "signoff"         # the trail entry of a 复核 sign-off


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Correction:
    """One hand correction: what was printed, what the auditor says it should be, when and why."""

    cell: str
    parsed: str | None
    value: str
    time: str
    reason: str = ""
    reviewer: str = ""


@dataclass
class VerdictEntry:
    finding: str
    verdict: str
    comment: str
    time: str
    reviewer: str = ""
    message: str = ""  # what the finding said when the verdict was given ("" in sidecars from before)


@dataclass
class SignOff:
    """The second reviewer's (复核人) sign-off on the preparer's work: who, when, and their opinion."""

    reviewer: str
    time: str
    opinion: str = ""


@dataclass
class TrailEvent:
    """Append-only audit trail entry; ``value`` None means the correction was withdrawn."""

    cell: str
    before: str | None
    value: str | None
    time: str
    reason: str = ""
    reviewer: str = ""


def parse_input(key: CellKey, text: str) -> CellValue:
    """Validate what the auditor typed. Raises ValueError with a message fit to show them."""
    raw = fold(text).strip().replace(",", "")
    decimal_ok = TABLES[key.table].row(key.row).decimal
    if not raw:
        raise ValueError("请输入数字")
    if decimal_ok:
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValueError(f"“{text}”不是数字") from None
        if not value.is_finite() or value < 0:
            raise ValueError("收费金额应为非负数（单位：万元）")
        return CellValue(CellKind.NUMBER, value, raw)
    if not re.fullmatch(r"\d+", raw):
        raise ValueError(f"“{text}”不是非负整数")
    return CellValue(CellKind.NUMBER, int(raw), raw)


def _display(cv: CellValue) -> str | None:
    if cv.kind is CellKind.MISSING:
        return None
    return cv.raw if cv.raw else ("" if cv.kind is CellKind.EMPTY else None)


@dataclass
class Review:
    report: Report
    corrections: dict[CellKey, Correction] = field(default_factory=dict)
    verdicts: dict[str, VerdictEntry] = field(default_factory=dict)
    trail: list[TrailEvent] = field(default_factory=list)
    reviewer: str = ""  # the preparer (编制人) making corrections and verdicts
    sign_off: SignOff | None = None  # the 复核人's sign-off, None until somebody signs
    agency_override: str | None = None  # the auditor's name for the agency (grouping, year over year)
    parsed_agency: str | None = None     # what the engine read, kept while an override is in force
    restored: bool = False  # corrections came back from a sidecar
    source_changed: bool = False  # the sidecar was written for a different version of the file
    cross_findings: list[Finding] = field(default_factory=list)  # set by refresh_cross_findings
    compared_with: int = 0  # how many other reports the cross-report checks compared this one with
    _findings: list[Finding] | None = field(default=None, repr=False)  # this report's own checks

    # --- values ------------------------------------------------------------------------------
    def _corrected(self, key: CellKey, c: Correction) -> CellValue:
        """A correction as a cell value, keeping the span of what was printed."""
        return CellValue(CellKind.NUMBER, parse_input(key, c.value).value, c.value, self.report.cell(key).span, "人工修正")

    @property
    def overrides(self) -> dict[CellKey, CellValue]:
        return {key: self._corrected(key, c) for key, c in self.corrections.items()}

    def cell(self, key: CellKey) -> CellValue:
        c = self.corrections.get(key)
        return self.report.cell(key) if c is None else self._corrected(key, c)

    def parsed(self, key: CellKey) -> CellValue:
        return self.report.cell(key)

    def is_corrected(self, key: CellKey) -> bool:
        return key in self.corrections

    @property
    def findings(self) -> list[Finding]:
        """This report's own findings (cached until an edit) followed by the cross-report ones."""
        if self._findings is None:
            self._findings = run_checks(self.report, self.overrides)
        return self._findings + self.cross_findings if self.cross_findings else self._findings

    # --- edits (each returns what undo needs) ----------------------------------------------------
    def set_cell(self, key: CellKey, text: str | None, reason: str = "") -> Correction | None:
        """Correct a cell (``text`` validated) or withdraw its correction (``text`` None or equal to the
        parsed value). Returns the correction that was in force before, for undo."""
        before = self.corrections.get(key)
        parsed = self.report.cell(key)
        if text is not None:
            cv = parse_input(key, text)
            if parsed.is_number and parsed.value == cv.value and str(parsed.raw) == cv.raw:
                text = None
        if text is None:
            if key in self.corrections:
                del self.corrections[key]
        else:
            self.corrections[key] = Correction(key.id, _display(parsed), parse_input(key, text).raw, now(), reason,
                                               self.reviewer)
        after = self.corrections.get(key)
        self.trail.append(TrailEvent(key.id, before.value if before else _display(parsed),
                                     after.value if after else None, now(), reason, self.reviewer))
        if self.report.tables.get(key.table) is None:
            # a table that was not found is being filled in by hand: make it exist
            from core.model import TableData

            self.report.tables[key.table] = TableData(key.table)
        self._findings = None
        return before

    def restore_correction(self, key: CellKey, correction: Correction | None) -> None:
        """Put back exactly a previous state (undo/redo)."""
        current = self.corrections.get(key)
        if correction is None:
            self.corrections.pop(key, None)
        else:
            self.corrections[key] = correction
        self.trail.append(TrailEvent(key.id, current.value if current else _display(self.report.cell(key)),
                                     correction.value if correction else None, now(), "撤销/重做", self.reviewer))
        self._findings = None

    def set_verdict(self, finding_key: str, verdict: str, comment: str = "", message: str = "") -> VerdictEntry | None:
        """``message`` is the finding's message as the reviewer saw it: if the finding later says
        something else (its numbers changed), the verdict is kept but needs confirming again."""
        if verdict not in VERDICTS:
            raise ValueError(f"审核意见只能是 {'/'.join(VERDICTS)}")
        before = self.verdicts.get(finding_key)
        if verdict == PENDING and not comment:
            self.verdicts.pop(finding_key, None)
        else:
            self.verdicts[finding_key] = VerdictEntry(finding_key, verdict, comment, now(), self.reviewer, message)
        self._trail_verdict(finding_key, before, comment)
        return before

    def restore_verdict(self, finding_key: str, entry: VerdictEntry | None) -> None:
        before = self.verdicts.get(finding_key)
        if entry is None:
            self.verdicts.pop(finding_key, None)
        else:
            self.verdicts[finding_key] = entry
        self._trail_verdict(finding_key, before, "撤销/重做")

    def _trail_verdict(self, finding_key: str, before: VerdictEntry | None, reason: str) -> None:
        after = self.verdicts.get(finding_key)
        self.trail.append(TrailEvent(VERDICT_PREFIX + finding_key, before.verdict if before else PENDING,
                                     after.verdict if after else PENDING, now(), reason, self.reviewer))

    def verdict(self, finding: Finding) -> VerdictEntry | None:
        return self.verdicts.get(finding.key)

    def verdict_stale(self, finding: Finding) -> bool:
        """The verdict was given when the finding said something else: it must be confirmed again."""
        entry = self.verdicts.get(finding.key)
        return entry is not None and bool(entry.message) and entry.message != finding.message

    def verdict_word(self, finding: Finding) -> str:
        """The reviewer's word on a finding: 待定 until they decide, 需重新确认 when the finding has changed
        since (core.review.conclusion counts both as undecided)."""
        entry = self.verdicts.get(finding.key)
        if entry is None:
            return PENDING
        return STALE if self.verdict_stale(finding) else entry.verdict

    # --- conclusions (vocabulary in core.review.conclusion) ----------------------------------------
    @property
    def automatic_conclusion(self) -> Conclusion:
        return automatic(self.findings)

    @property
    def conclusion(self) -> Conclusion:
        """审阅结论: what stands after the reviewer's verdicts."""
        return reviewed(self.findings, self.verdict_word)

    @property
    def open_findings(self) -> list[Finding]:
        return [f for f in self.findings if is_open(f, self.verdict_word(f))]

    # --- the second reviewer (复核人) --------------------------------------------------------------
    def set_sign_off(self, sign_off: SignOff | None) -> SignOff | None:
        """Record (or withdraw, with None) the 复核人's sign-off; returns the previous one, for undo."""
        before = self.sign_off
        self.sign_off = sign_off
        who = sign_off.reviewer if sign_off else (before.reviewer if before else "")
        self.trail.append(TrailEvent(SIGN_OFF, before.opinion if before else None,
                                     sign_off.opinion if sign_off else None, sign_off.time if sign_off else now(),
                                     "复核" if sign_off else "撤销复核", who))
        return before

    def set_agency(self, name: str | None) -> str | None:
        """Name the agency by hand when the title is missing or spelled differently from other years;
        grouping into workbooks and the year-over-year checks follow it. Returns the previous override."""
        before = self.agency_override
        if self.parsed_agency is None and self.report.agency is not None and before is None:
            self.parsed_agency = self.report.agency
        name = (name or "").strip() or None
        self.agency_override = name if name != self.parsed_agency else None
        self.report.agency = self.agency_override or self.parsed_agency
        self.trail.append(TrailEvent("agency", before or self.parsed_agency, self.report.agency, now(), "机关名称",
                                     self.reviewer))
        self._findings = None
        return before

    def describe(self, key: CellKey) -> str:
        return f"表{TABLES[key.table].letter}“{cell_label(key)}”"

    # --- persistence -----------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "version": SIDECAR_VERSION,
            "file": self.report.source.path,
            "text_sha256": text_hash(self.report.source.text),
            "saved": now(),
            "reviewer": self.reviewer,
            "corrections": [asdict(c) for c in self.corrections.values()],
            "verdicts": [asdict(v) for v in self.verdicts.values()],
            "trail": [asdict(t) for t in self.trail],
            "agency": self.agency_override,
            "sign_off": asdict(self.sign_off) if self.sign_off else None,
        }

    def apply_dict(self, data: dict) -> None:
        """Load a sidecar's content. Corrections for cells that no longer exist are skipped."""
        for c in data.get("corrections", []):
            try:
                key = CellKey.parse(c["cell"])
                parse_input(key, c["value"])
            except (KeyError, ValueError):
                continue
            self.corrections[key] = Correction(**{k: c.get(k, "") for k in Correction.__dataclass_fields__})
            if self.report.tables.get(key.table) is None:
                from core.model import TableData

                self.report.tables[key.table] = TableData(key.table)
        for v in data.get("verdicts", []):
            if v.get("verdict") in VERDICTS:
                self.verdicts[v["finding"]] = VerdictEntry(**{k: v.get(k, "") for k in VerdictEntry.__dataclass_fields__})
        self.trail = [TrailEvent(**{k: t.get(k) for k in TrailEvent.__dataclass_fields__}) for t in data.get("trail", [])]
        if data.get("version", 1) < 2:  # verdicts were not in the trail yet: record them as they stand
            self.trail += [TrailEvent(VERDICT_PREFIX + v.finding, PENDING, v.verdict, v.time, v.comment, v.reviewer)
                           for v in self.verdicts.values()]
        signed = data.get("sign_off")
        if isinstance(signed, dict) and signed.get("reviewer"):
            self.sign_off = SignOff(**{k: str(signed.get(k) or "") for k in SignOff.__dataclass_fields__})
        if data.get("agency"):
            self.parsed_agency = self.report.agency
            self.agency_override = data["agency"]
            self.report.agency = self.agency_override
        self.restored = bool(self.corrections or self.verdicts or self.agency_override or self.sign_off)
        self.source_changed = data.get("text_sha256") not in (None, text_hash(self.report.source.text))
        self._findings = None


TEXT_ONLY_CROSS_RULES = frozenset({"X05", "X08"})  # from the text alone, whatever the numbers


def refresh_cross_findings(reviews: Sequence[Review], changed: Review | None = None) -> None:
    """Re-run the checks that span reports (year over year, duplicated text) over everything loaded
    together, and attach each finding to the report it sits on.

    After a hand correction in ``changed`` only its agency's reports need the year-over-year checks
    again; the text comparisons across agencies cannot change with a number, so they are kept."""
    if changed is not None:
        from core.extraction.agency import same_agency

        group = [r for r in reviews if r is changed or same_agency(r.report.agency, changed.report.agency)[0]]
        found = run_cross_checks([(r.report, r.overrides) for r in group])
        for review, extra in zip(group, found):
            kept = [f for f in review.cross_findings if f.rule in TEXT_ONLY_CROSS_RULES]
            review.cross_findings = kept + [f for f in extra if f.rule not in TEXT_ONLY_CROSS_RULES]
        return
    found = run_cross_checks([(r.report, r.overrides) for r in reviews])
    for review, extra in zip(reviews, found):
        review.cross_findings = extra
        review.compared_with = len(reviews) - 1


def value_text(value: Number | None) -> str:
    return "" if value is None else (format(value, "f") if isinstance(value, Decimal) else str(value))

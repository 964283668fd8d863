"""X07 — how much of this report repeats the same agency's previous report, as evaluators score it
(one city's index deducts points when over half of a report is last year's text).

Measured in **sentences**: the share of this report's sentences in parts 一、五、六 whose key (see
``core.checks.sentences``: punctuation and spacing ignored, every number counted as the same) is
also a sentence of last year's report. Sentences, not shingles, because an evaluator counts what was
copied, and a copied sentence with a new count in it is still copied. The threshold is a percentage
(``set_threshold``); above it the finding is a warning, otherwise a note that still gives the share.

It reads the reports' ``ReportState.narrative`` (the prose of parts 一、五、六, parked on disk in a
batch), so a batch that streams reports compares them without keeping them."""
from __future__ import annotations

from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass
from itertools import groupby

from core.checks import cross_check
from core.checks.cross import AgencyIndex
from core.checks.cross_state import ReportState
from core.checks.sentences import Prose, Sentence
from core.messages import Bi, Joined, Message, msg
from core.model import Finding, Severity, Span

DEFAULT_THRESHOLD = 50.0
MEASURE = Bi("按句计算：忽略标点、空白，数字不计差别", "counted in sentences, punctuation, spacing and numbers ignored")
PASSAGES = 3
QUOTE_CHARS = 60
_threshold = DEFAULT_THRESHOLD


def set_threshold(percent: float) -> None:
    """Above this share of repeated sentences X07 warns (the CLI's --repeat-threshold)."""
    global _threshold
    if not 0 <= percent <= 100:
        raise ValueError("重复比例阈值应在 0 到 100 之间")
    _threshold = float(percent)


def threshold() -> float:
    return _threshold


@dataclass(frozen=True)
class Repeats:
    share: float                 # percent of this report's sentences found in the previous report
    repeated: int
    total: int
    passages: tuple[Span, ...]   # the longest runs of consecutive repeated sentences, longest first


def sentence_hashes(prose: Prose) -> frozenset[int]:
    """The hashes of the report's sentence keys: what the later report's sentences are looked up in.
    Python's own string hash, 64 bits like a digest but a C call: the sets live only in the process
    that runs the cross checks (the batch's), where it is the same for the same key."""
    return frozenset(map(hash, prose.keys(mask_digits=True)))


def repeats(prose: Prose, previous: Set[int]) -> Repeats | None:
    """None when this report has no sentences to compare."""
    return _repeats(prose.part_sentences(mask_digits=True), previous)


def _repeats(parts: list[list[Sentence]], previous: Set[int]) -> Repeats | None:
    """``repeats`` of a report's sentences, part by part (``Prose.part_sentences``)."""
    repeated = total = 0
    runs: list[Span] = []
    for part in parts:
        run: Span | None = None
        for s in part:
            total += 1
            if hash(s.key) in previous:
                repeated += 1
                run = (run[0], s.span[1]) if run else s.span
            else:
                runs += [run] if run else []
                run = None
        runs += [run] if run else []
    if not total:
        return None
    runs.sort(key=lambda r: (r[0] - r[1], r[0]))
    return Repeats(100.0 * repeated / total, repeated, total, tuple(runs[:PASSAGES]))


def _quote(prose: Prose, span: Span) -> Message:
    passage = "".join(prose.text(span).split())  # without its whitespace: str.split's is regex \s's, and faster
    shown = passage if len(passage) <= QUOTE_CHARS else passage[:QUOTE_CHARS] + "…"
    return msg("X07.quote", text=shown, chars=len(passage))


@cross_check
def repeats_of_last_year(states: Sequence[ReportState]) -> Iterator[tuple[int, list[Finding]]]:
    """On the later report of each consecutive pair; with several reports for last year (a page and
    its PDF), the one it repeats most. A report's previous years come one after another: its prose is
    read back from a batch's disk and cut into sentences once for all of them and its quotes."""
    hashes: dict[int, frozenset[int]] = {}
    for i, group in groupby(AgencyIndex(states).previous_years(), key=lambda pair: pair[1]):
        prose, parts, best = None, [], None
        for j, _, _certain in group:
            if j not in hashes:
                hashes[j] = sentence_hashes(states[j].narrative)
            if not hashes[j]:
                continue
            if prose is None:
                prose = Prose(states[i].narrative.value)
                parts = prose.part_sentences(mask_digits=True)
            found = _repeats(parts, hashes[j])
            if found is not None and (best is None or found.share > best[0].share):
                best = (found, j)
        if best is not None:
            yield i, [_finding(states, i, *best, prose)]


def _finding(states: Sequence[ReportState], i: int, r: Repeats, j: int, prose: Prose) -> Finding:
    """X07 on report ``i`` (whose prose is ``prose``) for repeating report ``j``."""
    state, limit = states[i], threshold()
    over = r.share > limit
    passages = Joined(tuple(_quote(prose, p) for p in r.passages), "；", "; ")
    message = msg("X07", previous=states[j].name, share=r.share, repeated=r.repeated, total=r.total,
                  measure=MEASURE, verdict=msg("X07.over" if over else "X07.under", limit=limit),
                  passages=msg("X07.passages", passages=passages) if r.passages else None)
    return state.finding("X07", message, spans=r.passages, subject="X07",
                         severity=Severity.WARNING if over else Severity.INFO)

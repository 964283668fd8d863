"""``check FILE... [--json] [--jobs N]``: read, extract and check reports; print a summary or the JSON
contract.

Exit status: 0 no error-severity finding, 1 some, 2 a file could not be read (the others are still
reported).

The batch streams (``core.streaming``): each report is rendered as soon as it is checked, without the
findings that need the other reports, and parked on disk with its small cross-check state. When every
report is in, the cross-report findings (which sit on the later year's, or on each copying, report)
are added and the output is written in argument order."""
from __future__ import annotations

import codecs
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from typing import TextIO

from core.api import analyze_file
from core.checks import (
    CheckContext,
    ReportState,
    context_findings,
    parked_cross_findings,
)
from core.errors import ReportError
from core.export import jsonout
from core.model import Finding, Report, Severity
from core.reading.progress import PageProgress
from core.streaming import Spill, ordered_map, workers_for
from core.template import TABLES

SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
SEVERITIES = tuple(Severity)  # iterating the Enum itself is a Python generator, for every count
SECTION_ZH = "一二三四五六"


def summary_head(report: Report) -> str:
    """The summary of one report up to its findings."""
    lines = [f"文件：{report.source.path}",
             f"  编码：{report.source.encoding}  格式：{report.source.format}  版式：{report.layout or '未识别'}",
             f"  机关：{report.agency or '未识别'}  年度：{report.year or '未识别'}"]
    if report.evidence is not None:
        lines.append("  来源：" + report.evidence.citation("；"))
    present = "".join(SECTION_ZH[n - 1] if n in report.sections else "×" for n in range(1, 7))
    lines.append(f"  部分：{present}（× 为缺失）")
    for spec in TABLES.values():
        data = report.tables.get(spec.id)
        if data is None:
            lines.append(f"  表{spec.letter} {spec.title}：未找到")
            continue
        ok = sum(1 for v in data.cells.values() if v.is_number)
        lines.append(f"  表{spec.letter} {spec.title}：读到 {ok}/{spec.cell_count} 个数值")
    return "\n".join(lines)


def finding_line(f: Finding) -> str:
    return f"    [{SEVERITY_ZH[f.severity]}] {f.rule} {f.message}"


def _counts(findings: Sequence[Finding]) -> tuple[int, ...]:
    """How many findings of each severity. ``list.count`` compares by identity first, and a severity
    is equal only to itself (an Enum member)."""
    severities = [f.severity for f in findings]
    return tuple(map(severities.count, SEVERITIES))


# Findings as the output shows them, as UTF-8 (JSON items or summary lines, each opening with what
# separates it from the one before), with their counts by severity: what a batch parks of its
# cross-report findings, so that the findings themselves are never pickled and read back. A plain
# tuple: an instance of a class of ours pickles with its class's name, which loading looks up again
# (some 35 K instructions for the two against 9 K).
Rendered = tuple[bytes, tuple[int, ...]]
NOTHING: Rendered = (b"", (0,) * len(SEVERITIES))


def rendered(findings: Sequence[Finding], as_json: bool) -> Rendered:
    if as_json:
        return jsonout.findings_text(list(map(jsonout.encode_finding, findings))), _counts(findings)
    return _lines_text(list(map(finding_line, findings))), _counts(findings)


def joined(parts: list[Rendered]) -> Rendered:
    """The findings of ``parts`` one after the other (most reports have none or one part)."""
    if len(parts) < 2:
        return parts[0] if parts else NOTHING
    texts, counts = zip(*parts)
    return b"".join(texts), tuple(map(sum, zip(*counts)))


@dataclass
class Pending:
    """One report's output without its cross-report findings, as UTF-8 (``jsonout.UTF8``), with ``cut``
    where they go: in JSON the report's item with its own findings (``jsonout.report_text``), in a
    summary its head and then its own finding lines, cut between them; and its own counts. A batch
    parks the text as it is and writes it out as it is."""

    text: bytes
    cut: int
    counts: tuple[int, ...]

    @classmethod
    def summary(cls, head: str, lines: list[str], counts: tuple[int, ...]) -> Pending:
        cut = len(head := head.encode(*jsonout.UTF8))
        return cls(head + _lines_text(lines), cut, counts)

    def render(self, cross: Rendered, as_json: bool) -> list[bytes | memoryview]:
        """The output with the findings ``cross``, in pieces of UTF-8 to join."""
        added, counts = cross
        if as_json:
            return jsonout.with_findings(self.text, self.cut, added)
        counts = [a + b for a, b in zip(self.counts, counts)]
        result = "\n  检查结果：" + "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in zip(SEVERITIES, counts))
        return [self.text[:self.cut], result.encode(), self.text[self.cut:], added]


def _lines_text(lines: list[str]) -> bytes:
    """Summary lines, each on a line of its own, as UTF-8."""
    return "".join(["\n" + line for line in lines]).encode(*jsonout.UTF8)


def _park(spill: Spill, pending: Pending) -> tuple[tuple[int, int], int, tuple[int, ...]]:
    """A report's output moved to ``spill``: what stays in memory is its place, its cut and its counts."""
    return spill.put_bytes(pending.text), pending.cut, pending.counts


def _unpark(spill: Spill, parked: tuple[tuple[int, int], int, tuple[int, ...]]) -> Pending:
    ref, cut, counts = parked
    return Pending(spill.get_bytes(ref), cut, counts)


def utf8_writer(stream: TextIO) -> Callable[[bytes], None]:
    """A function writing UTF-8 (``jsonout.UTF8``) to the text stream ``stream`` as the text it holds.
    The standard output that Python made, in UTF-8 and with no newline translated (as it makes it but
    on Windows), takes the bytes straight in its buffer once its text layer is flushed: no decoding and
    encoding again of every report's text (some 0.3 M instructions a report). A text with a surrogate
    (say, a file name of undecodable bytes) is written as text all the same, for the stream's error
    handler to decide on; its UTF-8 holds a byte 0xED (so do some Hangul syllables: they take that way
    too)."""
    buffer = getattr(stream, "buffer", None)
    if (stream is None or stream is not sys.__stdout__ or buffer is None or os.linesep != "\n"
            or codecs.lookup(stream.encoding).name != "utf-8"):
        return lambda data: stream.write(data.decode(*jsonout.UTF8))

    def write(data: bytes) -> None:
        if b"\xed" in data:
            stream.write(data.decode(*jsonout.UTF8))
            stream.flush()
        else:
            buffer.write(data)

    stream.flush()
    return write


def page_progress(path: str, stream=sys.stderr) -> PageProgress:
    """A scan's pages as they are recognised, on one line of stderr when it is a terminal."""
    def report(done: int, total: int) -> None:
        if hasattr(stream, "isatty") and stream.isatty():
            stream.write(f"\r正在识别 {path} 的扫描页：{done}/{total}" + ("\n" if done == total else ""))
            stream.flush()

    return PageProgress(report=report)


YOUNG = 2000  # objects allocated between two collections of the youngest generation in a batch (Python: 700)
MIDDLE = 100  # collections of the youngest generation between two of the middle one (Python: 10)


@contextmanager
def batch_collector() -> Iterator[None]:
    """The garbage collector tuned for a batch: what is alive when it starts (the modules and their
    tables) is frozen, so that no full collection walks it again, and the two younger generations are
    collected less often, so that less of each report's short-lived objects (alive while it is
    checked) is promoted to the generation whose growth sets off the full collections (0.6 % of the
    instructions of 300 reports for the youngest; the middle one's some 1.5 % of 41 reports, and the
    count no longer swings by a few percent with when the full collections fall; memory is the same).
    As it was afterwards."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG, MIDDLE, *threshold[2:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def check_one(path: str, as_json: bool, keep_state: bool):
    """Read, extract, check and render one report (in a worker for big batches): (path, reason it could
    not be read, pending output, cross-check state or None)."""
    try:
        report = analyze_file(path, page_progress(path))
    except ReportError as exc:
        return exc.path, exc.reason, None, None
    ctx = CheckContext(report)
    findings = context_findings(ctx)
    counts = _counts(findings)
    if as_json:
        pending = Pending(*jsonout.report_text(report, findings), counts)
    else:
        pending = Pending.summary(summary_head(report), [finding_line(f) for f in findings], counts)
    state = None
    if keep_state:
        state = ReportState.of(ctx)
    return path, None, pending, state


def run(files: Sequence[str], as_json: bool, jobs: int | None = None) -> int:
    from core.review.session import expand_inputs

    files = expand_inputs(files)  # a folder (an evidence folder, say) stands for the reports in it
    status = 0
    batch = len(files) > 1
    with ExitStack() as stack:
        keep, fetch = (lambda p: p), (lambda p: p)  # one report: nothing to hold back
        if batch:
            stack.enter_context(batch_collector())
            spill = stack.enter_context(Spill())
            keep, fetch = partial(_park, spill), partial(_unpark, spill)
        parked: list = []  # each report's output (its place in the spill), or why it could not be read
        states = []
        checked = ordered_map(partial(check_one, as_json=as_json, keep_state=batch), files,
                              workers_for(len(files), jobs))
        for shown, reason, pending, state in checked:
            if reason is not None:
                print(f"无法读取 {shown}：{reason}", file=sys.stderr)
                parked.append(reason)
                status = 2
                continue
            parked.append(keep(pending))
            if pending.counts[0] and status == 0:
                status = 1
            if state is not None:
                states.append(state.park(spill))
        encode = partial(rendered, as_json=as_json)  # parked as the output shows them
        cross = iter(parked_cross_findings(states, spill, encode)) if len(states) > 1 else None
        write = utf8_writer(sys.stdout)
        if as_json:
            write(b"[")
        for n, (path, item) in enumerate(zip(files, parked)):
            lead = (b",\n  " if n else b"\n  ") if as_json else b""  # the top-level array's items
            if isinstance(item, str):
                if as_json:
                    write(lead + jsonout.encode({"file": path, "error": item}, 1).encode(*jsonout.UTF8))
                continue
            extra = joined(list(map(spill.get, next(cross)))) if cross is not None else NOTHING
            if status == 0 and extra[1][0]:
                status = 1
            end = b"" if as_json else b"\n\n"
            write(b"".join([lead, *fetch(item).render(extra, as_json), end]))
        if as_json:
            write(b"\n]\n")
    return status

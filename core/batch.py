"""Many reports in one run, streamed so memory does not grow with the batch.

Each report is read, extracted and checked (in worker processes once the batch is large enough, see
``core.streaming``), handed on in argument order, and dropped: the batch keeps its output in a spill
file on disk and, in memory,
only what the cross-report checks need (``core.checks.ReportState``, about 3 KB; its shingle arrays and prose are
parked on disk too). The cross-report findings come at the end, from those states alone. ``check``
(``core.cli.check_cmd``) then writes each report's output; ``export`` writes the workbooks in a second
pass over the spilled reviews, one agency at a time. Sidecar corrections are applied on load, so a
batch export reproduces what the auditor saw in the window."""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from core.errors import ReportError
from core.extraction.agency import agency_key
from core.model import Finding
from core.reading.progress import PageProgress, ReadCancelled
from core.review.session import Entry, expand_inputs, load_entry
from core.streaming import Spill, ordered_map, workers_for

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
SUMMARY_NAME = "汇总.xlsx"


def agency_groups(agencies: Sequence[tuple[str | None, str]]) -> list[list[int]]:
    """Indices of the reports of each agency (by ``agency_key`` of (agency, path); unknown agencies
    stay alone), in first-seen order."""
    groups: dict[str, list[int]] = {}
    for i, (agency, path) in enumerate(agencies):
        groups.setdefault(agency_key(agency) or f"\0{path}", []).append(i)
    return list(groups.values())


def group_by_agency(reviews: Sequence[Any]) -> list[list[Any]]:
    """Reviews of one agency, in first-seen order."""
    keys = [(r.report.agency, r.report.source.path) for r in reviews]
    return [[reviews[i] for i in g] for g in agency_groups(keys)]


# --- export ----------------------------------------------------------------------------------------
@dataclass
class BatchResult:
    workbooks: list = field(default_factory=list)  # core.export.summary.WorkbookResult
    unreadable: list[Entry] = field(default_factory=list)
    summary: Path | None = None
    cancelled: bool = False

    @property
    def exit_status(self) -> int:
        if self.unreadable or any(w.error for w in self.workbooks):
            return 2
        return 1 if any(r.counts[0] for w in self.workbooks for r in w.reports) else 0


def _unique(out_dir: Path, name: str, taken: set[str]) -> str:
    stem, n = name[:-5], 1
    while name in taken:
        n += 1
        name = f"{stem}_{n}.xlsx"
    taken.add(name)
    return str(out_dir / name)


def _write_group(task: tuple[list, list[list[Finding]] | None, int, str, str]):
    """Write one agency's workbook (in a worker). ``reviews`` are reviews or pickled reviews;
    ``cross`` their cross-report findings and ``compared_with`` the number of other reports those
    checks saw, when they are not attached yet (None)."""
    from core.export.summary import ReportSummary
    from core.export.workbook import save_workbook

    reviews, cross, compared_with, path, reviewer = task
    reviews = [pickle.loads(r) if isinstance(r, bytes) else r for r in reviews]
    if cross is not None:
        for review, found in zip(reviews, cross):
            review.cross_findings, review.compared_with = found, compared_with
    summaries = [ReportSummary.of(r) for r in reviews]
    try:
        return str(save_workbook(reviews, path, reviewer)), None, summaries
    except ReportError as exc:
        return None, exc.reason, summaries


def _write_all(tasks: Iterable[tuple], labels: Sequence[str], out: Path, result: BatchResult, workers: int,
               reviewer: str, progress: Progress | None, cancelled: Cancelled | None) -> BatchResult:
    from core.export.summary import WorkbookResult, write_summary

    for done, (written, error, summaries) in enumerate(ordered_map(_write_group, tasks, workers), start=1):
        result.workbooks.append(WorkbookResult(Path(written) if written else None, summaries, error))
        if progress:
            progress(done, len(labels), labels[done - 1])
        if cancelled and cancelled():
            result.cancelled = True
            break
    if not result.cancelled:
        result.summary = write_summary(result.workbooks, result.unreadable, out / SUMMARY_NAME, reviewer)
    return result


def export_reviews(reviews: Sequence[Any], out_dir: str | os.PathLike[str], reviewer: str = "",
                   progress: Progress | None = None, cancelled: Cancelled | None = None,
                   jobs: int | None = None, unreadable: Sequence[Entry] = ()) -> BatchResult:
    """Workbooks for reviews held in memory (the window), cross-report findings already attached."""
    from core.export.workbook import workbook_filename

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    groups = group_by_agency(reviews)
    taken: set[str] = set()
    tasks = [(g, None, 0, _unique(out, workbook_filename(g), taken), reviewer) for g in groups]
    labels = [g[0].report.agency or Path(g[0].report.source.path).name for g in groups]
    return _write_all(tasks, labels, out, BatchResult(unreadable=list(unreadable)), workers_for(len(tasks), jobs),
                      reviewer, progress, cancelled)


def _load_one(path: str, reviewer: str, pages: PageProgress | None = None):
    """Read, extract and check one report, restore its sidecar (in a worker): (path, error, pickled
    review with its own findings computed, cross-check state)."""
    from core.checks import CheckContext, ReportState

    entry = load_entry(path, reviewer, pages)
    if entry.review is None:
        return path, entry.error, None, None
    review = entry.review
    review.findings  # noqa: B018  (computed here, in the worker, and pickled with the review)
    state = ReportState.of(CheckContext(review.report, review.overrides))
    return path, None, pickle.dumps(review, protocol=pickle.HIGHEST_PROTOCOL), state


def _pages(i: int, path: str, total: int, progress: Progress | None, cancelled: Cancelled | None) -> PageProgress:
    """A scan's pages as the ``i``-th file's progress; cancelling stops between pages (``ReadCancelled``)."""
    pages = PageProgress(cancelled=cancelled or PageProgress().cancelled)
    if progress:
        pages.report = lambda done, n: progress(i - 1, total, f"{Path(path).name} 第{done}/{n}页")
    return pages


def export_paths(inputs: Sequence[str], out_dir: str | os.PathLike[str], reviewer: str = "",
                 progress: Progress | None = None, cancelled: Cancelled | None = None,
                 jobs: int | None = None) -> BatchResult:
    """Files and folders in; progress runs twice, once reading and once writing."""
    from core.checks import parked_cross_findings
    from core.export.workbook import workbook_name

    paths = expand_inputs(inputs)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    with Spill() as spill:
        refs, states = [], []
        workers = workers_for(len(paths), jobs)
        if workers == 1:  # read here: a scan's pages are reported as they go, and a cancel stops between them
            loaded = (_load_one(p, reviewer, _pages(i, p, len(paths), progress, cancelled))
                      for i, p in enumerate(paths, start=1))
        else:
            loaded = ordered_map(partial(_load_one, reviewer=reviewer), paths, workers)
        try:
            for done, (path, error, blob, state) in enumerate(loaded, start=1):
                if error is not None:
                    result.unreadable.append(Entry(path, error=error))
                else:
                    refs.append(spill.put_bytes(blob))
                    states.append(state.park(spill))
                if progress:
                    progress(done, len(paths), path)
        except ReadCancelled:
            return BatchResult(cancelled=True)
        cross = parked_cross_findings(states, spill) if len(states) > 1 else [[] for _ in states]
        groups = agency_groups([(s.agency, s.path) for s in states])
        taken: set[str] = set()
        names = [_unique(out, workbook_name(states[g[0]].agency, states[g[0]].path, [states[i].year for i in g]), taken)
                 for g in groups]
        labels = [states[g[0]].agency or Path(states[g[0]].path).name for g in groups]
        tasks = (([spill.get_bytes(refs[i]) for i in g], [[f for ref in cross[i] for f in spill.get(ref)] for i in g],
                  len(states) - 1, name, reviewer) for g, name in zip(groups, names))
        return _write_all(tasks, labels, out, result, workers_for(len(groups), jobs), reviewer, progress, cancelled)

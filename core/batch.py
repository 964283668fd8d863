"""Batch export: many reports in, one workbook per agency plus 汇总.xlsx out.

Reading and checking run in worker processes, the cross-report checks in the parent (they need
every report), and the workbooks again in workers. Sidecar corrections are applied on load, so a
batch export reproduces what the auditor saw in the window."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import ReportError
from core.export.summary import WorkbookResult, write_summary
from core.export.workbook import save_workbook, workbook_filename
from core.extraction.agency import agency_key
from core.model import Severity
from core.reading.progress import PageProgress, ReadCancelled
from core.review import Review, refresh_cross_findings
from core.review.session import Entry, expand_inputs, load_entry

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
SUMMARY_NAME = "汇总.xlsx"
PARALLEL_FROM = 40  # below this, worker start-up costs more than it saves


@dataclass
class BatchResult:
    workbooks: list[WorkbookResult] = field(default_factory=list)
    unreadable: list[Entry] = field(default_factory=list)
    summary: Path | None = None
    cancelled: bool = False

    @property
    def exit_status(self) -> int:
        if self.unreadable or any(w.error for w in self.workbooks):
            return 2
        errors = any(f.severity is Severity.ERROR for w in self.workbooks for r in w.reviews for f in r.findings)
        return 1 if errors else 0


def group_by_agency(reviews: Sequence[Review]) -> list[list[Review]]:
    """Reports of one agency (by ``agency_key``; unknown agencies stay alone) in first-seen order."""
    groups: dict[str, list[Review]] = {}
    for r in reviews:
        key = agency_key(r.report.agency) or f"\0{r.report.source.path}"
        groups.setdefault(key, []).append(r)
    return list(groups.values())


def _write_one(args: tuple[list[Review], str, str]) -> tuple[str | None, str | None]:
    group, path, reviewer = args
    try:
        return str(save_workbook(group, path, reviewer)), None
    except ReportError as exc:
        return None, exc.reason


def _unique(out_dir: Path, name: str, taken: set[str]) -> str:
    stem, n = name[:-5], 1
    while name in taken:
        n += 1
        name = f"{stem}_{n}.xlsx"
    taken.add(name)
    return str(out_dir / name)


def export_reviews(reviews: Sequence[Review], out_dir: str | os.PathLike[str], reviewer: str = "",
                   progress: Progress | None = None, cancelled: Cancelled | None = None,
                   jobs: int | None = None, unreadable: Sequence[Entry] = ()) -> BatchResult:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    groups = group_by_agency(reviews)
    taken: set[str] = set()
    tasks = [(g, _unique(out, workbook_filename(g), taken), reviewer) for g in groups]
    result = BatchResult(unreadable=list(unreadable))
    total = len(tasks)
    use_pool = total >= PARALLEL_FROM and (jobs or os.cpu_count() or 1) > 1
    pool = ProcessPoolExecutor(jobs) if use_pool else None
    try:
        outcomes = pool.map(_write_one, tasks, chunksize=8) if pool else map(_write_one, tasks)
        for done, ((group, _path, _), (written, error)) in enumerate(zip(tasks, outcomes), start=1):
            result.workbooks.append(WorkbookResult(Path(written) if written else None, group, error))
            if progress:
                progress(done, total, group[0].report.agency or Path(group[0].report.source.path).name)
            if cancelled and cancelled():
                result.cancelled = True
                break
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    if not result.cancelled:
        result.summary = write_summary(result.workbooks, result.unreadable, out / SUMMARY_NAME, reviewer)
    return result


def load_entries(paths: Sequence[str], reviewer: str = "", jobs: int | None = None,
                 progress: Progress | None = None, cancelled: Cancelled | None = None) -> list[Entry]:
    """Read every file (in worker processes for a large batch). Read in this process, a scanned PDF
    reports its pages as it goes (``progress`` with the file's name and the page) and can be cancelled
    between pages (``ReadCancelled``)."""
    use_pool = len(paths) >= PARALLEL_FROM and (jobs or os.cpu_count() or 1) > 1
    entries: list[Entry] = []
    if use_pool:
        with ProcessPoolExecutor(jobs) as pool:
            loaded = pool.map(load_entry, paths, [reviewer] * len(paths), chunksize=16)
            for i, e in enumerate(loaded, start=1):
                entries.append(e)
                if progress:
                    progress(i, len(paths), e.path)
    else:
        for i, p in enumerate(paths, start=1):
            pages = PageProgress(cancelled=cancelled or PageProgress().cancelled)
            if progress:
                pages.report = lambda done, total, i=i, p=p: progress(i - 1, len(paths), f"{Path(p).name} 第{done}/{total}页")
            entries.append(load_entry(p, reviewer, pages))
            if progress:
                progress(i, len(paths), p)
    return entries


def export_paths(inputs: Sequence[str], out_dir: str | os.PathLike[str], reviewer: str = "",
                 progress: Progress | None = None, cancelled: Cancelled | None = None,
                 jobs: int | None = None) -> BatchResult:
    """Files and folders in; progress runs twice, once reading and once writing."""
    paths = expand_inputs(inputs)
    try:
        entries = load_entries(paths, reviewer, jobs, progress, cancelled)
    except ReadCancelled:
        return BatchResult(cancelled=True)
    reviews = [e.review for e in entries if e.review is not None]
    refresh_cross_findings(reviews)
    return export_reviews(reviews, out_dir, reviewer, progress, cancelled, jobs,
                          unreadable=[e for e in entries if e.review is None])

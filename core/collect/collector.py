"""Addresses in, evidence out: each URL is downloaded, kept, read to see whether it is a report, and a
report page's attachments that look like the report are fetched too. One address failing (DNS, timeout,
404, not a report) is reported for that address and never stops the others."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx

from core.collect.client import (
    Cancel,
    Cancelled,
    Client,
    FetchError,
    FetchOptions,
    Response,
    now,
)
from core.collect.evidence import (
    ERROR,
    NOT_REPORT,
    PAGE,
    REPORT,
    Download,
    EvidenceStore,
    fingerprint,
)
from core.collect.page import Link, published_date, report_links
from core.errors import ReportError
from core.model import Report

Progress = Callable[[int, int, str], None]
CANCELLED = "已取消"
NOT_A_REPORT = "不是年度报告：没有找到年度报告的各部分或统计表格，页面中也没有年度报告附件（PDF/DOC/DOCX）"


@dataclass
class UrlResult:
    """What one address gave: the reports kept, other downloads (the page that linked them, files
    that were not the report), remarks (an attachment that failed, content changed since the last
    fetch), and ``error`` when the address gave no report at all."""

    url: str
    reports: list[Download] = field(default_factory=list)
    other: list[Download] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def lines(self) -> list[str]:
        """The address's outcome as the CLI prints it and the window logs it, remarks indented."""
        head = (f"✔ {self.url} → {len(self.reports)} 份报告：{'、'.join(d.file or '' for d in self.reports)}" if self.ok
                else f"✖ {self.url}：{self.error}")
        return [head] + [f"    {n}" for n in self.notes]


@dataclass
class CollectResult:
    folder: Path
    results: list[UrlResult]
    cancelled: bool = False

    @property
    def exit_status(self) -> int:
        """0 every address gave a report; 2 some did not (the others were still collected)."""
        return 0 if all(r.ok for r in self.results) and not self.cancelled else 2

    @property
    def report_files(self) -> list[Path]:
        return list(dict.fromkeys(self.folder / d.file for r in self.results for d in r.reports if d.file))


def is_report(report: Report) -> bool:
    """Three of the six parts, or one of the statistics tables: a column page or a notice is neither."""
    return len(report.sections) >= 3 or any(t is not None for t in report.tables.values())


def _read(path: Path) -> tuple[Report | None, str | None, str | None]:
    """(report, its text, why it could not be read)."""
    from core.api import analyze_document
    from core.reading import read_document

    try:
        doc = read_document(path)
    except ReportError as exc:
        return None, None, exc.reason
    except (OSError, ValueError, UnicodeError) as exc:  # a reader bug must not take the batch down
        return None, None, f"无法读取：{exc}"
    return analyze_document(doc), doc.text, None


@dataclass
class _Kept:
    record: Download
    before: Download | None           # the previous download of the same URL
    links: list[Link]                 # when it is a page: the attachments that look like the report
    unreadable: str | None            # why it could not be read


class _Run:
    def __init__(self, client: Client, store: EvidenceStore, cancelled: Cancelled | None) -> None:
        self.client, self.store, self.cancelled = client, store, cancelled

    def _record(self, response: Response, **extra) -> tuple[Download, Path]:
        digest, relative, path = self.store.keep(response)
        record = Download(url=response.url, time=response.time, final_url=response.final_url,
                          redirects=response.redirects, status=response.status, headers=response.headers,
                          sha256=digest, size=len(response.body), file=relative, **extra)
        return record, path

    def _failure(self, exc: FetchError, **extra) -> Download:
        if exc.response is not None:
            record, _ = self._record(exc.response, role=ERROR, error=exc.reason, **extra)
        else:
            record = Download(url=exc.url, time=now(), role=ERROR, error=exc.reason, **extra)
        return self.store.append(record)[0]

    def _keep(self, response: Response, page: bool, **extra) -> _Kept:
        """Store one response, read it to see what it is, and index it."""
        record, path = self._record(response, **extra)
        report, text, unreadable = _read(path)
        links: list[Link] = []
        published = record.published
        if text is not None and report is not None and report.source.format == "html":
            from core.reading.html import decode_html

            markup, _ = decode_html(response.body, str(path))
            if page:
                links = report_links(markup, response.final_url)
            stated = published_date(markup, text)
            published = stated.isoformat() if stated else published
        if report is not None and is_report(report):
            role, content = REPORT, fingerprint(report)
        elif unreadable is not None and not path.suffix.startswith(".htm"):
            role, content = REPORT, None  # a document that cannot be read: kept so a load shows why
        else:
            role, content = (PAGE if links else NOT_REPORT), None
        written, before = self.store.append(replace(record, role=role, content_sha256=content, published=published))
        return _Kept(written, before, links, unreadable)

    def one(self, url: str) -> UrlResult:
        result = UrlResult(url)
        if self.cancelled and self.cancelled():
            result.error = CANCELLED
            return result
        try:
            self._collect(url, result)
        except Cancel:
            result.error = CANCELLED
        except OSError as exc:  # the evidence folder: disk full, permissions
            result.error = f"无法保存到证据文件夹：{exc.strerror or exc}"
        return result

    def _collect(self, url: str, result: UrlResult) -> None:
        try:
            response = self.client.get(url, self.cancelled)
        except FetchError as exc:
            result.other.append(self._failure(exc))
            result.error = exc.reason
            return
        page = self._keep(response, page=True)
        self._file(page, result)
        for link in page.links:
            try:
                got = self.client.get(link.url, self.cancelled)
            except FetchError as exc:
                result.other.append(self._failure(exc, referrer=page.record.final_url, link_text=link.text))
                result.notes.append(f"附件“{link.text}”（{link.url}）：{exc.reason}")
                continue
            attachment = self._keep(got, page=False, referrer=page.record.final_url, link_text=link.text,
                                    published=page.record.published)
            self._file(attachment, result)
            if attachment.unreadable:
                result.notes.append(f"附件“{link.text}”已保存，但无法读取：{attachment.unreadable}")
        if any(r.content_sha256 for r in result.reports):
            return
        if page.unreadable:
            result.error = f"已保存，但无法读取：{page.unreadable}"
        elif result.reports:
            result.error = "年度报告附件已保存，但无法读取（原因见上）"
        elif page.links:
            result.error = "页面中的年度报告附件均未能下载（原因见上）"
        else:
            result.error = NOT_A_REPORT

    @staticmethod
    def _file(kept: _Kept, result: UrlResult) -> None:
        record, before = kept.record, kept.before
        (result.reports if record.role == REPORT else result.other).append(record)
        if record.role != REPORT or before is None:
            return
        if record.content_changed or (record.content_changed is None and record.changed):
            result.notes.append(f"{record.url} 的内容与 {before.time} 下载的版本不同（两个版本都已保留）")
        elif record.changed:
            result.notes.append(f"{record.url} 的网页代码与 {before.time} 下载的不同，报告内容未变")


def read_list(path: str | os.PathLike[str]) -> list[str]:
    """A list file: one address a line; blank lines and lines starting with # are skipped."""
    from core.reading.text import decode, read_bytes

    text, _ = decode(read_bytes(path), str(path))
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def collect(urls: Sequence[str], folder: str | os.PathLike[str], options: FetchOptions | None = None,
            progress: Progress | None = None, cancelled: Cancelled | None = None,
            transport: httpx.BaseTransport | None = None,
            on_result: Callable[[UrlResult], None] | None = None) -> CollectResult:
    """Fetch every address into the evidence folder; results in the order given (``on_result`` sees
    each as it is done, for a live log)."""
    options = options or FetchOptions()
    urls = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    try:
        store = EvidenceStore(folder)
    except OSError as exc:
        raise ReportError(str(folder), f"无法创建或读取证据文件夹：{exc.strerror or exc}") from None
    results: dict[str, UrlResult] = {}
    with Client(options, transport) as client, ThreadPoolExecutor(max(1, options.jobs)) as pool:
        run = _Run(client, store, cancelled)
        futures = {pool.submit(run.one, u): u for u in urls}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if on_result:
                on_result(results[futures[future]])
            if progress:
                progress(done, len(urls), futures[future])
    return CollectResult(store.folder, [results[u] for u in urls], bool(cancelled and cancelled()))

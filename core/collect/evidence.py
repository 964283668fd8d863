"""The evidence folder: every download's bytes exactly as served, never rewritten, and an append-only
index (``evidence.jsonl``, one JSON object a line) saying what was asked, where it ended up, when, what
the server answered and the SHA-256 of what it sent.

Layout: ``<folder>/evidence.jsonl`` and ``<folder>/<host>/<sha256 prefix>-<name>``. A file is named by
its content, so a re-fetch that brings the same bytes points at the same file and one that brings new
bytes adds a file beside the old one. A report loaded from the folder finds its record by its path
(``evidence_for``), so ``check`` and ``export`` on an evidence folder cite it without extra flags."""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from core.checks.sentences import report_sentences
from core.model import Report

if TYPE_CHECKING:
    from core.collect.client import Response

INDEX_NAME = "evidence.jsonl"
REPORT, PAGE, NOT_REPORT, ERROR = "report", "page", "not_report", "error"
GONE = (404, 410)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\s]+')
_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
          "application/msword": ".doc", "text/plain": ".txt",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
_KNOWN = (".html", ".htm", ".shtml", ".pdf", ".doc", ".docx", ".txt")
MAX_NAME = 60


@dataclass(frozen=True)
class Download:
    """One index record. ``role`` says what the download turned out to be: a report; a page that only
    linked the report's attachments; something that is not a report; or an error answer (404…).
    ``content_sha256`` fingerprints the report as read (its sentences and table values): what D04
    compares, so a page whose markup changed but whose report did not is not a change.
    ``changed``/``content_changed`` compare with the previous download of the same URL."""

    url: str
    time: str
    final_url: str | None = None
    redirects: tuple[str, ...] = ()
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    sha256: str | None = None
    size: int | None = None
    file: str | None = None          # relative to the evidence folder, '/'-separated
    role: str = REPORT
    referrer: str | None = None      # the page an attachment was linked from
    link_text: str | None = None
    published: str | None = None     # the date the page states it was published (ISO), if it does
    content_sha256: str | None = None
    changed: bool | None = None
    content_changed: bool | None = None
    error: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict) -> Download:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["redirects"] = tuple(values.get("redirects") or ())
        values["headers"] = tuple(tuple(h) for h in values.get("headers") or ())
        return cls(**values)

    @property
    def platform(self) -> str:
        """The site that served it (host and port): two platforms are two sites."""
        return urlsplit(self.final_url or self.url).netloc

    @property
    def content(self) -> str | None:
        return self.content_sha256 or self.sha256


@dataclass(frozen=True)
class Evidence:
    """What the index says about a loaded report: the download its file holds and every download of
    the same URL that got an answer (oldest first, this one included)."""

    record: Download
    history: tuple[Download, ...]

    @property
    def versions(self) -> dict[str, Download]:
        """The different reports the address has served, each with its first download, in order."""
        out: dict[str, Download] = {}
        for d in self.history:
            if d.role == REPORT and d.content:
                out.setdefault(d.content, d)
        return out

    @property
    def removed(self) -> Download | None:
        """A download after the address's last report that found it gone (404, 410)."""
        last = max((i for i, d in enumerate(self.history) if d.role == REPORT), default=-1)
        return next((d for d in self.history[last + 1:] if d.status in GONE), None)

    def citation(self, sep: str = "\n") -> str:
        """What the workbook and 汇总 cite: the address, when it was downloaded and the bytes' hash."""
        d = self.record
        parts = [f"网址：{d.url}"]
        if d.final_url and d.final_url != d.url:
            parts.append(f"跳转至：{d.final_url}")
        if d.referrer:
            parts.append(f"链接自：{d.referrer}")
        parts += [f"下载时间：{d.time}", f"SHA-256：{d.sha256}"]
        if d.published:
            parts.append(f"网页标注发布日期：{d.published}")
        return sep.join(parts)


def fingerprint(report: Report) -> str:
    keys = [s.key for s in report_sentences(report, range(1, 7), mask_digits=False)]
    for table in sorted(t for t, data in report.tables.items() if data is not None):
        keys += [f"{k.id}={v.value}" for k, v in sorted(report.tables[table].cells.items(), key=lambda kv: kv[0].id)
                 if v.is_number]
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


def file_name(response: Response, digest: str) -> str:
    """'<host>/<sha256[:12]>-<name><suffix>': the name from the server or the URL, the suffix from
    the content so the readers and the folder search recognise it."""
    parts = urlsplit(response.final_url)
    name = _disposition_name(response.header("content-disposition")) or unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip("._") or "index"
    stem, dot, ext = name.rpartition(".")
    suffix = f".{ext.lower()}" if dot and f".{ext.lower()}" in _KNOWN else ""
    if not suffix:
        stem = name
        suffix = _suffix(response)
    host = _UNSAFE.sub("_", parts.netloc.replace(":", "_")) or "unknown"
    return f"{host}/{digest[:12]}-{stem[:MAX_NAME]}{suffix}"


def _suffix(response: Response) -> str:
    body = response.body
    if body.startswith(b"%PDF"):
        return ".pdf"
    if body.startswith(b"PK\x03\x04"):
        return ".docx"
    if body.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    kind = (response.header("content-type") or "").split(";")[0].strip().lower()
    return _TYPES.get(kind, ".html" if b"<html" in body[:2048].lower() else ".bin")


def _disposition_name(value: str | None) -> str | None:
    if not value:
        return None
    m = re.search(r"filename\*\s*=\s*[^']*'[^']*'([^;]+)", value, re.I)
    if m:
        return unquote(m.group(1).strip().strip('"'))
    m = re.search(r'filename\s*=\s*"?([^";]+)"?', value, re.I)
    if not m:
        return None
    raw = m.group(1).strip()
    try:  # servers often send UTF-8 or GBK bytes that arrive as Latin-1
        data = raw.encode("latin-1")
        for codec in ("utf-8", "gb18030"):
            try:
                return unquote(data.decode(codec))
            except UnicodeDecodeError:
                continue
    except UnicodeEncodeError:
        pass
    return unquote(raw)


class EvidenceStore:
    """Writes to one evidence folder; shared by a collecting run's threads."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.index = self.folder / INDEX_NAME
        self._lock = threading.Lock()
        self._last: dict[str, Download] = {}  # latest download of each URL that got an answer
        if self.index.exists() and not self.index.read_bytes().endswith(b"\n") and self.index.stat().st_size:
            with open(self.index, "a", encoding="utf-8") as fh:
                fh.write("\n")  # a line torn by a crash stays one bad line, not two
        for record in read_index(self.index):
            if record.sha256:
                self._last[record.url] = record

    def keep(self, response: Response) -> tuple[str, str, Path]:
        """Store the bytes (unless a file with this content is already there). Returns
        (sha256, file relative to the folder, absolute path)."""
        digest = hashlib.sha256(response.body).hexdigest()
        relative = file_name(response, digest)
        target = self.folder / relative
        with self._lock:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(response.body)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
        return digest, relative, target

    def append(self, record: Download) -> tuple[Download, Download | None]:
        """Add a record, with what changed since the previous download of its URL. Returns the record
        as written and that previous download."""
        with self._lock:
            before = self._last.get(record.url)
            if record.sha256 and before is not None:
                content = None
                if record.content_sha256 and before.content_sha256:
                    content = record.content_sha256 != before.content_sha256
                record = replace(record, changed=record.sha256 != before.sha256, content_changed=content)
            if record.sha256:
                self._last[record.url] = record
            with open(self.index, "a", encoding="utf-8") as fh:
                fh.write(record.to_json() + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        return record, before


def read_index(path: Path) -> list[Download]:
    """Every record, in the order written; a line that is not a record (a crash mid-line) is skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            out.append(Download.from_json(json.loads(line)))
        except (ValueError, TypeError):
            continue
    return out


@dataclass(frozen=True)
class _Index:
    folder: Path
    records: tuple[Download, ...]

    def for_file(self, relative: str) -> list[Download]:
        return [r for r in self.records if r.file == relative]

    def not_current(self) -> set[str]:
        """Files the index knows that are not the latest report of any URL (a report since removed
        from its address stays current: it is the only copy)."""
        latest = {r.url: r.file for r in self.records if r.role == REPORT and r.file}
        return {r.file for r in self.records if r.file and r.file not in set(latest.values())}

    def history(self, url: str) -> tuple[Download, ...]:
        return tuple(r for r in self.records if r.url == url and r.sha256)


@lru_cache(maxsize=64)
def _load(index: Path, _stamp: tuple[int, int]) -> _Index:
    return _Index(index.parent, tuple(read_index(index)))


def _index_for(path: str | os.PathLike[str]) -> tuple[_Index, str] | None:
    """The index covering a file (in its folder or the one above, where the store puts it) and the
    file's path relative to it."""
    # plain strings and os.stat: asked for every report of a batch, and almost always answered "none"
    p = os.path.abspath(path)
    parent = os.path.dirname(p)
    for folder in (parent, os.path.dirname(parent)):
        index = os.path.join(folder, INDEX_NAME)
        try:
            st = os.stat(index)
        except OSError:
            continue
        return _load(Path(index), (st.st_mtime_ns, st.st_size)), Path(p).relative_to(folder).as_posix()
    return None


def evidence_for(path: str | os.PathLike[str]) -> Evidence | None:
    found = _index_for(path)
    if found is None:
        return None
    index, relative = found
    mine = [r for r in index.for_file(relative) if r.sha256]
    if not mine:
        return None
    record = mine[-1]
    return Evidence(record, index.history(record.url))


def not_current(files: list[Path]) -> set[Path]:
    """Files under an evidence folder that a folder load should not read as reports: earlier copies
    of a URL fetched again since, pages that only linked the report, error answers. They stay on disk
    as evidence, and a file named explicitly is still read."""
    out: set[Path] = set()
    stale: dict[Path, set[str]] = {}
    for f in files:
        found = _index_for(f)
        if found is None:
            continue
        index, relative = found
        if index.folder not in stale:
            stale[index.folder] = index.not_current()
        if relative in stale[index.folder]:
            out.add(f)
    return out

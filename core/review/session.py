"""What is loaded: each input file becomes an entry holding either its review or the reason it could
not be read, so one bad file never stops a folder from loading."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.api import analyze_file
from core.errors import ReportError
from core.reading.progress import PageProgress
from core.review.overlay import Review
from core.review.sidecar import open_review

REPORT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".mhtml", ".docx", ".doc", ".pdf")


@dataclass
class Entry:
    path: str
    review: Review | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.review is not None


def absolute(path: str | os.PathLike[str]) -> str:
    """The one spelling of a path that is stored anywhere (journal, recent files, workbooks, 汇总):
    absolute and normalised, so it still means the same file when the app starts in another folder."""
    return os.path.abspath(os.fspath(path))


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files (whatever their suffix), folders searched recursively for report files, in a stable
    order, as absolute paths; sidecars and hidden files skipped, and in an evidence folder the downloads
    that are not the current report of their address (``core.collect.evidence.not_current``)."""
    from core.collect.evidence import not_current

    out: list[str] = []
    for item in inputs:
        p = Path(absolute(item))
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                     and not any(part.startswith(".") for part in f.relative_to(p).parts)]
            stale = not_current(found)
            out.extend(str(f) for f in sorted(found) if f not in stale)
        else:
            out.append(str(p))
    return out


def load_entry(path: str, reviewer: str = "", progress: PageProgress | None = None) -> Entry:
    """Read, extract, check and restore saved corrections. Never raises for a bad file (only
    ``ReadCancelled`` when ``progress`` says the user cancelled)."""
    try:
        return Entry(path, review=open_review(analyze_file(path, progress), reviewer))
    except ReportError as exc:
        return Entry(path, error=exc.reason)
    except (OSError, ValueError, UnicodeError) as exc:  # a reader bug must not take the batch down
        return Entry(path, error=f"无法读取：{exc}")

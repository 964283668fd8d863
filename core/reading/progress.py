"""Following and cancelling a long read (the OCR of a scan), without the reader knowing who listens:
the window's progress dialog, the command line's progress line, a batch's cancel flag."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class ReadCancelled(Exception):
    """The user cancelled while the pages were being read."""


@dataclass
class PageProgress:
    """Progress of one file's scanned pages: ``report(done, total)`` after each recognised page (text
    pages take milliseconds and are not reported); reading stops with ``ReadCancelled`` as soon as
    ``cancelled()`` says so."""

    report: Callable[[int, int], None] = lambda done, total: None
    cancelled: Callable[[], bool] = lambda: False

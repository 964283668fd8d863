"""Errors a user can act on. Every failure to read a report ends up as one of these, carrying the file
and a plain-language reason, so no caller ever has to show a traceback."""
from __future__ import annotations


class ReportError(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

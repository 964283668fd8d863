"""Format dispatch: every published form of a report (text, HTML, Word, PDF) becomes a
``SourceDocument`` whose ``text`` is what the auditor sees and what every span points into."""
from __future__ import annotations

import os

from core.model import SourceDocument
from core.reader import read_text_document


def read_document(path: str | os.PathLike[str]) -> SourceDocument:
    return read_text_document(path)

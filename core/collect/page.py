"""What a report page says besides its text: the attachments that look like the report (PDF, DOC or
DOCX whose link text or file name says 年度报告) and the date the page states it was published (the
PubDate meta tag government sites carry, or a 发布时间 line)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urljoin, urlsplit

from core.extraction.narrative.dates import labelled_date

ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx")
_REPORTISH = re.compile(r"年度报告|信息公开.{0,6}年报")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_META_NAMES = ("pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime", "article:published_time",
               "dc.date.issued", "dc.date")


@dataclass(frozen=True)
class Link:
    url: str
    text: str


def _root(markup: str):
    import lxml.html

    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup)
    except (ValueError, TypeError):
        return None


def report_links(markup: str, page_url: str) -> list[Link]:
    """Attachments that look like the report, in page order, each once."""
    root = _root(markup)
    if root is None:
        return []
    base = next((b.get("href") for b in root.iter("base") if b.get("href")), None)
    base = urljoin(page_url, base) if base else page_url
    seen: set[str] = set()
    out: list[Link] = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(base, href)
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        text = re.sub(r"\s+", "", a.text_content() or "") + (a.get("title") or "")
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        attachment = name.lower().endswith(ATTACHMENT_SUFFIXES) or text.lower().endswith(ATTACHMENT_SUFFIXES)
        if attachment and (_REPORTISH.search(text) or _REPORTISH.search(name)) and url not in seen:
            seen.add(url)
            out.append(Link(url, text or name))
    return out


def published_date(markup: str, text: str) -> date | None:
    """The page's own statement of when it was published: a meta tag first, then a labelled line."""
    root = _root(markup)
    if root is not None:
        for meta in root.iter("meta"):
            name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
            if name in _META_NAMES and (when := _parse(meta.get("content") or "")):
                return when
    found = labelled_date(text)
    return found[0] if found else None


def _parse(value: str) -> date | None:
    m = _DATE.search(value)
    if not m:
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None

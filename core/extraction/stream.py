"""Table text → a flat stream of tokens with spans, independent of line breaks.

Web pages, crawlers, converters and copy-paste serialise the same form in many broken ways: pipes, tabs
with shifted columns, one cell per line, markdown split tables, the whole page on one line with every cell
glued to the next (``规章000行政规范性文件5211``). All of them keep the *reading order* of the cells, so we
throw the layout away and keep only that order: label text, numbers, placeholders and explicit blanks.
Line breaks are used only where they carry information that cannot be lost (a converter's page footer or
placeholder header on its own line); everything else works the same when every newline is deleted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from core.template import PLACEHOLDERS


class Tok(str, Enum):
    LABEL = "label"
    VALUE = "value"          # number-like text (may still be negative, decimal, or several glued cells)
    PLACEHOLDER = "placeholder"
    EMPTY = "empty"          # an explicit blank field ("| 0 |   | 3 |")
    NUM = "num"              # a digit that may be an item number ("2." in "…00000002.其他法律…")


@dataclass(frozen=True, slots=True)
class Token:
    kind: Tok
    text: str    # folded text of the token (same length as the source slice)
    start: int
    end: int
    line: int = 0       # line number inside the region (row structure, where the text has lines)
    hard: bool = True   # EMPTY only: between two values (a cell for sure) rather than next to a label
    glue: bool = False  # NUM only: split off a digit run with no separator before it


# A number as printed: sign, digits with optional thousands separators, decimals, optional unit.
NUMBER_RE = r"[+-]?\d[\d,]*(?:\.\d+)?"
_ATOM = re.compile(rf"(?P<num>{NUMBER_RE})(?P<unit>人次|万元|件|条|个|宗|项|次|元)?"
                   r"|(?P<sep>[|\t\n])|(?P<ws> +)|(?P<text>[^\d|\t\n ]+)")
# digits that belong to the label around them: 2024年, 第711号, (1), [2021]
_LABEL_AFTER = frozenset("年月日号类%)]")
_LABEL_BEFORE = frozenset("(第[")
_NUMBERING_MARKS = frozenset(".、")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_FOOTER = re.compile(r"^\s*(?:-+\s*\d{1,3}\s*-+|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?"
                          r"|\d{1,3}\s*/\s*\d{1,3}|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)\s*$")
_PAGE_MARK = re.compile(r"第\s*\d{1,3}\s*页\s*[,/]?\s*共\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页")
_FIXED_COLUMN_NAME = re.compile(r"^\s*(?:Col(?:umn)?\s*\d+|Unnamed:\s*\d+|nan|None|NaN)\s*$", re.I)
_NUMBERED_NAME = re.compile(r"^\s*([^\d\s|+\-.,]{1,6}?)\s*(\d{1,3})\s*$")


def _blank(text: str, a: int, b: int) -> str:
    return text[:a] + " " * (b - a) + text[b:]


def _converter_header(fields: list[str]) -> bool:
    """A header row a converter invented: 'Col1 | Col2', '数据1 | 数据2 | 数据3' (one word, numbers in a row)."""
    named = [m for f in fields if f.strip() and (m := _NUMBERED_NAME.match(f))]
    filled = [f for f in fields if f.strip()]
    if len(named) >= 2 and len(named) == len(filled) and len({m.group(1) for m in named}) == 1:
        numbers = [int(m.group(2)) for m in named]
        return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    return False


def _mask_fields(text: str) -> str:
    """Blank out pipe/tab fields that are layout, not content, wherever they stand (on their own line or
    with every newline deleted): converter column names ('Col1', '数据1 | 数据2'), page footers ('— 4 —')."""
    out = []
    fields = re.split(r"([|\t])", text)
    cells = fields[0::2]
    run: list[int] = []

    def blank(i: int) -> None:
        # a line break inside keeps the blanked field from reading as a blank cell
        cells[i] = "\n" + " " * (len(cells[i]) - 1) if cells[i] else ""

    def flush() -> None:
        if len(run) >= 2 and _converter_header([cells[i] for i in run]):
            for i in run:
                blank(i)
        run.clear()

    for i, f in enumerate(cells):
        if _FIXED_COLUMN_NAME.match(f) or _PAGE_FOOTER.match(f):
            blank(i)
            flush()
        elif _NUMBERED_NAME.match(f) and "\n" not in f.strip():
            run.append(i)
        elif f.strip():
            flush()
    flush()
    for i, f in enumerate(cells):
        out.append(f)
        if 2 * i + 1 < len(fields):
            out.append(fields[2 * i + 1])
    return "".join(out)


def _mask_lines(text: str) -> str:
    """Blank out what only makes sense as a whole line: markdown rules, page footers, markdown heading
    marks. Same length in, same length out."""
    out = []
    for line in text.split("\n"):
        if _MD_RULE.match(line) or _PAGE_FOOTER.match(line):
            out.append(" " * len(line))
            continue
        stripped = line.lstrip()
        if stripped.startswith("#"):
            lead = len(line) - len(stripped)
            hashes = len(stripped) - len(stripped.lstrip("#"))
            line = line[:lead] + " " * hashes + line[lead + hashes:]
        out.append(line)
    return "\n".join(out)


# Markup left in text by converters and copy-paste: a table cell opens a field, a table row ends a line,
# anything else (<br>, <p>, **bold**, &nbsp;) is blank space.
_MARKUP = re.compile(r"<(/?)(t[dh]|tr)\b[^<>]{0,200}>|<[^<>\n]{0,80}>|&nbsp;|\*\*|__", re.I)


def _markup(m: re.Match[str]) -> str:
    n = len(m.group())
    if m.group(2):
        tag = m.group(2).lower()
        if tag == "tr":
            return "\n" + " " * (n - 1)
        return " " * n if m.group(1) else "|" + " " * (n - 1)
    return " " * n


def tokenize(folded: str, start: int, end: int) -> list[Token]:
    """Tokens of ``folded[start:end]`` (folded text: same offsets as the original)."""
    text = folded[start:end]
    if "<" in text or "&" in text or "**" in text or "__" in text:
        text = _MARKUP.sub(_markup, text)
    text = _mask_lines(text)
    if "|" in text or "\t" in text:
        text = _mask_fields(text)
    text = _PAGE_MARK.sub(lambda m: " " * len(m.group()), text)
    tokens: list[Token] = []
    line = 0
    field_open = False      # inside a pipe/tab field with no token yet
    field_spaces = False    # that field holds whitespace (a blank cell, not a merge artefact)
    field_newline = False   # that field spans a line break (a row boundary, unless the line is only "|")
    pending_empty: list[int] = []  # positions of blank fields waiting for their neighbours
    n = len(text)
    for m in _ATOM.finditer(text):
        kind = m.lastgroup
        a, b = m.span()
        if kind == "sep":
            ch = text[a]
            if ch == "\n":
                line += 1
                field_newline = True
                continue
            if field_open and (field_spaces or ch == "\t") and (not field_newline or _pipe_only_line(text, a)):
                pending_empty.append(a)
            field_open, field_spaces, field_newline = True, False, False
            continue
        if kind == "ws":
            field_spaces = True
            continue
        if pending_empty:
            for at in pending_empty:
                tokens.append(Token(Tok.EMPTY, "", start + at, start + at, line))
            pending_empty = []
        field_open = False
        if kind == "text":
            raw = m.group()
            if tokens and tokens[-1].kind is Tok.NUM and tokens[-1].end > start + a:
                raw, a = raw[1:], a + 1  # the numbering mark, already in the NUM token
                if not raw:
                    continue
            if raw in PLACEHOLDERS:
                tokens.append(Token(Tok.PLACEHOLDER, raw, start + a, start + b, line))
            else:
                tokens.append(Token(Tok.LABEL, raw, start + a, start + b, line))
            continue
        ns, ne = m.span("num")
        raw = m.group("num")
        before = text[ns - 1] if ns else ""
        after = text[ne] if ne < n else ""
        if not m.group("unit") and (after in _LABEL_AFTER or before in _LABEL_BEFORE):
            tokens.append(Token(Tok.LABEL, raw, start + ns, start + ne, line))
            continue
        if not m.group("unit") and after in _NUMBERING_MARKS and raw.isdigit() and raw[-1] in "12345678" \
                and (ne + 1 >= n or not text[ne + 1].isdigit()):
            if len(raw) > 1:
                tokens.append(Token(Tok.VALUE, raw[:-1], start + ns, start + ne - 1, line))
            tokens.append(Token(Tok.NUM, raw[-1] + after, start + ne - 1, start + ne + 1, line, glue=len(raw) > 1))
            continue
        tokens.append(Token(Tok.VALUE, raw, start + ns, start + ne, line))
    return _settle_empties(tokens)


def _pipe_only_line(text: str, at: int) -> bool:
    """The separator at ``at`` is alone on its line (one cell per line, this one blank: ' |')."""
    left = text.rfind("\n", 0, at)
    right = text.find("\n", at)
    right = len(text) if right < 0 else right
    return not text[left + 1:at].strip() and not text[at + 1:right].strip()


_CELLS = (Tok.VALUE, Tok.PLACEHOLDER)


def _settle_empties(tokens: list[Token]) -> list[Token]:
    """A blank field between two values is a blank cell; next to a label it may be one (``hard`` False:
    the row decides by counting); between two labels it is layout, dropped."""
    kinds = [t.kind for t in tokens]
    prev_cell = [False] * len(tokens)
    seen: Tok | None = None
    for i, k in enumerate(kinds):
        prev_cell[i] = seen in _CELLS
        if k is not Tok.EMPTY:
            seen = k
    out: list[Token] = []
    seen = None
    for i in range(len(tokens) - 1, -1, -1):
        t = tokens[i]
        if t.kind is not Tok.EMPTY:
            seen = t.kind
            out.append(t)
            continue
        n_val = seen in _CELLS
        if prev_cell[i] and n_val:
            out.append(t)
        elif prev_cell[i] or n_val:
            out.append(Token(Tok.EMPTY, "", t.start, t.end, t.line, hard=False))
    out.reverse()
    return out

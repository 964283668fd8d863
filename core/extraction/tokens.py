"""Table text → a flat stream of tokens with spans.

Web pages, converters and copy-paste serialise the same form in many broken ways (pipes, tabs with shifted
columns, one cell per line, markdown split tables, cells glued together). All of them keep the reading
order of the cells, so we throw the layout away and keep only that order: a stream of *label* and *value*
tokens. Row assembly (``core.extraction.tables``) then reads the stream against the template.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from core.extraction.normalize import compact
from core.template import PLACEHOLDERS


class Tok(str, Enum):
    LABEL = "label"
    VALUE = "value"        # number-like text (may still be negative, decimal, glued digits)
    PLACEHOLDER = "placeholder"
    EMPTY = "empty"        # an explicit blank cell between two values


@dataclass(frozen=True)
class Token:
    kind: Tok
    text: str   # folded text of the token (same length as the source slice)
    start: int
    end: int

    @property
    def compact(self) -> str:
        return compact(self.text)


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PAGE_FOOTER = re.compile(r"^\s*(?:-+\s*\d{1,3}\s*-+|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
_PLACEHOLDER_COL = re.compile(r"^(?:Col(?:umn)?\s*\d+|Unnamed:\s*\d+|列\s*\d+|nan|None)$", re.I)
# A number as printed: sign, digits with optional thousands separators, decimals, optional unit.
NUMBER_RE = r"[+-]?\d[\d,]*(?:\.\d+)?"
_UNIT = r"(?:件|条|个|宗|项|次|人次|万元|元)"
_PLAIN_NUMBER = re.compile(rf"^{NUMBER_RE}$")
# Pieces of a field: numbers (with an optional unit) or anything else.
_PIECE = re.compile(rf"(?<![\d.])({NUMBER_RE})({_UNIT})?")
# Item numbering that belongs to a label: "1.属于…", "3、其他", "(2)…".
_NUMBERING_AFTER = re.compile(r"^[.、]\s*(?=[^\d\s])")
_PROSE = re.compile(r"[。；;！？]|，.*，|,.*,.*,")


_WIDE_GAP = re.compile(r" {3,}")
_NUMERIC = re.compile(r"[\d,.\s]+")
_UNITS_ONLY = re.compile(r"[件条个宗项次元]+")

def _is_prose(text: str) -> bool:
    """A sentence of narrative, not a cell: table cells are short, or a row of short words."""
    c = compact(text)
    if len(c) > 70 and max(len(w) for w in text.split()) > 40:
        return True
    return bool(_PROSE.search(c)) and not _NUMERIC.fullmatch(c)


def _split_fields(line: str, base: int) -> tuple[list[tuple[str, int]], bool]:
    """Split one line into cell fields with their absolute offsets, and whether the separators were
    explicit (pipes, tabs: an empty field is then a blank cell)."""
    if "|" in line or "\t" in line:
        fields: list[tuple[str, int]] = []
        pos = 0
        for part in re.split(r"[|\t]", line):
            fields.append((part, base + pos))
            pos += len(part) + 1
        return fields, True
    # no explicit separators: a wide gap (3+ spaces, as pdftotext -layout leaves between columns)
    # separates cells; single spaces stay inside a label ('商业 企业')
    fields, pos = [], 0
    for m in _WIDE_GAP.finditer(line):
        fields.append((line[pos:m.start()], base + pos))
        pos = m.end()
    fields.append((line[pos:], base + pos))
    return fields, False


def _pieces(field: str, start: int) -> list[Token]:
    """Break one field into label and value tokens (handles glued '行政规范性文件6233440')."""
    stripped = field.strip()
    if not stripped:
        return []
    s0 = start + len(field) - len(field.lstrip())
    if stripped in PLACEHOLDERS:
        return [Token(Tok.PLACEHOLDER, stripped, s0, s0 + len(stripped))]
    if _PLACEHOLDER_COL.match(stripped):
        return []
    if _PLAIN_NUMBER.match(stripped):
        return [Token(Tok.VALUE, stripped, s0, s0 + len(stripped))]
    if _is_prose(stripped):
        return [Token(Tok.LABEL, stripped, s0, s0 + len(stripped))]
    text = stripped
    out: list[Token] = []

    def emit(kind: Tok, a: int, b: int) -> None:
        seg = text[a:b]
        if not seg.strip():
            return
        a += len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if kind is Tok.LABEL and _UNITS_ONLY.fullmatch(seg):
            return
        out.append(Token(kind, seg, s0 + a, s0 + a + len(seg)))

    cursor = 0
    for m in _PIECE.finditer(text):
        ns, ne = m.span(1)
        digits = m.group(1).lstrip("+-")
        before, after = text[:ns], text[ne:]
        if digits.isdigit() and not m.group(2) and _NUMBERING_AFTER.match(after):
            if len(digits) == 1:
                continue  # "1.属于国家秘密": numbering stays in the label
            emit(Tok.LABEL, cursor, ns)  # "00000002.其他…": glued values, then numbering
            emit(Tok.VALUE, ns, ne - 1)
            cursor = ne - 1
            continue
        if before.endswith(("(", "第")) or (not m.group(2) and after[:1] and after[0] in "年月日)号类"):
            continue  # "第(1)项", "2024年": part of a label
        emit(Tok.LABEL, cursor, ns)
        emit(Tok.VALUE, ns, ne)
        cursor = m.end()
    emit(Tok.LABEL, cursor, len(text))
    return out


def tokenize(folded: str, start: int, end: int) -> list[Token]:
    """Tokens of ``folded[start:end]`` (folded text, same offsets as the original)."""
    tokens: list[Token] = []
    pos = start
    for line in folded[start:end].split("\n"):
        base = pos
        pos += len(line) + 1
        if not line.strip() or _MD_RULE.match(line) or _PAGE_FOOTER.match(line):
            continue
        lstripped = line.lstrip()
        if lstripped.startswith("#"):
            hashes = len(lstripped) - len(lstripped.lstrip("#"))
            offset = len(line) - len(lstripped) + hashes
            line = " " * offset + line[offset:]
        line = line.replace("**", "  ")
        fields, explicit = _split_fields(line, base)
        piped = explicit and len(fields) > 1
        line_tokens: list[list[Token]] = [_pieces(f, s) for f, s in fields]
        if piped:
            nonempty = [i for i, t in enumerate(line_tokens) if t]
            # one-cell-per-line pipe style: a line holding just " |" is a blank cell
            if not nonempty and line.strip() == "|":
                tokens.append(Token(Tok.EMPTY, "", base + line.index("|"), base + line.index("|")))
                continue
            # an empty field strictly between two value fields is a blank cell
            for i, toks in enumerate(line_tokens):
                if toks or not nonempty or i < nonempty[0] or i > nonempty[-1]:
                    tokens.extend(toks)
                    continue
                prev = next(line_tokens[j][-1] for j in range(i - 1, -1, -1) if line_tokens[j])
                nxt = next(line_tokens[j][0] for j in range(i + 1, len(line_tokens)) if line_tokens[j])
                if prev.kind in (Tok.VALUE, Tok.PLACEHOLDER) and nxt.kind in (Tok.VALUE, Tok.PLACEHOLDER):
                    at = fields[i][1]
                    tokens.append(Token(Tok.EMPTY, "", at, at))
        else:
            for toks in line_tokens:
                tokens.extend(toks)
    return _split_spaced(tokens)


def _split_spaced(tokens: list[Token]) -> list[Token]:
    """A label token that is really 'label 0 0 0' separated by single spaces was already split by
    ``_pieces``; here we only drop spacing artefacts such as a label made of nothing but dashes."""
    return [t for t in tokens if not (t.kind is Tok.LABEL and not compact(t.text).strip("-_=~*·.、"))]

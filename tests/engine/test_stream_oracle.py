"""The tokenizer against a frozen copy of the implementation it replaced (round 4 of the speed work: one
gap split in two groups, the gap's length and line breaks counted in the loop, the separator patterns
opening with a set), on random table text, random unicode and the sample report: the same tokens and the
same cleaned text on every input. The oracle is kept verbatim; it is not to be changed with stream.py."""
# ruff: noqa
from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from core.extraction import stream
from core.extraction.stream import Tok, Token
from core.template import PLACEHOLDERS

# ---- the oracle: core/extraction/stream.py as of b5c85dc, from its patterns on -------------------------
NUMBER_RE = r"[+-]?\d[\d,]*+(?:\.\d+|)"
# Groups: the gap before a token (whitespace, pipes/tabs, masked fields) in two parts, then the token:
# a number and its unit, or text (never holding whitespace, a separator or a mask); at the end of the
# text, the gap after the last token and no token. Every character is in one of them, so each match
# starts where the one before ended: ``findall`` gives the strings, and their offsets follow by adding
# lengths, with no match objects. Separators and whitespace are most of the atoms of a table, yet only
# matter where a gap holds two separators (a blank field), so they stay inside the gap: its first part
# holds at most one separator or mask, the second (mostly empty) the rest from the next one on.
# A character after a gap always starts a token, so nothing is ever given back: possessive repeats, and
# ``|)`` for an optional part (cheaper than ``?`` on a group, the same match). A number without a unit
# also gets the character after it when that one may make it a label or an item number (a look-ahead
# group, empty otherwise): the common plain value then needs no test of its own in the loop.
_ATOM = stream._compile(rf"([^\S\t]*+(?:[|\t\x00][^\S\t]*+|))([\s|\x00]*+)"
                   rf"(?:({NUMBER_RE})(?:(人次|万元|[件条个宗项次元])|(?=([年月日号类%)\].、]|)))|([^\d|\s\x00]++)|\Z)")
_SEPARATORS = re.compile(r"([|\t])")
# digits that belong to the label around them: 2024年, 第711号, (1), [2021] (these and the numbering
# marks are the look-ahead group of ``_ATOM``)
_LABEL_AFTER = frozenset("年月日号类%)]")
_LABEL_BEFORE = frozenset("(第[")
_UNITS = frozenset(("人次", "万元", "件", "条", "个", "宗", "项", "次", "元"))
# (possessive where what follows a repeat can never start with what it repeats: the same matches, found
# without trying to give characters back)
_FOOTER = r"(?:-++ *+\d{1,3}+ *+-++|第 *+\d{1,3}+ *+页(?: *[,/]? *共 *\d{1,3} *页)?|\d{1,3}+ *+/ *\d{1,3}|共 *\d{1,3} *页 *第 *\d{1,3} *页)"
# The patterns of whole lines or line starts match the line break before the line (clean_layout puts one
# before the first line): a pattern that starts with a character is searched for by it, one that starts
# with ``^`` is tried at every offset.
# whole lines that are layout: markdown rules, page footers (The look-ahead holds the first character of
# each alternative: most lines fail there. The indent is possessive: an alternative starts with an
# optional indent of its own or with a character that is not one.)
_LAYOUT_LINE = stream._compile(rf"\n[ \t]*+(?=[|:\-第共\d])"
                          rf"(?:\|?[ \t]*:?-{{3,}}:?[ \t]*(?:\|[ \t]*:?-{{2,}}:?[ \t]*)*\|?|{_FOOTER})[ \t]*$", re.M)
_HEADING_MARK = re.compile(r"(\n[ \t]*)(#+)")
# a page number at the start of a line, where a page break (form feed) left it: '- 5 -法提供…'
_LEADING_FOOTER = stream._compile(r"\n[ \t]*+-++ ?\d{1,3}+ ?-++(?![\d-])")
_PAGE_MARK = re.compile(r"第 *\d{1,3} *页 *[,/]? *共 *\d{1,3} *页|共 *\d{1,3} *页 *第 *\d{1,3} *页")
# pipe/tab fields that are layout: a converter's column names, a page footer caught inside a table
# (Both start with the separator before the field, not a look-behind: a pattern that starts with a
# character set is searched for by that set instead of being tried at every offset.)
# (The look-aheads right after the separator fail most fields before the repeats are entered: for a layout
# field they hold the first characters of the alternatives, for a numbered one the start of the first
# field. The name of a numbered field is the whole run of name characters before its number: lazy or
# possessive, the same match.)
_LAYOUT_FIELD = stream._compile(rf"([|\t])([ ]*+(?=[cun第共\d-])(?:Col(?:umn)? *\d+|Unnamed: *\d+|nan|None|NaN|{_FOOTER})[ ]*)"
                           r"(?=[|\t\n]|$)", re.I)
_NAMED_RUN = stream._compile(r"([|\t])(?=[ ]*+[^\d\s|+\-.,]{1,6}+ *+\d)"
                        r"((?:[ ]*+[^\d\s|+\-.,]{1,6}+ *+\d{1,3}+[ ]*+(?:[|\t]|$)){2,})")
_NUMBERED_NAME = re.compile(r"^ *([^\d\s|+\-.,]{1,6}?) *(\d{1,3}) *$")
# Markup left in text by converters and copy-paste: a table cell opens a field, a table row ends a line,
# anything else (<br>, <p>, **bold**, &nbsp;) is blank space.
_MARKUP = re.compile(r"<(/?)(t[dh]|tr)\b[^<>]{0,200}>|<[^<>\n]{0,80}>|&nbsp;|\*\*|__", re.I)


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _line_spaces(m: re.Match[str]) -> str:
    """``_spaces`` for a match of a line pattern, keeping the line break it starts with."""
    return "\n" + " " * (len(m.group()) - 1)


_MASK = "\x00"  # marks a blanked field until its line is settled
_MASKED_LINE = re.compile(r"\n[|\t \x00]*\x00[|\t \x00]*$", re.M)


def _blank_field(m: re.Match[str]) -> str:
    return m.group(1) + _MASK * len(m.group(2))


def _named_run(m: re.Match[str]) -> str:
    """'数据1 | 数据2 | 数据3': one word numbered in a row is a header a converter invented."""
    sep, run = m.groups()
    parts = re.split(r"([|\t])", run)
    named = [_NUMBERED_NAME.match(x) for x in parts[0::2] if x.strip()]
    if len(named) < 2 or None in named or len({x.group(1) for x in named}) != 1:
        return m.group()
    numbers = [int(x.group(2)) for x in named]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return m.group()
    return sep + "".join(x if i % 2 else _MASK * len(x) for i, x in enumerate(parts))


def _markup(m: re.Match[str]) -> str:
    n = len(m.group())
    if m.group(2):
        tag = m.group(2).lower()
        if tag == "tr":
            return "\n" + " " * (n - 1)
        return " " * n if m.group(1) else "|" + " " * (n - 1)
    return " " * n


def _may_hold_layout_field(text: str) -> bool:
    """Whether ``_LAYOUT_FIELD`` can match: a page footer needs a dash, a slash or 页, a column name one
    of these words (its letters have no case-insensitive match outside ASCII, so each needs a c or an n
    in some case: most tables have neither, and are not lowered)."""
    if "-" in text or "/" in text or "页" in text:
        return True
    if "n" not in text and "N" not in text and "c" not in text and "C" not in text:
        return False
    lower = text.lower()
    return "col" in lower or "unnamed" in lower or "nan" in lower or "none" in lower


def clean_layout(text: str) -> str:
    """Blank out what is layout, not content (markup, markdown rules and heading marks, page footers,
    converter column names). Same length in, same length out, so offsets still point at the original."""
    text = "\n" + text  # the line break before the first line, for the line patterns; taken off at the end
    if "<" in text or "&" in text or "**" in text or "__" in text:
        text = _MARKUP.sub(_markup, text)
    if "-" in text:  # a markdown rule or page footer has a dash, a slash or 页
        text = _LEADING_FOOTER.sub(_line_spaces, _LAYOUT_LINE.sub(_line_spaces, text))
    elif "/" in text or "页" in text:
        text = _LAYOUT_LINE.sub(_line_spaces, text)
    if "#" in text:
        text = _HEADING_MARK.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    if "页" in text:
        text = _PAGE_MARK.sub(_spaces, text)
    if "|" in text or "\t" in text:
        if _may_hold_layout_field(text):
            text = _LAYOUT_FIELD.sub(_blank_field, text)
        text = _NAMED_RUN.sub(_named_run, text)
        if _MASK in text:
            # a line left with nothing but separators was a layout row: none of its fields is a cell;
            # a blanked field inside a row is not a blank cell either
            text = _MASKED_LINE.sub(_line_spaces, text)
    return text[1:]


def tokenize(folded: str, start: int, end: int) -> list[Token]:
    """Tokens of ``folded[start:end]`` (folded text: same offsets as the original)."""
    text = clean_layout(folded[start:end])
    # the kinds as locals: an enum member looked up on its class costs ten times as much
    label, value, placeholder, num_kind = Tok.LABEL, Tok.VALUE, Tok.PLACEHOLDER, Tok.NUM
    tokens: list[Token] = []
    append = tokens.append
    new = object.__new__
    n = len(text)
    pos = start             # the end of the last match (an offset in ``folded``): where the next one starts
    line = 0
    blanks: list[tuple[int, int]] = []   # blank fields a token match followed, waiting for the next token
    mark = False            # the last token is a NUM that took the numbering mark starting this match
    for gap, rest, num, unit, after, word in _ATOM.findall(text):
        if rest:  # a second separator or mask: there may be blank fields
            gap += rest
            if num or word:  # (else the gap after the last token: the table ended before them)
                blanks += _blank_fields(text, gap, pos - start, line, start)
        if "\n" in gap:
            line += gap.count("\n")
        a = pos + len(gap)
        if word:
            pos = stop = a + len(word)
            if mark:
                word, a, mark = word[1:], a + 1, False  # the numbering mark, already in the NUM token
                if not word:
                    continue
            elif word in _UNITS and not blanks and tokens and tokens[-1].kind is value:
                continue  # '0 件': the unit of the number before, set off by a space
            kind = placeholder if word in PLACEHOLDERS else label
        elif num:
            word = num  # (the token's text, whichever its kind)
            pos = stop = a + len(num)
            if unit:  # (rare: an add of its length costs as much as the tests of the common number)
                pos += len(unit)
            kind = value
            # (after a gap, the character before is whitespace or a separator)
            if not gap and not unit and a > start and text[a - start - 1] in _LABEL_BEFORE:
                kind = label
            elif after:
                if after in _LABEL_AFTER:
                    kind = label
                elif num.isdigit() and num[-1] in "12345678" and (stop + 1 - start >= n or not text[stop + 1 - start].isdigit()):
                    glue = len(num) > 1
                    if blanks:
                        _settle(blanks, tokens, value if glue else num_kind)
                    if glue:
                        append(Token(value, num[:-1], a, stop - 1, line))
                    append(Token(num_kind, num[-1] + after, stop - 1, stop + 1, line, glue=glue))
                    mark = True
                    continue
        else:
            break  # the gap after the last token
        if blanks:
            _settle(blanks, tokens, kind)
        # the token made without ``Token.__init__``, its fields set as that init sets them (a test keeps
        # the list of fields): the call of a Python-level init costs more than setting them here
        t = new(Token)
        t.kind = kind
        t.text = word
        t.start = a
        t.end = stop
        t.line = line
        t.hard = True
        t.glue = False
        append(t)
    if blanks:
        _settle(blanks, tokens, None)
    return tokens


def _blank_fields(text: str, gap: str, at: int, line: int, start: int) -> list[tuple[int, int]]:
    """The blank fields (offset of the separator closing each, line) in ``gap``, the gap at ``at``
    before a token. What they are depends on the gap alone but in one rare case (``_gap_fields``), and
    a table repeats a handful of gaps (' |\n| ' between all its rows), so that is worked out once a gap."""
    # (a loop: a gap holds one or two, and a list comprehension's own call costs more)
    fields: list[tuple[int, int]] = []
    for off, breaks, sure in _gap_fields(gap):
        if sure or _pipe_only_line(text, at + off):
            fields.append((start + at + off, line + breaks))
    return fields


@lru_cache(maxsize=4096)
def _gap_fields(gap: str) -> tuple[tuple[int, int, bool], ...]:
    """The blank fields of ``gap``, a gap followed by a token: (offset of the separator closing each in
    the gap, line breaks before it, whether it is one for sure — if not, it is one if that separator is
    alone on its line, which depends on the text before the gap). Every separator of a gap but the first
    closes a field that holds no token."""
    fields: list[tuple[int, int, bool]] = []
    parts = _SEPARATORS.split(gap)  # [before, sep, field, sep, field, …, sep, after]
    at = len(parts[0]) + 1
    line = parts[0].count("\n")
    for i in range(3, len(parts), 2):
        field, sep = parts[i - 1], parts[i]
        at += len(field)
        breaks = field.count("\n")
        # a blank cell: spaces (or nothing, between tabs) with no line break — a line break is a row
        # boundary, unless the line holds nothing but this separator (' |'); a field blanked as layout
        # is not a blank cell (a field is whitespace and masks only: without a mask, it is all blank)
        if _MASK in field:
            pass
        elif not breaks and (field or sep == "\t"):
            fields.append((at, line, True))
        elif (alone := _alone_in_gap(gap, at)) is not False:
            fields.append((at, line + breaks, alone is True))
        line += breaks
        at += 1
    return tuple(fields)


def _alone_in_gap(gap: str, at: int) -> bool | None:
    """``_pipe_only_line`` for the separator at ``at`` in ``gap``, a gap followed by a token, as far as
    the gap tells: the token ends the line unless a line break follows in the gap, and the first
    separator of the gap is on the line unless a line break comes after it (or it is a tab, which is
    whitespace: then the line may start before the gap, and None says the text must tell)."""
    right = gap.find("\n", at + 1)
    if right < 0 or gap[at + 1:right].strip():
        return False
    left = gap.rfind("\n", 0, at)
    if left >= 0:
        return not gap[left + 1:at].strip()
    return False if gap[:at].strip() else None


def _pipe_only_line(text: str, at: int) -> bool:
    """The separator at ``at`` is alone on its line (one cell per line, this one blank: ' |')."""
    left = text.rfind("\n", 0, at)
    right = text.find("\n", at)
    right = len(text) if right < 0 else right
    return not text[left + 1:at].strip() and not text[at + 1:right].strip()


_CELLS = (Tok.VALUE, Tok.PLACEHOLDER)


def _settle(blanks: list[tuple[int, int]], tokens: list[Token], following: Tok | None) -> None:
    """Emit the blank fields between the last token and one of kind ``following`` (None: the end).
    A blank field between two values is a blank cell; next to a label it may be one (``hard`` False:
    the row decides by counting); between two labels it is layout, dropped."""
    before = bool(tokens) and tokens[-1].kind in _CELLS
    after = following in _CELLS
    if before or after:
        hard = before and after
        for at, at_line in blanks:  # (mostly one: a list comprehension's own call costs more)
            tokens.append(Token(Tok.EMPTY, "", at, at, at_line, hard))
    blanks.clear()


# ---- the tests -------------------------------------------------------------------------------------------
_PIECES = ["0", "12", "3.", "1,234.5", "-5", "+", "-", "2024年", "第", "(1)", "[", "]", "%", "、", ".", ",",
           "规章", "件", "人次", "万元", "元", "无", "/", "—", "不适用", "x", "×", "号", "类", "月", "日", "页",
           "1.属于", "2.其他", "9", "8", "0 件", "12 |", " ", "  ", "\t", "|", "|", "||", " | ", "\n", "\n",
           "\n\n  ", _MASK, "Col1", "Column 2", "Unnamed: 3", "nan", "None", "NaN", "- 5 -", "第 3 页",
           "共 4 页", "第 1 页 / 共 2 页", "1/3", "---", "|---|:--|", ":--", "#", "## ", "<td>", "</td>",
           "<tr>", "<br>", "&nbsp;", "**", "__", "数据1", "数据2", "数据3", " 数据 4 ",
           # digits and spaces of other scripts (\d and \s match them), full-width forms, line separators
           "\u0663", "\u0967", "\uff11", "\uff10", "\u2003", "\u00a0", "\u3000", "\x0b", "\x1c", "\u2028",
           "\u0085", "\r", "\x0c", "\uff5c", "\uff08", "\u00b2", "\U0001d7ce", "\u4e00", "\U00020000"]


def _random_text(rnd: random.Random) -> str:
    return "".join(rnd.choice(_PIECES) if rnd.random() < 0.9 else chr(rnd.randint(1, 0x2FFFF))
                   for _ in range(rnd.randint(0, 40)))


def _same(text: str, start: int, end: int) -> None:
    assert stream.clean_layout(text[start:end]) == clean_layout(text[start:end]), repr(text[start:end])
    assert stream.tokenize(text, start, end) == tokenize(text, start, end), repr(text[start:end])


def test_tokens_are_those_of_the_oracle_on_random_text() -> None:
    rnd = random.Random(29)
    for _ in range(20000):
        body = _random_text(rnd)
        before, after = "x" * rnd.randint(0, 3), rnd.choice(["", "1", "年", "\n"])
        text = before + body + after
        _same(text, len(before), len(before) + len(body))


def test_tokens_are_those_of_the_oracle_on_table_rows() -> None:
    """Whole tables: rows of cells in each serialisation (pipes, tabs, one cell a line, glued)."""
    rnd = random.Random(31)
    cells = ["规章", "行政规范性文件", "0", "14", "1,024", "12.5", "-", "/", "", " ", "3件", "2024年", "(一)予以公开",
             "1.属于国家秘密", "Col1", "数据2", "\uff11\uff12", "\u0663"]
    for _ in range(4000):
        rows = [[rnd.choice(cells) for _ in range(rnd.randint(1, 6))] for _ in range(rnd.randint(1, 6))]
        sep = rnd.choice([" | ", "|", "\t", " |\n", "\n", ""])
        lead, end = rnd.choice([("| ", " |"), ("", ""), ("\t", "\t")])
        text = "\n".join(lead + sep.join(row) + end for row in rows)
        _same(text, 0, len(text))


def test_tokens_are_those_of_the_oracle_on_the_sample_report() -> None:
    text = (Path(__file__).parent / "data" / "tiny_report.txt").read_text(encoding="utf-8")
    rnd = random.Random(37)
    for _ in range(300):
        start = rnd.randint(0, len(text))
        _same(text, start, min(len(text), start + rnd.randint(0, 3000)))

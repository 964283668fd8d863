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
import sys
from dataclasses import dataclass
from enum import Enum

from core.template import PLACEHOLDERS


class Tok(str, Enum):
    LABEL = "label"
    VALUE = "value"          # number-like text (may still be negative, decimal, or several glued cells)
    PLACEHOLDER = "placeholder"
    EMPTY = "empty"          # an explicit blank field ("| 0 |   | 3 |")
    NUM = "num"              # a digit that may be an item number ("2." in "…00000002.其他法律…")


@dataclass(slots=True)
class Token:  # not frozen: tokens are made by the thousand and a frozen init costs twice as much
    kind: Tok
    text: str    # folded text of the token (same length as the source slice; no whitespace)
    start: int
    end: int
    line: int = 0       # line number inside the region (row structure, where the text has lines)
    hard: bool = True   # EMPTY only: between two values (a cell for sure) rather than next to a label
    glue: bool = False  # NUM only: split off a digit run with no separator before it


# A number as printed: sign, digits with optional thousands separators, decimals, optional unit.
NUMBER_RE = r"[+-]?\d[\d,]*+(?:\.\d+|)"
# Possessive repeats (``*+``, ``++``, ``{m,n}+``) exist from Python 3.11 on. Each one here only spares
# backtracking that can never find another match, so on 3.10 the plain repeat is the same pattern.
_POSSESSIVE = sys.version_info >= (3, 11)


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern if _POSSESSIVE else re.sub(r"(?<=[*+}])\+", "", pattern), flags)


# Groups: the gap before a token (whitespace, pipes/tabs, masked fields), then the token: a number and
# its unit, or text (never holding whitespace, a separator or a mask); at the end of the text, the gap
# after the last token and no token. Every character is in one of them, so each match starts where the
# one before ended: ``findall`` gives the strings, and their offsets follow by adding lengths, with no
# match objects. A table repeats a handful of distinct gaps (' |\n', '\t', ' | '), so what the loop needs
# of a gap (its length, line breaks and blank fields) is worked out once a gap (``_GAPS``).
# A character after a gap always starts a token, so nothing is ever given back: possessive repeats, and
# ``|)`` for an optional part (cheaper than ``?`` on a group, the same match). A number without a unit
# also gets the character after it when that one may make it a label or an item number (a look-ahead
# group, empty otherwise): the common plain value then needs no test of its own in the loop. Most numbers
# are followed by a gap: an alternative that looks for one first spares them the tests of the other two,
# which match nothing there.
_ATOM = _compile(rf"([\s|\x00]*+)(?:({NUMBER_RE})(?:(?=[\s|\x00])|(人次|万元|[件条个宗项次元])|(?=([年月日号类%)\].、]|)))"
                   rf"|([^\d|\s\x00]++)|\Z)")
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
# whole lines that are layout: markdown rules, page footers, and a page number at the start of a line,
# where a page break (form feed) left it: '- 5 -法提供…' (one pattern: one attempt at each line. Whole lines
# are matched first, as a pass for them before one for the page numbers would: a match of either stays
# within its line, so blanking one line changes nothing the other looks at. The look-ahead holds the first
# character of each alternative: most lines fail there. The indent is possessive: an alternative starts
# with an optional indent of its own or with a character that is not one.)
_LAYOUT_LINE = _compile(rf"\n[ \t]*+(?=[|:\-第共\d])"
                          rf"(?:(?:\|?[ \t]*+:?-{{3,}}+:?[ \t]*(?:\|[ \t]*:?-{{2,}}:?[ \t]*)*\|?|{_FOOTER})[ \t]*$"
                          rf"|-++ ?\d{{1,3}}+ ?-++(?![\d-]))", re.M)
_HEADING_MARK = re.compile(r"(\n[ \t]*)(#+)")
_PAGE_MARK = re.compile(r"第 *\d{1,3} *页 *[,/]? *共 *\d{1,3} *页|共 *\d{1,3} *页 *第 *\d{1,3} *页")
# pipe/tab fields that are layout: a converter's column names, a page footer caught inside a table
# (Both start with the separator before the field, not a look-behind: a pattern that starts with a
# character set is searched for by that set instead of being tried at every offset. A table's text holds
# pipes or tabs, seldom both, so each is compiled three times, opening with ``\|``, ``\t`` or
# ``[|\t]``, and used as the text's separators say: one that opens with a literal is searched for by a
# fast scan for that character, where a set is tested at every character, and in a text without tabs
# ``[|\t]`` is ``\|``, in one without pipes ``\t``.)
# (The look-aheads right after the separator fail most fields before the repeats are entered: for a layout
# field they hold the first characters of the alternatives, for a numbered one the start of the first
# field. The name of a numbered field is the whole run of name characters before its number: lazy or
# possessive, the same match.)
# the opening of a separator-led pattern for a text with pipes only, tabs only, or both
_SEPARATOR_OPENINGS = {"|": r"\|", "\t": r"\t", "|\t": r"[|\t]"}


def _by_separators(pattern: str) -> dict[str, re.Pattern[str]]:
    """``pattern``, which opens with ``{sep}``, compiled with each of ``_SEPARATOR_OPENINGS`` (the key
    for a text is ``_separators``)."""
    return {seps: _compile(pattern.replace("{sep}", opening, 1)) for seps, opening in _SEPARATOR_OPENINGS.items()}


def _separators(text: str) -> str:
    """The key of a ``_by_separators`` pattern for ``text``, which holds a pipe or a tab."""
    if "\t" not in text:
        return "|"
    return "\t" if "|" not in text else "|\t"


def _any_case(word: str) -> str:
    """``word`` in any case, spelt with a set for each letter: the same matches as ``re.I`` (no character
    outside ASCII matches these letters case-insensitively), and several times cheaper to match."""
    return "".join(f"[{c}{c.swapcase()}]" if c.isalpha() else re.escape(c) for c in word)


_COLUMN_NAME = (rf"(?:{_any_case('col')}(?:{_any_case('umn')})?|{_any_case('unnamed:')}) *\d+"
                rf"|{_any_case('nan')}|{_any_case('none')}")
# (by whether the text holds a slash: the look-ahead holds a digit only then, as a field can start with
# one only in a page footer '1/3')
_LAYOUT_FIELD = {slash: _by_separators(rf"({{sep}})([ ]*+(?=[cCuUnN第共{digit}-])(?:{_COLUMN_NAME}|{_FOOTER})[ ]*)"
                                       r"(?=[|\t\n]|$)")
                 for slash, digit in ((False, ""), (True, r"\d"))}
_NAMED_RUN = _by_separators(r"({sep})(?=[ ]*+[^\d\s|+\-.,]{1,6}+ *+\d)"
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
    if "-" in text or "/" in text or "页" in text:  # a markdown rule or page footer has one of them
        text = _LAYOUT_LINE.sub(_line_spaces, text)
    if "#" in text:
        text = _HEADING_MARK.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    if "页" in text:
        text = _PAGE_MARK.sub(_spaces, text)
    if "|" in text or "\t" in text:
        seps = _separators(text)
        if _may_hold_layout_field(text):
            text = _LAYOUT_FIELD["/" in text][seps].sub(_blank_field, text)
        text = _NAMED_RUN[seps].sub(_named_run, text)
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
    gaps = _GAPS
    for gap, num, unit, after, word in _ATOM.findall(text):
        try:  # (the gap seen before: most are)
            size, breaks, fields = gaps[gap]
        except KeyError:
            size, breaks, fields = _gap_info(gap)
        if fields and (num or word):  # (else the gap after the last token: the table ended before them)
            blanks += _blank_fields(text, fields, pos - start, line, start)
        if breaks:
            line += breaks
        a = pos + size
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


def _blank_fields(text: str, fields: tuple[tuple[int, int, bool], ...], at: int, line: int,
                  start: int) -> list[tuple[int, int]]:
    """The blank fields (offset of the separator closing each, line) of a gap at ``at`` before a token,
    whose ``_gap_fields`` are ``fields``: what they are depends on the gap alone but in one rare case."""
    # (a loop: a gap holds one or two, and a list comprehension's own call costs more)
    found: list[tuple[int, int]] = []
    for off, breaks, sure in fields:
        if sure or _pipe_only_line(text, at + off):
            found.append((start + at + off, line + breaks))
    return found


_GapInfo = tuple[int, int, tuple[tuple[int, int, bool], ...]]
# gap → _gap_info(gap), filled by it (a plain dict: its look-up is the cheapest, in the loop of tokenize)
_GAPS: dict[str, _GapInfo] = {}


def _gap_info(gap: str) -> _GapInfo:
    """What tokenize needs of ``gap``: its length, its line breaks and its ``_gap_fields``. Kept in
    ``_GAPS``, which is cleared when full (a gap of whitespace can be of any length)."""
    if len(_GAPS) >= 4096:
        _GAPS.clear()
    info = _GAPS[gap] = (len(gap), gap.count("\n"), _gap_fields(gap))
    return info


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

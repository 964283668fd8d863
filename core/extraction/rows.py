"""Token stream → the rows of one table, by the template's label sequence.

The labels of the official form, in their order, are the anchors: whatever values lie between one row's
label and the next belong to that row. Labels are matched on the text of a *run* (every label token between
two values, separators dropped), so a label split over cells, lines or pages still matches, and the whole
choice is made at once: the longest sequence of rows in template order (a column header that happens to
read 总计 never takes the place of （七）总计). What the anchors leave over is sorted out from its shape:
header words inside a row keep it open (table C as three rows of five, a header repeated after a page
break), short text is a text cell, prose ends the row, and labels printed as a block above or below their
block of values are paired with them by count.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache, partial
from itertools import accumulate, groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

try:  # the regex module's parser: private, and named so from Python 3.11 on
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # Python 3.10
    import sre_constants
    import sre_parse as sre_parser

from core.extraction.chain import heaviest_chain
from core.extraction.literal_scan import matches_at
from core.extraction.normalize import compact, fold
from core.extraction.stream import Tok, Token
from core.template import TABLES, TableSpec, item_number

_SENTENCE = re.compile(r"[。；;！？!?]|,.*,.*,")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d[.、])")
_PUNCT_CHARS = "()[]:,.、;\"'“”‘’*#_~·-/"
_PUNCT = re.compile(f"[{re.escape(_PUNCT_CHARS)}]")
FUZZY_MIN = 0.72
# Token kinds as module constants: on Python 3.11 a look-up on an Enum class (``Tok.LABEL``) goes
# through ``EnumType.__getattr__``'s hook, some 1,000 instructions, more than the tests they are used in.
_LABEL, _NUM, _VALUE, _EMPTY = Tok.LABEL, Tok.NUM, Tok.VALUE, Tok.EMPTY


class Run:
    """The texts of label tokens with no value between them; ``compact`` is them joined (tokens hold no
    whitespace, so it is the text without whitespace)."""

    __slots__ = ("texts", "compact")

    def __init__(self, texts: tuple[str, ...]) -> None:
        self.texts = texts
        self.compact = "".join(texts)


@dataclass(slots=True)
class Anchor:
    key: str          # row key, or "group:<key>" for a group label
    run: int
    pos: int          # where the label match starts in the run's compact text
    end: int
    order: float      # position in the template
    weight: float
    fuzzy: bool = False  # matched by similarity, not by the label's words


@dataclass(slots=True)
class RowRead:
    """One row as read: the label that named it and the cells in reading order (VALUE, PLACEHOLDER,
    EMPTY, or LABEL for a text cell)."""

    key: str
    label: str
    label_span: tuple[int, int]
    items: list[Token] = field(default_factory=list)
    is_group: bool = False
    fuzzy: bool = False


# A row pattern and the strings one of which every match of it contains, so that a text holding none
# of them is not searched (("",) when nothing is known: every text holds the empty string).
Pattern = tuple[re.Pattern[str], tuple[str, ...]]


@lru_cache(maxsize=None)
def _patterns(table: str) -> tuple[tuple[str, float, tuple[Pattern, ...], tuple[Pattern, ...], tuple[Pattern, ...]], ...]:
    """(key, template order, free patterns, patterns anchored to a run's start or end, whole-cell
    patterns) for every row and group label."""
    spec = TABLES[table]
    out = []
    order = {r.key: i for i, r in enumerate(spec.rows)}

    def split(patterns: tuple[str, ...]):
        whole = [p for p in patterns if p.startswith("^") and p.endswith("$")]
        rest = [p for p in patterns if p not in whole]
        anchored = [p for p in rest if "^" in p.replace("[^", "") or p.endswith("$")]
        free = [p for p in rest if p not in anchored]
        return tuple(tuple((re.compile(p), _required(p) or ("",)) for p in group) for group in (free, anchored, whole))

    for r in spec.rows:
        out.append((r.key, float(order[r.key]), *split(r.patterns)))
    for g in spec.groups:
        out.append((f"group:{g.key}", order[g.children[0]] - 0.5, *split(g.patterns)))
    return tuple(out)


@lru_cache(maxsize=None)
def _literal_patterns(table: str) -> tuple[tuple[str, int, str, float], ...]:
    """(the text, label number, key, template order) of every free pattern that is plain text: its
    matches are the occurrences ``str.find`` finds, each search starting where the last match ended,
    as ``finditer`` would, without the regex engine or match objects."""
    return tuple((literal, n, key, order) for n, (key, order, free, _, _) in enumerate(_patterns(table))
                 for p, _ in free for literal in [_literal(p.pattern)] if literal)


@lru_cache(maxsize=None)
def _free_patterns(table: str) -> tuple[tuple[Callable[[str], Iterator[re.Match[str]]], tuple[str, ...], int, str, float],
                                        ...]:
    """(its matches in a text, what it requires, label number, key, template order) of every free
    pattern that is not plain text."""
    out = []
    for n, (key, order, free, _, _) in enumerate(_patterns(table)):
        for p, required in free:
            if _literal(p.pattern):
                continue
            opening = _opening(p.pattern)
            out.append((partial(matches_at, p, (opening,)) if opening else p.finditer, required, n, key, order))
    return tuple(out)


@lru_cache(maxsize=None)
def _run_patterns(table: str) -> tuple[tuple[int, str, float, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...],
                                             tuple[str, ...]], ...]:
    """(label number, key, template order, anchored patterns, whole-cell patterns, what they require)
    of the labels that have patterns tried run by run."""
    return tuple((n, key, order, tuple(p for p, _ in anchored), tuple(p for p, _ in whole),
                  tuple(sorted({s for _, required in anchored + whole for s in required})))
                 for n, (key, order, _, anchored, whole) in enumerate(_patterns(table)) if anchored or whole)


_LITERAL, _BRANCH = sre_constants.LITERAL, sre_constants.BRANCH
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT))  # 3.11 on
_LOOKAROUND = (sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _parse(pattern: str) -> list | None:
    """The regex module's own parse of ``pattern``, the sequence of its items; None when a flag (ignore
    case) makes characters match more than themselves."""
    parsed = sre_parser.parse(pattern)
    return None if parsed.state.flags & re.IGNORECASE else list(parsed)


def _literal(pattern: str) -> str:
    """The text ``pattern`` matches when it matches nothing but that text, else ""."""
    items = _parse(pattern)
    if not items or any(op is not _LITERAL for op, _ in items):
        return ""
    return "".join(chr(char) for _, char in items)


def _opening(pattern: str) -> str:
    """The plain characters every match of ``pattern`` starts with, when it opens with a look-behind
    (or look-ahead) before them: the regex engine then tries every position, where a search for them
    finds the few that can match. "" for any other pattern (one opening with plain characters the
    engine searches for by itself)."""
    items = _parse(pattern) or []
    lead = 0
    while lead < len(items) and items[lead][0] in _LOOKAROUND:
        lead += 1
    if not lead:
        return ""
    chars = []
    for op, arg in items[lead:]:
        if op is not _LITERAL:
            break
        chars.append(chr(arg))
    return "".join(chars)


def _required(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, read from its parse: a run of plain
    characters in sequence, the alternatives of a branch, the body of a repeat taken at least once.
    None when there is none."""
    items = _parse(pattern)
    return None if items is None else _required_in(items)


def _required_in(items: list) -> tuple[str, ...] | None:
    """``_required`` of a parsed sequence."""
    found: list[tuple[str, ...]] = []
    for plain, group in groupby(items, lambda item: item[0] is _LITERAL):
        if plain:
            found.append(("".join(chr(char) for _, char in group),))
            continue
        for op, arg in group:
            if op is _BRANCH:
                alternatives = [_required_in(list(branch)) for branch in arg[1]]
                if all(alternatives):
                    found.append(tuple(s for alt in alternatives for s in alt))
            elif op in _REPEATS and arg[0] >= 1:
                inner = _required_in(list(arg[2]))
                if inner:
                    found.append(inner)
    # the fewest alternatives, then the longest: the test that fails most often
    return min(found, key=lambda alt: (len(alt), -min(map(len, alt))), default=None)


@lru_cache(maxsize=None)
def _header_words(table: str) -> tuple[str, ...]:
    spec = TABLES[table]
    words = {compact(fold(x)) for x in spec.columns + tuple(g for g, _, _ in spec.column_groups) + spec.markers
             + spec.header_words}
    words |= {w for x in spec.columns for w in x.split("·")}
    return tuple(sorted((w for w in words if len(w) >= 2), key=len, reverse=True))


@lru_cache(maxsize=None)
def _header_chars(table: str) -> frozenset[str]:
    """Every character a header may hold: those of its words, and punctuation."""
    return frozenset("".join(_header_words(table)) + _PUNCT_CHARS)


def is_header(table: str, text: str) -> bool:
    """Nothing but the table's own column and group words (a header, or a header repeated inside the table)."""
    rest = compact(text)
    if not _header_chars(table).issuperset(rest):
        return False  # a character of no header word is left over whatever words are taken out
    for w in _header_words(table):
        if w in rest:
            rest = rest.replace(w, "")
    return not _PUNCT.sub("", rest)


@lru_cache(maxsize=None)
def _label_words(table: str) -> str:
    """Every row label of the table, folded like the text, to tell a wrapped label's tail from a text cell."""
    spec = TABLES[table]
    return "".join([_standard(table, r.key) for r in spec.rows] + [_standard(table, g.key, True) for g in spec.groups])


class Segments(NamedTuple):
    """A table's tokens cut into label runs and value groups, which alternate, in reading order."""

    parts: list[list[Token]]
    first_run: int                    # 0 when the first part is a run, else 1
    texts: tuple[tuple[str, ...], ...]  # the token texts of each run


def _segments(tokens: list[Token]) -> Segments:
    """The parts and the runs' texts in one pass over the tokens (the texts are the key of the plan)."""
    parts: list[list[Token]] = []
    run_texts: list[tuple[str, ...]] = []
    labels: list[Token] = []
    texts: list[str] = []
    values: list[Token] = []
    for t in tokens:
        kind = t.kind
        if kind is _LABEL or kind is _NUM:
            if values:
                parts.append(values)
                values = []
            labels.append(t)
            texts.append(t.text)
        else:
            if labels:
                parts.append(labels)
                run_texts.append(tuple(texts))
                labels, texts = [], []
            values.append(t)
    if labels:
        parts.append(labels)
        run_texts.append(tuple(texts))
    if values:
        parts.append(values)
    first = tokens[0].kind if tokens else None
    return Segments(parts, 0 if first is _LABEL or first is _NUM else 1, tuple(run_texts))


# A candidate anchor while the chain is chosen, as a plain tuple (made by the dozen per table):
# (run, pos, −end, n, key, order, weight), n the number of its label in ``_patterns``. Sorting them
# orders by run, then start, the longest match first, then label: as the labels were searched, and
# two candidates alike so far are alike in every field.
Candidate = tuple[int, int, int, int, str, float, float]


def _candidates(spec: TableSpec, runs: list[tuple[int, Run, bool]]) -> list[Candidate]:
    """Every place a row or group label matches. The runs are searched as one string (joined by a
    character no label holds), so each pattern runs once per table, not once per run; patterns anchored
    to a run's start or end, and whole-cell patterns, are tried run by run. A pattern is tried only on
    text holding what it requires (a match inside a run, or inside one of its tokens, is inside the
    joined text too)."""
    joined = "\0".join([run.compact for _, run, _ in runs])
    starts, pos = [], 0
    for _, run, _ in runs:
        starts.append(pos)
        pos += len(run.compact) + 1
    weights = [1.5 if before_values else 1.0 for _, _, before_values in runs]
    out: list[Candidate] = []
    find = joined.find
    for literal, n, key, order in _literal_patterns(spec.id):
        a = find(literal)
        while a >= 0:
            b = a + len(literal)
            r = bisect_right(starts, a) - 1
            out.append((runs[r][0], a - starts[r], starts[r] - b, n, key, order, weights[r]))
            a = find(literal, b)
    has = joined.__contains__
    for matches, required, n, key, order in _free_patterns(spec.id):
        if any(map(has, required)):
            for m in matches(joined):
                a, b = m.span()
                r = bisect_right(starts, a) - 1
                out.append((runs[r][0], a - starts[r], starts[r] - b, n, key, order, weights[r]))
    for n, key, order, anchored, whole, needles in _run_patterns(spec.id):
        for r in _runs_holding(joined, starts, needles):
            seg_i, run, _ = runs[r]
            for p in anchored:
                for m in p.finditer(run.compact):
                    out.append((seg_i, m.start(), -m.end(), n, key, order, weights[r]))
            if whole:
                at = 0
                for c in run.texts:
                    if c and any(map(c.__contains__, needles)) and any(p.search(c) for p in whole):
                        out.append((seg_i, at, -(at + len(c)), n, key, order, weights[r]))
                    at += len(c)
    out.sort()
    return out


def _runs_holding(joined: str, starts: list[int], needles: tuple[str, ...]) -> list[int]:
    """The runs (as numbered by ``starts``, where each begins in ``joined``) whose text holds one of
    ``needles``, in order; every run when a needle is empty."""
    if "" in needles:
        return list(range(len(starts)))
    found: set[int] = set()
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = joined.find(needle, at + 1)
    return sorted(found)


def _follows(a: Candidate, b: Candidate) -> bool:
    """b may come after a: later in the template, and not before a's end."""
    return a[5] < b[5] and (a[0] < b[0] or a[0] == b[0] and -a[2] <= b[1])


def _best_sequence(cands: list[Candidate]) -> list[Anchor]:
    """The heaviest chain of anchors in reading order whose template order strictly increases."""
    return [Anchor(key, run, pos, -neg_end, order, weight)
            for run, pos, neg_end, _, key, order, weight in heaviest_chain(cands, itemgetter(6), _follows)]


def _label_text(run: Run, anchor: Anchor, standard: str, upto: int | None) -> str:
    """The row's label as the auditor reads it: from where the standard label would begin (its
    numbering, 行政 before 规范性文件…) when the text has it, to the next row's label — without a
    header or a group label glued in front of it."""
    keyword = run.compact[anchor.pos:anchor.end]
    at = standard.find(keyword)
    start = anchor.pos
    if at > 0 and run.compact[anchor.pos - at:anchor.pos] == standard[:at]:
        start = anchor.pos - at
    return run.compact[start:upto if upto is not None else len(run.compact)][:60]


class Label(NamedTuple):
    """What a row or group label stands for, by the anchor key naming it."""

    key: str              # the row's or the group's key
    group: bool
    standard: str         # as the form prints it (``_standard``)
    number: str | None    # the item number a row's label is printed with, as text


@lru_cache(maxsize=None)
def _labels(table: str) -> dict[str, Label]:
    """Every row and group label of the table, by anchor key."""
    spec = TABLES[table]
    out = {}
    for r in spec.rows:
        number = item_number(r)
        out[r.key] = Label(r.key, False, _standard(table, r.key), None if number is None else str(number))
    for g in spec.groups:
        out[f"group:{g.key}"] = Label(g.key, True, _standard(table, g.key, True), None)
    return out


@lru_cache(maxsize=None)
def _standard(table: str, key: str, group: bool = False) -> str:
    """A row's (or group's) label as the form prints it, folded and compacted like the text."""
    spec = TABLES[table]
    label = next(g.label for g in spec.groups if g.key == key) if group else spec.row(key).label
    return compact(fold(label))


def _fuzzy(spec: TableSpec, run: Run, keys: list[str]) -> tuple[str, int] | None:
    """A row label with a wrong or missing character: the most similar of the rows still unplaced,
    compared with the end of the run (a header or a group label may stand before the label).
    Returns the row and where its label starts in the run."""
    best, found = FUZZY_MIN, None
    for key in keys:
        label = _NUMBERING.sub("", _standard(spec.id, key).split("(区分")[0])
        if len(label) < 4:
            continue  # too short to tell a misprint from another word
        for extra in range(-2, 4):
            size = len(label) + extra
            if size < 3 or size > len(run.compact):
                continue
            tail = _NUMBERING.sub("", run.compact[-size:])
            ratio = SequenceMatcher(None, tail, label, autojunk=False).ratio()
            if ratio > best:
                best, found = ratio, (key, len(run.compact) - size)
    return found


class RowPlan(NamedTuple):
    """A row label found in a run: what it names, its text, and the run's tokens it spans."""

    label: Label
    text: str     # as the auditor reads it (``_label_text``)
    first: int    # its first token, and the token after its last (a label spans one at least)
    stop: int
    fuzzy: bool


class RunPlan(NamedTuple):
    """What a run holds: the row labels found in it, the token after the last of them, and whether
    its first token, when a NUM, is a digit to give back (``_give_back_numbering``); or, with no
    label, whether it is a header."""

    rows: tuple[RowPlan, ...]
    trailing: int | None  # None when the run ends with its last label
    header: bool
    # the first label starts after the first token, and its row is not printed with the number that
    # token's text opens with (the run's texts are the plan's key, so this is known with the plan)
    give_back: bool = False


class Plan(NamedTuple):
    """A table's label choice: for each part (``Segments.parts``) the run's plan, None for a value
    group; and the rows (numbered in reading order) that blocks of values are paired with."""

    parts: tuple[RunPlan | None, ...]
    paired: tuple[int, ...]


@lru_cache(maxsize=256)  # a plan and its key: about 10 kB
def _plan(table: str, texts: tuple[tuple[str, ...], ...], first_run: int, last_followed: bool) -> Plan:
    """The label choice of a table whose runs hold ``texts`` (the first part a run or not, the last run
    followed by values or not). It depends on nothing else, and tables printed from one form mostly
    repeat their label text (only the values differ), so it is made once per distinct label text."""
    spec = TABLES[table]
    runs = [(r, Run(t), r + 1 < len(texts) or last_followed) for r, t in enumerate(texts)]
    chain = _add_fuzzy(spec, runs, _best_sequence(_candidates(spec, runs)))
    by_run = {r: list(anchors) for r, anchors in groupby(chain, attrgetter("run"))}  # chain is in reading order
    labels = _labels(table)
    parts: list[RunPlan | None] = [None] * first_run
    for r, run, followed in runs:
        parts.append(_run_plan(table, run, by_run.get(r), labels))
        if followed:
            parts.append(None)
    return Plan(tuple(parts), _paired(spec, [row.label for part in parts if part for row in part.rows]))


def _run_plan(table: str, run: Run, anchors: list[Anchor] | None, labels: dict[str, Label]) -> RunPlan:
    """The plan of one run, given the anchors chosen in it."""
    if not anchors:
        return RunPlan((), None, is_header(table, run.compact))
    ends = list(accumulate(map(len, run.texts)))  # token k holds the compact positions ends[k-1]..ends[k]-1
    rows = []
    for n, a in enumerate(anchors):
        nxt = anchors[n + 1].pos if n + 1 < len(anchors) else None
        first = bisect_right(ends, a.pos)
        stop = max(bisect_right(ends, nxt) if nxt is not None else len(ends), first + 1)
        label = labels[a.key]
        rows.append(RowPlan(label, _label_text(run, a, label.standard, nxt), first, stop, a.fuzzy))
    trailing = bisect_right(ends, anchors[-1].end - 1) + 1
    give_back = rows[0].first > 0 and rows[0].label.number != run.texts[0][:1]
    return RunPlan(tuple(rows), trailing if trailing < len(ends) else None, False, give_back)


def _paired(spec: TableSpec, labels: list[Label]) -> tuple[int, ...]:
    """The rows (of ``labels``, the table's in reading order) that blocks of values are paired with:
    every row, and a group whose items are all absent, as it stands for them (one row of values, the
    2019 form's habit)."""
    present = {label.key for label in labels if not label.group}
    childless = {g.key for g in spec.groups if not present.intersection(g.children)}
    return tuple(n for n, label in enumerate(labels) if not label.group or label.key in childless)


def read_rows(spec: TableSpec, tokens: list[Token]) -> list[RowRead]:
    parts, first_run, texts = _segments(tokens)
    # the parts alternate, so the last run is followed by values unless it is the last part
    plan = _plan(spec.id, texts, first_run, (len(parts) - first_run) % 2 == 0)

    rows: list[RowRead] = []
    current: RowRead | None = None
    orphans: list[tuple[int, list[Token]]] = []  # value groups no row label claimed, with the row count before them
    for seg, run in zip(parts, plan.parts):
        if run is None:
            if current is None:
                orphans.append((len(rows), seg))
            else:
                current.items.extend(seg)
            continue
        if run.rows:
            if run.give_back and current is not None and seg[0].kind is _NUM:
                _give_back_numbering(seg, current)
            for label, text, first, stop, fuzzy in run.rows:
                # the label's first and last word (a split-off digit may stand at either end)
                head, tail = seg[first], seg[stop - 1]
                if head.kind is not _LABEL or tail.kind is not _LABEL:
                    words = [t for t in seg[first:stop] if t.kind is _LABEL]
                    head, tail = words[0], words[-1]
                current = RowRead(label.key, text, (head.start, tail.end), [], label.group, fuzzy)
                rows.append(current)
            if run.trailing is not None and not current.is_group:
                current.items.extend(_text_cells(spec, seg[run.trailing:], current))
            continue
        if run.header:
            continue
        if current is not None and _is_text_cell(seg) and _room(spec, current):
            current.items.append(seg[0])
            continue
        if current is not None and seg[0].kind is _NUM and len(seg) == 1:
            current.items.append(_as_value(seg[0]))
            continue
        current = None
    _pair_detached(spec, rows, [rows[n] for n in plan.paired], orphans)
    return rows


def _add_fuzzy(spec: TableSpec, runs: list[tuple[int, Run, bool]], chain: list[Anchor]) -> list[Anchor]:
    """Runs followed by values that no pattern matched: a misspelt label of a row between its neighbours."""
    claimed = {a.run for a in chain}
    unclaimed = [(seg_i, run) for seg_i, run, before_values in runs if before_values and seg_i not in claimed]
    if not unclaimed:
        return chain
    placed = {a.key for a in chain}
    order = _row_order(spec.id)
    extra: list[Anchor] = []
    for seg_i, run in unclaimed:
        if is_header(spec.id, run.compact) or _SENTENCE.search(run.compact[-40:]):
            continue
        prev = max((a.order for a in chain if a.run < seg_i), default=-1)
        nxt = min((a.order for a in chain if a.run > seg_i), default=len(spec.rows))
        keys = [r.key for r in spec.rows if r.key not in placed and prev < order[r.key] < nxt]
        found = _fuzzy(spec, run, keys) if keys else None
        if found is not None:
            key, at = found
            placed.add(key)
            extra.append(Anchor(key, seg_i, at, len(run.compact), float(order[key]), 1.0, fuzzy=True))
    # the chain is in reading order already
    return sorted(chain + extra, key=lambda a: (a.run, a.pos)) if extra else chain


@lru_cache(maxsize=None)
def _row_order(table: str) -> dict[str, int]:
    return {r.key: i for i, r in enumerate(TABLES[table].rows)}


def _give_back_numbering(run: list[Token], current: RowRead) -> None:
    """A run opening with a digit split off as a possible item number ('…00000002.其他法律…'), its first
    label starting after it: the digit is the row's number when it is the number that row is printed
    with (``RunPlan.give_back`` is false then); otherwise it was the last digit of the values before."""
    lead = run[0]
    last = current.items[-1] if current.items else None
    digit = _as_value(lead)
    if lead.glue and last is not None and last.kind is _VALUE and last.end == lead.start:
        current.items[-1] = Token(_VALUE, last.text + digit.text, last.start, digit.end, last.line)
    else:
        current.items.append(digit)


def _as_value(t: Token) -> Token:
    """A NUM token ('2.') that was not an item number: its digit is a value."""
    return Token(_VALUE, t.text[:1], t.start, t.start + 1, t.line)


def _is_text_cell(run: list[Token]) -> bool:
    """A lone short word between values is most likely a cell holding text ('abc', '三', '无数据')."""
    return len(run) == 1 and run[0].kind is _LABEL and 0 < len(run[0].text) <= 8 \
        and not _SENTENCE.search(run[0].text)


def _room(spec: TableSpec, row: RowRead) -> bool:
    if row.is_group:
        return len(hard_items(row.items)) < 7
    return len(hard_items(row.items)) < spec.row(row.key).ncols


def _text_cells(spec: TableSpec, trailing: list[Token], row: RowRead) -> list[Token]:
    """Short text after a row's label (the tokens of its run after it), in separate cells, that is not
    part of the label ('规章 | abc | 0')."""
    words = _label_words(spec.id)
    own = set(_standard(spec.id, row.key))
    out = []
    for t in trailing:
        c = t.text
        if not c or c in words or is_header(spec.id, c) or t.kind is _NUM or len(c) > 8 or _SENTENCE.search(c):
            return []
        if len(c) >= 3 and sum(ch in own for ch in c) >= 0.6 * len(c):
            return []  # the rest of the label, worded a little differently ('已获取的信息')
        out.append(t)
    return out if len(out) <= spec.row(row.key).ncols else []


def _pair_detached(spec: TableSpec, rows: list[RowRead], plain: list[RowRead],
                   orphans: list[tuple[int, list[Token]]]) -> None:
    """Labels printed as a block above (or below) a block of value rows: pair them by count. Group labels
    (（三）不予公开…) print without values and do not break a block; ``plain`` are the rows that may be
    paired (``_paired``)."""
    if not orphans and all(r.items for r in plain):
        return  # no label without values, no values without a label

    def width(r: RowRead) -> int:
        return 7 if r.is_group else spec.row(r.key).ncols

    def share(block: list[RowRead], items: list[Token]) -> bool:
        widths = [width(r) for r in block]
        lines: dict[int, list[Token]] = {}
        for t in items:
            lines.setdefault(t.line, []).append(t)
        if len(lines) == len(block) > 1:
            # one line of values per label: a converter's value rows, padded with blank fields
            rows_of = [hard_items(v) for v in lines.values()]
            rows_of = [v[:w] if all(t.kind is _EMPTY for t in v[w:]) else v for v, w in zip(rows_of, widths)]
            if all(len(v) == w for v, w in zip(rows_of, widths)):
                for r, v in zip(block, rows_of):
                    r.items = v
                return True
        items = hard_items(items)
        if len(set(widths)) != 1 or len(items) != widths[0] * len(block):
            return False
        w = widths[0]
        for k, r in enumerate(block):
            r.items = items[k * w:(k + 1) * w]
        return True

    i = 0
    while i < len(plain):
        j = i
        while j < len(plain) and not plain[j].items:
            j += 1
        if i < j < len(plain) and share(plain[i:j + 1], plain[j].items):
            i = j + 1
            continue
        i = max(j, i + 1)
    position = {id(r): n for n, r in enumerate(plain)}
    for before, group in orphans:
        following = [r for r in rows[before:] if id(r) in position]
        start = position[id(following[0])] if following else len(plain)
        k = start
        while k < len(plain) and not plain[k].items:
            k += 1
        if k > start:
            share(plain[start:k], group)



def hard_items(items: list[Token]) -> list[Token]:
    """A row's items without the blank fields that only may be cells (next to a label)."""
    return [t for t in items if t.kind is not _EMPTY or t.hard]

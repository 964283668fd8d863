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
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from core.extraction.chain import heaviest_chain
from core.extraction.normalize import compact, fold
from core.extraction.stream import Tok, Token
from core.template import TABLES, TableSpec, item_number

_SENTENCE = re.compile(r"[。；;！？!?]|,.*,.*,")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d[.、])")
_PUNCT = re.compile(r"[()\[\]:,.、;\"'“”‘’*#_~·\-/]")
FUZZY_MIN = 0.72


class Run:
    """Label tokens with no value between them; ``compact`` is their text joined (tokens hold no
    whitespace, so it is the text without whitespace)."""

    __slots__ = ("tokens", "compact", "_index")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.compact = "".join([t.text for t in tokens])
        self._index: list[int] | None = None

    @property
    def index(self) -> list[int]:
        """Compact position → token index; built only for the runs a row label is found in."""
        if self._index is None:
            index: list[int] = []
            for i, t in enumerate(self.tokens):
                index += [i] * len(t.text)
            self._index = index
        return self._index


@dataclass
class Anchor:
    key: str          # row key, or "group:<key>" for a group label
    run: int
    pos: int          # where the label match starts in the run's compact text
    end: int
    order: float      # position in the template
    weight: float
    fuzzy: bool = False  # matched by similarity, not by the label's words


@dataclass
class RowRead:
    """One row as read: the label that named it and the cells in reading order (VALUE, PLACEHOLDER,
    EMPTY, or LABEL for a text cell)."""

    key: str
    label: str
    label_span: tuple[int, int]
    items: list[Token] = field(default_factory=list)
    is_group: bool = False
    fuzzy: bool = False


@lru_cache(maxsize=None)
def _patterns(table: str) -> tuple[tuple[str, float, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...],
                                          tuple[re.Pattern[str], ...]], ...]:
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
        return tuple(tuple(re.compile(p) for p in group) for group in (free, anchored, whole))

    for r in spec.rows:
        out.append((r.key, float(order[r.key]), *split(r.patterns)))
    for g in spec.groups:
        out.append((f"group:{g.key}", order[g.children[0]] - 0.5, *split(g.patterns)))
    return tuple(out)


@lru_cache(maxsize=None)
def _header_words(table: str) -> tuple[str, ...]:
    spec = TABLES[table]
    words = {compact(fold(x)) for x in spec.columns + tuple(g for g, _, _ in spec.column_groups) + spec.markers
             + spec.header_words}
    words |= {w for x in spec.columns for w in x.split("·")}
    return tuple(sorted((w for w in words if len(w) >= 2), key=len, reverse=True))


def is_header(table: str, text: str) -> bool:
    """Nothing but the table's own column and group words (a header, or a header repeated inside the table)."""
    rest = compact(text)
    for w in _header_words(table):
        if w in rest:
            rest = rest.replace(w, "")
    return not _PUNCT.sub("", rest)


@lru_cache(maxsize=None)
def _label_words(table: str) -> str:
    """Every row label of the table, folded like the text, to tell a wrapped label's tail from a text cell."""
    spec = TABLES[table]
    return "".join([_standard(table, r.key) for r in spec.rows] + [_standard(table, g.key, True) for g in spec.groups])


def _segments(tokens: list[Token]) -> list[Run | list[Token]]:
    """Alternating label runs and value groups, in reading order."""
    segs: list[Run | list[Token]] = []
    labels: list[Token] = []
    values: list[Token] = []
    label, num = Tok.LABEL, Tok.NUM
    for t in tokens:
        kind = t.kind
        if kind is label or kind is num:
            if values:
                segs.append(values)
                values = []
            labels.append(t)
        else:
            if labels:
                segs.append(Run(labels))
                labels = []
            values.append(t)
    if labels:
        segs.append(Run(labels))
    if values:
        segs.append(values)
    return segs


def _candidates(spec: TableSpec, runs: list[tuple[int, Run, bool]]) -> list[Anchor]:
    """Every place a row or group label matches. The runs are searched as one string (joined by a
    character no label holds), so each pattern runs once per table, not once per run; patterns anchored
    to a run's start or end, and whole-cell patterns, are tried run by run."""
    joined = "\0".join(run.compact for _, run, _ in runs)
    starts, pos = [], 0
    for _, run, _ in runs:
        starts.append(pos)
        pos += len(run.compact) + 1
    out: list[Anchor] = []

    def add(key: str, order: float, r: int, a: int, b: int) -> None:
        seg_i, _, before_values = runs[r]
        out.append(Anchor(key, seg_i, a, b, order, 1.5 if before_values else 1.0))

    for key, order, pats, anchored, whole in _patterns(spec.id):
        for p in pats:
            for m in p.finditer(joined):
                r = bisect_right(starts, m.start()) - 1
                add(key, order, r, m.start() - starts[r], m.end() - starts[r])
        if not (anchored or whole):
            continue
        for r, (_, run, _) in enumerate(runs):
            for p in anchored:
                for m in p.finditer(run.compact):
                    add(key, order, r, m.start(), m.end())
            if whole:
                at = 0
                for t in run.tokens:
                    c = t.text
                    if c and any(p.search(c) for p in whole):
                        add(key, order, r, at, at + len(c))
                    at += len(c)
    out.sort(key=lambda a: (a.run, a.pos, -a.end))
    return out


def _best_sequence(cands: list[Anchor]) -> list[Anchor]:
    """The heaviest chain of anchors in reading order whose template order strictly increases."""
    return heaviest_chain(cands, lambda a: a.weight,
                          lambda a, b: a.order < b.order and (a.run, a.end) <= (b.run, b.pos))


def _label_text(spec: TableSpec, run: Run, anchor: Anchor, upto: int | None) -> str:
    """The row's label as the auditor reads it: from where the standard label would begin (its
    numbering, 行政 before 规范性文件…) when the text has it, to the next row's label — without a
    header or a group label glued in front of it."""
    key = anchor.key.removeprefix("group:")
    standard = _standard(spec.id, key, anchor.key != key)
    keyword = run.compact[anchor.pos:anchor.end]
    at = standard.find(keyword)
    start = anchor.pos
    if at > 0 and run.compact[anchor.pos - at:anchor.pos] == standard[:at]:
        start = anchor.pos - at
    return run.compact[start:upto if upto is not None else len(run.compact)][:60]


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


def read_rows(spec: TableSpec, tokens: list[Token]) -> list[RowRead]:
    segs = _segments(tokens)
    runs = [(i, s, i + 1 < len(segs) and not isinstance(segs[i + 1], Run))
            for i, s in enumerate(segs) if isinstance(s, Run)]
    chain = _best_sequence(_candidates(spec, runs))
    chain = _add_fuzzy(spec, runs, chain)
    by_run: dict[int, list[Anchor]] = {}
    for a in chain:
        by_run.setdefault(a.run, []).append(a)

    rows: list[RowRead] = []
    current: RowRead | None = None
    orphans: list[tuple[int, list[Token]]] = []  # value groups no row label claimed, with the row count before them
    for i, seg in enumerate(segs):
        if not isinstance(seg, Run):
            if current is None:
                orphans.append((len(rows), seg))
            else:
                current.items.extend(seg)
            continue
        anchors = by_run.get(i)
        if anchors:
            _give_back_numbering(seg, anchors[0], spec, current)
            for n, a in enumerate(anchors):
                nxt = anchors[n + 1].pos if n + 1 < len(anchors) else None
                first = seg.index[a.pos]
                upto = seg.index[nxt] if nxt is not None else len(seg.tokens)
                words = [t for t in seg.tokens[first:max(upto, first + 1)] if t.kind is Tok.LABEL]
                key = a.key.removeprefix("group:")
                current = RowRead(key, _label_text(spec, seg, a, nxt), (words[0].start, words[-1].end),
                                  is_group=a.key != key, fuzzy=a.fuzzy)
                rows.append(current)
            current.items.extend(_text_cells(spec, seg, anchors[-1], current))
            continue
        if is_header(spec.id, seg.compact):
            continue
        if current is not None and _is_text_cell(seg) and _room(spec, current):
            current.items.append(seg.tokens[0])
            continue
        if current is not None and seg.tokens[0].kind is Tok.NUM and len(seg.tokens) == 1:
            current.items.append(_as_value(seg.tokens[0]))
            continue
        current = None
    _pair_detached(spec, rows, orphans)
    return rows


def _add_fuzzy(spec: TableSpec, runs: list[tuple[int, Run, bool]], chain: list[Anchor]) -> list[Anchor]:
    """Runs followed by values that no pattern matched: a misspelt label of a row between its neighbours."""
    placed = {a.key for a in chain}
    claimed = {a.run for a in chain}
    order = {r.key: i for i, r in enumerate(spec.rows)}
    extra: list[Anchor] = []
    for seg_i, run, before_values in runs:
        if seg_i in claimed or not before_values or is_header(spec.id, run.compact) \
                or _SENTENCE.search(run.compact[-40:]):
            continue
        prev = max((a.order for a in chain if a.run < seg_i), default=-1)
        nxt = min((a.order for a in chain if a.run > seg_i), default=len(spec.rows))
        keys = [r.key for r in spec.rows if r.key not in placed and prev < order[r.key] < nxt]
        found = _fuzzy(spec, run, keys) if keys else None
        if found is not None:
            key, at = found
            placed.add(key)
            extra.append(Anchor(key, seg_i, at, len(run.compact), float(order[key]), 1.0, fuzzy=True))
    return sorted(chain + extra, key=lambda a: (a.run, a.pos))


def _give_back_numbering(run: Run, first: Anchor, spec: TableSpec, current: RowRead | None) -> None:
    """A digit split off as a possible item number ('…00000002.其他法律…'): it is the row's number when it
    is the number that row is printed with; otherwise it was the last digit of the values before."""
    lead = run.tokens[0]
    if lead.kind is not Tok.NUM or run.index[first.pos] == 0:
        return
    if not first.key.startswith("group:"):
        number = item_number(spec.row(first.key))
        if number is not None and str(number) == lead.text[:1]:
            return
    if current is None:
        return
    last = current.items[-1] if current.items else None
    digit = _as_value(lead)
    if lead.glue and last is not None and last.kind is Tok.VALUE and last.end == lead.start:
        current.items[-1] = Token(Tok.VALUE, last.text + digit.text, last.start, digit.end, last.line)
    else:
        current.items.append(digit)


def _as_value(t: Token) -> Token:
    """A NUM token ('2.') that was not an item number: its digit is a value."""
    return Token(Tok.VALUE, t.text[:1], t.start, t.start + 1, t.line)


def _is_text_cell(run: Run) -> bool:
    """A lone short word between values is most likely a cell holding text ('abc', '三', '无数据')."""
    return len(run.tokens) == 1 and run.tokens[0].kind is Tok.LABEL and 0 < len(run.compact) <= 8 \
        and not _SENTENCE.search(run.compact)


def _room(spec: TableSpec, row: RowRead) -> bool:
    if row.is_group:
        return len(hard_items(row.items)) < 7
    return len(hard_items(row.items)) < spec.row(row.key).ncols


def _text_cells(spec: TableSpec, run: Run, anchor: Anchor, row: RowRead) -> list[Token]:
    """Short text after the row's label, in separate cells, that is not part of the label ('规章 | abc | 0')."""
    last = run.index[anchor.end - 1]
    trailing = run.tokens[last + 1:]
    if not trailing or row.is_group:
        return []
    words = _label_words(spec.id)
    own = set(_standard(spec.id, row.key))
    out = []
    for t in trailing:
        c = t.text
        if not c or c in words or is_header(spec.id, c) or t.kind is Tok.NUM or len(c) > 8 or _SENTENCE.search(c):
            return []
        if len(c) >= 3 and sum(ch in own for ch in c) >= 0.6 * len(c):
            return []  # the rest of the label, worded a little differently ('已获取的信息')
        out.append(t)
    return out if len(out) <= spec.row(row.key).ncols else []


def _pair_detached(spec: TableSpec, rows: list[RowRead], orphans: list[tuple[int, list[Token]]]) -> None:
    """Labels printed as a block above (or below) a block of value rows: pair them by count. Group labels
    (（三）不予公开…) print without values and do not break a block."""
    present = {r.key for r in rows if not r.is_group}
    childless = {g.key for g in spec.groups if not present.intersection(g.children)}
    # a group label whose items are absent stands for them: one row of values (the 2019 form's habit)
    plain = [r for r in rows if not r.is_group or r.key in childless]
    position = {id(r): n for n, r in enumerate(plain)}

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
            rows_of = [v[:w] if all(t.kind is Tok.EMPTY for t in v[w:]) else v for v, w in zip(rows_of, widths)]
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
    return [t for t in items if t.kind is not Tok.EMPTY or t.hard]

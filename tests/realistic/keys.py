"""Answer keys: what a report says (agency, year, the narrative of each part, every table value) and
what a correct reading of it must give back (cells, parts, findings that must or must not appear).

The keys are the five real samples (values read by hand, see ``tests/engine/test_samples.py``; their
title, preamble and narrative taken from the files themselves) and consistent random tables wrapped
in a real sample's narrative, whose sentences about numbers are replaced by ones that agree with the
tables. ``mutated`` makes the inconsistent twin of a key: one number off by 7, which a reader must
report as an error naming that cell, whatever the form."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from core.template import CellKey, all_cells
from tests.engine.render_text import random_tables
from tests.engine.test_samples import EXPECTED, expected_cells, sample_path

Number = int | Decimal
ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Need:
    """A finding the reading must produce: one of ``severities`` (of ``rule`` when given), naming one of
    ``cells`` (or, without cells, with ``text`` in its message)."""

    why: str
    severities: frozenset[str]
    cells: frozenset[CellKey] = frozenset()
    text: str = ""
    rule: str = ""

    def met_by(self, finding) -> bool:
        if finding.severity.value not in self.severities or (self.rule and finding.rule != self.rule):
            return False
        if self.cells:
            return bool(self.cells & set(finding.cells))
        return self.text in finding.message


@dataclass(frozen=True)
class FormOptions:
    """How this report prints the official form (real agencies' habits, see ``variants``)."""

    other_single: bool = False                         # one （六）其他处理 row, as in the 2019 form
    omit_rows: frozenset[str] = frozenset()             # rows the report leaves out (e.g. 规章)
    labels: tuple[tuple[str, str], ...] = ()            # row key → label as printed
    headings: tuple[tuple[int, str], ...] = ()          # part → heading as printed
    extra_part: bool = False                            # a numbered part of its own after part 二
    total_word: str = "总计"                             # 合计 in some reports

    def label(self, key: str, default: str) -> str:
        return dict(self.labels).get(key, default)


@dataclass(frozen=True)
class Part:
    heading: str
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnswerKey:
    name: str
    agency: str | None
    year: int | None
    head: tuple[tuple[str, str], ...]          # (role, text) before part 一: chrome, title, body
    parts: dict[int, Part]
    values: dict[CellKey, Number]             # every cell of every table the report prints
    layout: str = "2021"
    form: FormOptions = FormOptions()
    overrides: dict[CellKey, Number | None] = field(default_factory=dict)  # reading ≠ printed (None: null)
    needs: tuple[Need, ...] = ()
    allowed_errors: frozenset[str] = frozenset()   # rules whose errors are right for this report
    consistent: bool = True
    source_text: str | None = None             # the scraped sample as printed, for the forms made from it
    tail: tuple[tuple[str, str], ...] = ()       # after part 六 (page chrome, date)
    ambiguous: frozenset[CellKey] = frozenset()  # cells a form prints so that no reader can know them

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(k.table for k in self.values)

    @property
    def expected(self) -> dict[CellKey, Number | None]:
        """Every cell a correct reading gives: the printed value, or None where it must stay null."""
        out: dict[CellKey, Number | None] = dict(self.values)
        out.update(self.overrides)
        return out

    @property
    def sections(self) -> frozenset[int]:
        return frozenset(self.parts)

    def row(self, table: str, row: str) -> list[Number]:
        return [self.values[k] for k in all_cells(table) if k.row == row]


# --- the five samples ------------------------------------------------------------------------------
_HEADING = {1: r"一、总体情况", 2: r"二、主动公开政府信息情况", 3: r"三、收到和处理政府信息公开申请情况",
            4: r"四、政府信息公开行政复议", 5: r"五、存在的主要问题", 6: r"六、其他需要报告的事项"}
_CHROME = re.compile(r"^(?:★|发布时间|扫一扫|附件下载|返回顶部|首页\s*>|【)")
_TITLE = re.compile(r"年度报\s*告$")


def _split_sample(text: str) -> tuple[list[tuple[str, str]], dict[int, Part], list[tuple[str, str]]]:
    """A sample's own head, the heading and paragraphs of each part (tables dropped: the key's values
    are printed anew by each form) and the page chrome after part 六."""
    lines = [line.strip() for line in text.splitlines()]
    starts: dict[int, int] = {}
    at = 0
    for n, pattern in _HEADING.items():
        at = next(i for i in range(at, len(lines)) if re.match(pattern, lines[i]))
        starts[n] = at
    head = [("chrome" if _CHROME.match(x) else "title" if _TITLE.search(x) else "body", x)
            for x in lines[:starts[1]] if x]
    parts: dict[int, Part] = {}
    tail: list[tuple[str, str]] = []
    bounds = sorted(starts.items()) + [(7, len(lines))]
    for (n, start), (_, end) in zip(bounds, bounds[1:]):
        body = [x for x in lines[start + 1:end] if x]
        if n in (2, 3, 4):
            body = []  # the table's own text
        if n == 6:
            tail = [("chrome", x) for x in body if _CHROME.match(x)]
            body = [x for x in body if not _CHROME.match(x)]
        parts[n] = Part(lines[start], tuple(body))
    return head, parts, tail


def sample_key(prefix: str) -> AnswerKey:
    exp = EXPECTED[prefix]
    path = sample_path(prefix)
    head, parts, tail = _split_sample(path.read_text(encoding="utf-8"))
    values = expected_cells(exp)
    return AnswerKey(name=f"sample-{prefix}", agency=exp["agency"], year=exp["year"], head=tuple(head),
                     parts=parts, values=values, source_text=path.read_text(encoding="utf-8"), tail=tuple(tail),
                     allowed_errors=frozenset({"S02"}) if not values else frozenset())


SAMPLE_PREFIXES = tuple(sorted(EXPECTED))


# --- random tables in a real narrative -------------------------------------------------------------
_NUMBER_TALK = re.compile(r"申请|复议|诉讼|规章|规范性文件|许可|处罚|强制|收费|\d+件")


def _neutral(paragraph: str) -> str:
    """The paragraph without its sentences about counts (they would contradict the new tables)."""
    sentences = re.findall(r"[^。；]*[。；]?", paragraph)
    return "".join(s for s in sentences if s and not _NUMBER_TALK.search(s))


def summary_sentences(values: dict[CellKey, Number], year: int) -> list[str]:
    """What an agency writes about its own tables, agreeing with them (the N checks read these)."""
    def b(row: str) -> Number:
        return values[CellKey("applications", row, 6)]

    def c(col: int) -> Number:
        return values[CellKey("review_litigation", "", col)]

    docs = [values[CellKey("active", "行政规范性文件", i)] for i in range(3)]
    out = [f"{year}年，本机关制发行政规范性文件{docs[0]}件，废止{docs[1]}件，现行有效{docs[2]}件。"]
    if b("本年新收"):
        out.append(f"全年共收到政府信息公开申请{b('本年新收')}件，上年结转{b('上年结转')}件，"
                   f"办结{b('总计')}件，结转下年度继续办理{b('结转下年度')}件，均在法定期限内答复。")
    else:
        out.append(f"{year}年，本机关未收到政府信息公开申请。")
    review, suits = c(4), c(9) + c(14)
    out.append(f"因政府信息公开被申请行政复议{review}件，被提起行政诉讼{suits}件。" if review or suits
               else "未发生因政府信息公开引起的行政复议、行政诉讼案件。")
    return out


def random_key(seed: int, donor: str) -> AnswerKey:
    """Consistent random tables (every cross total holds) in the narrative of sample ``donor``."""
    base = sample_key(donor)
    values = random_tables(random.Random(seed)).values
    parts = dict(base.parts)
    first = [p for p in (_neutral(x) for x in base.parts[1].paragraphs) if p]
    parts[1] = Part(base.parts[1].heading, tuple(first[:1] + summary_sentences(values, base.year) + first[1:]))
    for n in (5, 6):
        kept = [p for p in (_neutral(x) for x in base.parts[n].paragraphs) if p]
        parts[n] = Part(base.parts[n].heading, tuple(kept or ["无。"]))
    fee_notices = values[CellKey("applications", "其他处理_2", 6)]
    fee = (f"本年度向申请人发出信息处理费收费通知{fee_notices}件，申请人均未缴纳。" if fee_notices
           else "本年度未收取政府信息公开信息处理费。")
    parts[6] = Part(parts[6].heading, parts[6].paragraphs + (fee,))
    return replace(base, name=f"random-{seed}", values=values, parts=parts, source_text=None, allowed_errors=frozenset())


RANDOM_DONORS = ((7, "002"), (21, "004"))


def base_keys() -> list[AnswerKey]:
    """The consistent keys every form is measured on: the samples and two random reports."""
    return [sample_key(p) for p in SAMPLE_PREFIXES] + [random_key(s, d) for s, d in RANDOM_DONORS]


# --- mutations -------------------------------------------------------------------------------------
def mutation_cells(key: AnswerKey) -> list[CellKey]:
    """One B and one C cell to change, chosen per key so every form is tried on the same cells."""
    rng = random.Random(key.name)
    out = []
    for table in ("applications", "review_litigation"):
        if table in key.tables:
            out.append(rng.choice([k for k in all_cells(table) if k in key.values and key.overrides.get(k, 0) is not None]))
    return out


def mutated(key: AnswerKey, cell: CellKey, delta: int = 7) -> AnswerKey:
    """The key with one printed number off by ``delta``: an error naming that cell is required. A
    scraped sample's own text is changed where that number is printed (its span, which
    ``tests/engine/test_samples.py`` holds exact)."""
    values = dict(key.values)
    values[cell] = values[cell] + delta
    text = key.source_text
    if text is not None:
        from core.api import analyze_text

        start, end = analyze_text(text).cell(cell).span
        text = text[:start] + str(values[cell]) + text[end:]
    need = Need(f"{cell.id} + {delta} breaks a cross total", frozenset({ERROR}), frozenset({cell}))
    return replace(key, name=f"{key.name}~{cell.id}", values=values, consistent=False, source_text=text,
                   needs=key.needs + (need,))

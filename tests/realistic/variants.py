"""Real variants of the form itself, as agencies print it, and what a correct reading makes of each
(issue 12): the reading must not depend on the report following the template to the letter.

- ``other_single_zero`` / ``other_single_nonzero``: one （六）其他处理 row instead of its three items (kept
  from the 2019 form). A single row of 0 means its items are 0 (an info finding: not itemised); a
  non-zero one leaves the items null with a finding — never a guess, never an error.
- ``no_rules_row``: the 规章 row left out (agencies without rule-making power): a warning, the cells
  null, never an error.
- ``extra_part``: a numbered part of its own with a small table after part 二, so parts 三–六 print as
  四–七; the six parts and the three tables still read.
- ``wording``: headings and labels with a missing or wrong character or another conjunction
  (收到及处理…, 行政复议和行政诉讼, 本年新收政府信息申请数量, 其它, 已获取的信息…).
- ``heji``: 合计 for 总计; ``chongfu``: 重复 for 反复 in 不予处理 4.
"""
from __future__ import annotations

from dataclasses import replace

from core.template import CellKey, row_cells
from tests.realistic.keys import INFO, WARNING, AnswerKey, Need

OTHER_ITEMS = ("其他处理_1", "其他处理_2", "其他处理_3")


def _cells(*rows: str, table: str = "applications") -> frozenset[CellKey]:
    return frozenset(k for r in rows for k in row_cells(table, r))


def add_b(values: dict, row: str, col: int, delta: int) -> None:
    """Add to one B outcome cell and to the totals that contain it, so every cross total still holds."""
    for r in (row, "总计", "本年新收"):
        for c in {col, 6}:
            values[CellKey("applications", r, c)] += delta


def other_single_zero(key: AnswerKey) -> AnswerKey:
    values = dict(key.values)
    for item in OTHER_ITEMS:  # fold any 其他处理 into 予以公开: the single row prints 0
        for c in range(7):
            cell = CellKey("applications", item, c)
            values[CellKey("applications", "予以公开", c)] += values[cell]
            values[cell] = 0
    need = Need("a single 其他处理 row of 0: its items are 0, noted as not itemised", frozenset({INFO}),
                _cells(*OTHER_ITEMS))
    return replace(key, source_text=None, name=f"{key.name}+other_single_zero", values=values,
                   form=replace(key.form, other_single=True), needs=key.needs + (need,))


def other_single_nonzero(key: AnswerKey) -> AnswerKey:
    values = dict(key.values)
    add_b(values, "其他处理_3", 0, 2)
    overrides = dict(key.overrides)
    overrides.update({k: None for k in _cells(*OTHER_ITEMS)})
    need = Need("a single non-zero 其他处理 row: items not assessable", frozenset({WARNING, INFO}),
                _cells(*OTHER_ITEMS))
    return replace(key, source_text=None, name=f"{key.name}+other_single_nonzero", values=values, overrides=overrides,
                   form=replace(key.form, other_single=True), needs=key.needs + (need,))


def no_rules_row(key: AnswerKey) -> AnswerKey:
    values = dict(key.values)
    for k in row_cells("active", "规章"):
        values[k] = 0  # only agencies without rule-making power leave the row out
    overrides = dict(key.overrides)
    overrides.update({k: None for k in row_cells("active", "规章")})
    need = Need("the 规章 row left out: a warning, cells null", frozenset({WARNING}), _cells("规章", table="active"))
    return replace(key, source_text=None, name=f"{key.name}+no_rules_row", values=values, overrides=overrides,
                   form=replace(key.form, omit_rows=key.form.omit_rows | {"规章"}), needs=key.needs + (need,))


def extra_part(key: AnswerKey) -> AnswerKey:
    return replace(key, source_text=None, name=f"{key.name}+extra_part", form=replace(key.form, extra_part=True))


WORDING_HEADINGS = ((2, "二、主动公开政府信息"), (3, "三、收到及处理政府信息公开申请情况"),
                    (4, "四、政府信息公开行政复议和行政诉讼情况"), (5, "五、存在的主要问题和改进情况"),
                    (6, "六、其他需要报告事项"))
WORDING_LABELS = (("本年新收", "一、本年新收政府信息申请数量"),
                  ("部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其它情形）"),
                  ("不予公开_3", '3.危及"三安全一稳定"'),
                  ("不予处理_5", "5.要求行政机关确认或重新出具已获取的信息"),
                  ("结转下年度", "四、结转下年度继续办理申请数量"),
                  ("行政规范性文件", "规范性文件"))


def wording(key: AnswerKey) -> AnswerKey:
    return replace(key, source_text=None, name=f"{key.name}+wording",
                   form=replace(key.form, headings=WORDING_HEADINGS, labels=key.form.labels + WORDING_LABELS))


def heji(key: AnswerKey) -> AnswerKey:
    return replace(key, source_text=None, name=f"{key.name}+heji", form=replace(key.form, total_word="合计"))


def chongfu(key: AnswerKey) -> AnswerKey:
    labels = key.form.labels + (("不予处理_4", "4.无正当理由大量重复申请"),)
    return replace(key, source_text=None, name=f"{key.name}+chongfu", form=replace(key.form, labels=labels))


VARIANTS = {f.__name__: f for f in (other_single_zero, other_single_nonzero, no_rules_row, extra_part,
                                     wording, heji, chongfu)}

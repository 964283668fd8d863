"""Render a consistent set of the three tables into the text serialisations real sites and converters
produce, so round-trip tests can check that the reader gives the same values back."""
from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from core.template import ACTIVE, APPLICATIONS, C_OUTCOMES, CellKey, all_cells

STYLES = ("pipe_cells", "tab_rows", "cell_lines", "space_rows", "markdown", "glued")

_FULL_DIGITS = str.maketrans("0123456789()", "０１２３４５６７８９（）")


@dataclass
class Tables:
    values: dict[CellKey, int | Decimal]

    def row(self, table: str, row: str) -> list[int | Decimal]:
        return [v for k, v in self.values.items() if k.table == table and k.row == row]


def random_tables(rng: random.Random, big: bool = False) -> Tables:
    """A consistent set of tables: every cross-total holds."""
    vals: dict[CellKey, int | Decimal] = {}

    def small() -> int:
        return rng.choice([0, 0, 0, 1, 2, 3, rng.randint(0, 60)])

    for r in ACTIVE.rows:
        for c in range(r.ncols):
            if r.decimal:
                places = rng.randint(0, 6)
                vals[CellKey("active", r.key, c)] = Decimal(rng.randint(0, 99999)).scaleb(-places)
            else:
                vals[CellKey("active", r.key, c)] = rng.randint(0, 900000) if big and rng.random() < 0.3 else small()
    outcome_rows = [r.key for r in APPLICATIONS.rows[2:23]]
    for c in range(6):
        outcomes = {k: small() for k in outcome_rows}
        total = sum(outcomes.values())
        forward = small()
        carried = rng.randint(0, total + forward)
        new = total + forward - carried
        col = {"本年新收": new, "上年结转": carried, **outcomes, "总计": total, "结转下年度": forward}
        for k, v in col.items():
            vals[CellKey("applications", k, c)] = v
    for r in APPLICATIONS.rows:
        vals[CellKey("applications", r.key, 6)] = sum(vals[CellKey("applications", r.key, c)] for c in range(6))
    for g in range(3):
        parts = [small() for _ in range(4)]
        for i, p in enumerate(parts):
            vals[CellKey("review_litigation", "", g * 5 + i)] = p
        vals[CellKey("review_litigation", "", g * 5 + 4)] = sum(parts)
    assert set(vals) == set(all_cells("active") + all_cells("applications") + all_cells("review_litigation"))
    return Tables(vals)


def _fmt(v: int | Decimal) -> str:
    return format(v, "f") if isinstance(v, Decimal) else str(v)


def _row_label(key: str, split: bool) -> list[str]:
    """Labels as printed: B item rows under a group heading, optionally split by a space."""
    row = APPLICATIONS.row(key)
    label = row.label.replace("（", "(").replace("）", ")")
    if split and len(label) > 6:
        label = label[:4] + " " + label[4:]
    return [label]


def _b_rows(split: bool) -> list[tuple[list[str], str]]:
    """(labels before the values, row key) in form order, with group headings where they print."""
    out = []
    for r in APPLICATIONS.rows:
        labels = _row_label(r.key, split)
        if r.key == "予以公开":
            labels = ["三、本年度办理结果"] + labels
        for group, first in (("(三)不予公开", "不予公开_1"), ("(四)无法提供", "无法提供_1"),
                             ("(五)不予处理", "不予处理_1"), ("(六)其他处理", "其他处理_1")):
            if r.key == first:
                labels = [group] + labels
        out.append((labels, r.key))
    return out


A_BLOCKS = (
    ("第二十条第(一)项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第(五)项", ["信息内容", "本年处理决定数量"], ["行政许可"]),
    ("第二十条第(六)项", ["信息内容", "本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第(八)项", ["信息内容", "本年收费金额(单位:万元)"], ["行政事业性收费"]),
)
B_HEADER = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织", "总计",
            "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
C_HEADER = ["行政复议", "行政诉讼"] + list(C_OUTCOMES) + ["未经复议直接起诉", "复议后起诉"] + list(C_OUTCOMES) * 2


def table_rows(t: Tables, split_labels: bool) -> dict[str, list[tuple[list[str], list[str]]]]:
    """Each table as (label cells, value cells) rows in reading order."""
    a: list[tuple[list[str], list[str]]] = []
    for group, header, rows in A_BLOCKS:
        a.append(([group], []))
        a.append((header, []))
        for r in rows:
            a.append(([r], [_fmt(v) for v in t.row("active", r)]))
    b: list[tuple[list[str], list[str]]] = [(B_HEADER if not split_labels else
                                              [h if h != "商业企业" else "商业 企业" for h in B_HEADER], [])]
    for labels, key in _b_rows(split_labels):
        b.append((labels, [_fmt(v) for v in t.row("applications", key)]))
    c_header = [h if not split_labels or len(h) != 4 else h[:2] + " " + h[2:] for h in C_HEADER]
    c = [(c_header, []), ([], [_fmt(v) for v in t.row("review_litigation", "")])]
    return {"active": a, "applications": b, "review_litigation": c}


def _serialise(rows: list[tuple[list[str], list[str]]], style: str, rng: random.Random) -> list[str]:
    lines: list[str] = []
    if style == "pipe_cells":
        for labels, values in rows:
            for x in labels:
                lines.append(f"{x} |" + (" |||" if x.startswith("第二十条") else ""))
            for i, v in enumerate(values):
                lines.append(f"{v} |" + (" ||" if i == len(values) - 1 else ""))
    elif style == "tab_rows":
        for labels, values in rows:
            lead = "\t" * rng.randint(0, 2)
            lines.append(lead + "\t".join(labels + values) + "\t" * rng.randint(0, 2))
    elif style == "cell_lines":
        for labels, values in rows:
            for x in labels + values:
                lines.append("\u2002" * rng.randint(0, 12) + x)
                lines.append("")
    elif style == "space_rows":
        for labels, values in rows:
            lines.append(" ".join(labels + values))
    elif style == "markdown":
        width = max(len(lb) + len(v) for lb, v in rows) or 1
        for n, (labels, values) in enumerate(rows):
            if n % 6 == 0:
                if n:
                    lines += ["", f"— {n // 6 + 1} —", ""]
                lines.append("| " + " | ".join(f"Col{i + 1}" for i in range(width)) + " |")
                lines.append("|" + "---|" * width)
            cells = labels + values
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
    elif style == "glued":
        for labels, values in rows:
            lines.append("".join(labels) + "".join(values))
    else:
        raise ValueError(style)
    return lines


HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


def render_report(t: Tables, style: str, rng: random.Random, agency: str = "某某县某某镇人民政府", year: int = 2024,
                  fullwidth: bool = False, split_labels: bool = False, boilerplate: bool = False) -> str:
    rows = table_rows(t, split_labels)
    out: list[str] = []
    if boilerplate:
        out += ["首页 > 政务公开 > 政府信息公开年报", "【字体：大 中 小】 打印 分享到：微信 微博", ""]
    out += [f"{agency}{year}年政府信息公开工作年度报告", "",
            f"本报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。",
            HEADINGS[0], f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"]
    for heading, table in zip(HEADINGS[1:4], ("active", "applications", "review_litigation")):
        out.append(("### " if style == "markdown" else "") + heading)
        out += _serialise(rows[table], style, rng)
    out += [HEADINGS[4], "存在问题：公开内容不够丰富。改进情况：加强培训，完善制度。",
            HEADINGS[5], "本机关未收取信息处理费。"]
    if boilerplate:
        out += ["", "扫一扫在手机打开当前页", "附件下载", "返回顶部"]
    text = "\n".join(out) + "\n"
    if fullwidth:
        head, _, tail = text.partition(HEADINGS[1])
        text = head + HEADINGS[1] + tail.translate(_FULL_DIGITS)
    return text

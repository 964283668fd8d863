"""T — what parts 五 and 六 must say, template residue, text copied from elsewhere or last year."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.extraction.meta import agency_level
from core.extraction.normalize import compact, fold
from core.model import Finding, Span
from core.template import CellKey

PROBLEM_WORDS = re.compile(r"问题|不足|差距|短板|薄弱|不够|有待|欠缺|不强|不高")
IMPROVE_WORDS = re.compile(r"改进|整改|措施|下一步|今后|将(?:进一步|着力|继续|持续|加强|加大)|加强|完善|提升")
FEE_WORDS = re.compile(r"信息处理费|处理费")
FEE_STATED = re.compile(r"未收取|没有收取|不收取|无收取|未产生|没有产生|未发生|不涉及|零元|0元|收取[^，。]{0,10}?\d|\d[\d.]*\s*(?:元|万元)|未发出|发出[^，。]{0,8}收费通知")
RESIDUE = re.compile(r"(?<![A-Za-z])(?:XX|ＸＸ|xx|××|╳╳)(?![A-Za-z])|【\s*】|（单位名称）|\(单位名称\)|YYYY|年政府信息公开工作年度报告")
YEAR_WORDS = "本今上该全同去明次当度"
OWN_PLACE = re.compile(r"([\u4e00-\u9fa5]{2,3}(?:镇|乡|街道))")


def _part(ctx: CheckContext, number: int) -> tuple[str, Span] | None:
    section = ctx.report.sections.get(number)
    if section is None:
        return None
    s, e = section.body_span
    return ctx.report.source.text[s:e], (s, e)


def _body(ctx: CheckContext, number: int) -> tuple[str, str, Span] | None:
    """(text, compact text without the page chrome that trails a report, span) of a part."""
    part = _part(ctx, number)
    if part is None:
        return None
    text, span = part
    return text, compact(re.sub(r"(返回顶部|扫一扫[^\n]*|附件下载|打印本页|关闭窗口)", "", fold(text))), span


@check
def problems_and_improvements(ctx: CheckContext) -> Iterator[Finding]:
    part = _body(ctx, 5)
    if part is None:
        return
    _, body, span = part
    if len(body) < 40 or body.strip("。.") in ("无", "暂无"):
        yield ctx.finding("T01", f"第五部分内容过少（“{body[:30]}”），未具体写明存在的问题和改进情况", spans=(span,),
                          subject="T01:short")
        return
    missing = [name for name, pat in (("存在的问题", PROBLEM_WORDS), ("改进情况", IMPROVE_WORDS)) if not pat.search(body)]
    if missing:
        yield ctx.finding("T01", f"第五部分未写明{'和'.join(missing)}", spans=(span,), subject="T01:missing")
    if "整改" not in body and "上年" not in body and "去年" not in body:
        yield ctx.finding("T02", "第五部分未报告上年度问题的整改落实情况", spans=(span,), subject="T02")


@check
def other_matters(ctx: CheckContext) -> Iterator[Finding]:
    part = _body(ctx, 6)
    if part is None:
        return
    text, body, span = part
    says_fee = FEE_WORDS.search(body) and FEE_STATED.search(body)
    if not says_fee:
        yield ctx.finding("T03", f"第六部分未写明信息处理费的收取情况（现为“{body[:30] or '空'}”）", spans=(span,),
                          subject="T03")
    if "要点" not in body:
        yield ctx.finding("T04", "第六部分未报告本年度政务公开工作要点的落实情况", spans=(span,), subject="T04")
    no_fee = re.search(r"未收取|没有收取|不收取", body)
    fee_notice = ctx.get(CellKey("applications", "其他处理_2", 6))
    prose = "".join(p[0] for n in (1, 5, 6) if (p := _part(ctx, n)))  # outside the tables' own labels
    notice_in_text = "收费通知" in fold(prose)
    if no_fee and ((fee_notice.is_number and fee_notice.value > 0) or notice_in_text):
        why = f"表B“申请人逾期未按收费通知要求缴纳费用”为 {fee_notice.value}" if fee_notice.is_number and \
            fee_notice.value else "正文提到收费通知"
        yield ctx.finding("T05", f"{why}，但第六部分称未收取信息处理费，请核实", (CellKey("applications", "其他处理_2", 6),),
                          (span,), subject="T05")
    fee = ctx.get(CellKey("active", "行政事业性收费", 0))
    mentions_admin_fee = "行政事业性收费" in body
    amounts = {m.group(1) for m in re.finditer(r"(\d+(?:\.\d+)?)\s*万?元", fold(text))}
    same_amount = fee.is_number and fee.value and any(float(a) == float(fee.value) for a in amounts)
    if mentions_admin_fee or same_amount:
        yield ctx.finding("T10", "第六部分的信息处理费与表A的行政事业性收费疑似混同（二者不同：后者是条例第二十条第（八）项的"
                                 "行政事业性收费，前者是对超量申请收取的费用）",
                          (CellKey("active", "行政事业性收费", 0),), (span,), subject="T10")


@check
def government_accountability(ctx: CheckContext) -> Iterator[Finding]:
    if agency_level(ctx.report.agency) != "government":
        return
    text = compact(ctx.report.source.text)
    missing = [w for w in ("考核", "评议", "责任追究") if w not in text]
    if missing:
        yield ctx.finding("T06", f"人民政府报告未写明{'、'.join(missing)}情况（工作考核、社会评议和责任追究结果）",
                          subject="T06")


@check
def template_residue(ctx: CheckContext) -> Iterator[Finding]:
    text = fold(ctx.report.source.text)
    for m in RESIDUE.finditer(text):
        if m.group().endswith("年度报告"):
            before = text[max(0, m.start() - 6):m.start()].rstrip()
            if before and (before[-1].isdigit() or before[-1] in YEAR_WORDS):
                continue  # '2024 年…', '本年…': a year is there
        yield ctx.finding("T07", f"疑似模板残留“{m.group()}”", spans=(m.span(),), subject=f"T07:{m.start()}")


@check
def foreign_self_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A township report naming another township as the one acting (copied from a neighbour)."""
    agency = compact(ctx.report.agency or "")
    own = OWN_PLACE.findall(agency)
    if not own or agency_level(agency) != "township":
        return
    own_name = own[-1]
    text = fold(ctx.report.source.text)
    seen: set[str] = set()
    for m in re.finditer(r"([\u4e00-\u9fa5]{2,3}(?:镇|乡))(?:人民政府|政府|党委)", text):
        name = m.group(1)
        if name in seen or own_name.endswith(name) or name.endswith(own_name) or name[-1] != own_name[-1]:
            continue
        seen.add(name)
        yield ctx.finding("T08", f"本报告为{own_name}，但正文出现“{m.group()}”作为行文主体，疑为照抄其他乡镇",
                          spans=(m.span(),), subject=f"T08:{name}")


@check
def last_years_text(ctx: CheckContext) -> Iterator[Finding]:
    r = ctx.report
    part = _part(ctx, 1)
    if r.year is None or part is None:
        return
    text, (s, _) = part
    years = Counter(int(y) for y in re.findall(r"(20\d{2})\s*年", fold(text)))
    if years[r.year - 1] >= 2 and years[r.year - 1] > years[r.year]:
        yield ctx.finding("T09", f"“总体情况”多次提到 {r.year - 1} 年（{years[r.year - 1]} 次），"
                                 f"而本年度 {r.year} 年只有 {years[r.year]} 次，疑为沿用上年文字",
                          spans=((s, s + min(len(text), 200)),), subject="T09")

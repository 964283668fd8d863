"""N — what the prose says against what the tables say. Reports count differently (收到 N 件 may be
new applications or new plus carried over), so a mismatch with every reasonable reading is a warning;
"none" against a non-zero table is an error; approximate wording (余/约/多) never fires; a claim whose
table is missing cannot be verified (N09)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.catalogue import check
from core.checks.context import CheckContext
from core.extraction.narrative.claims import Claim, narrative_claims
from core.extraction.narrative.numbers import APPROXIMATE, NUMBER, to_int
from core.extraction.normalize import fold
from core.messages import Bi, Joined, msg
from core.model import CellKind, Finding, Severity, Verdict
from core.template import CellKey

B = "applications"
NEW, CARRIED_IN, TOTAL, CARRIED_OUT = (CellKey(B, r, 6) for r in ("本年新收", "上年结转", "总计", "结转下年度"))
C = "review_litigation"
REVIEW_TOTAL = CellKey(C, "", 4)
LITIGATION_TOTALS = (CellKey(C, "", 9), CellKey(C, "", 14))
A = "active"
_NUMBER = CellKind.NUMBER  # a module name: an Enum member looked up on its class costs far more

# topic → (table, cells whose sum the claim states, rule, what the table calls it)
TOPICS: dict[str, tuple[str, tuple[CellKey, ...], str, Bi]] = {
    "closed": (B, (TOTAL,), "N03", Bi("表B（七）总计", "table B's (7) total")),
    "carried_out": (B, (CARRIED_OUT,), "N04", Bi("表B 四、结转下年度继续办理 总计", "table B's total carried forward")),
    "carried_in": (B, (CARRIED_IN,), "N04", Bi("表B 二、上年结转 总计", "table B's total carried over")),
    "rules_issued": (A, (CellKey(A, "规章", 0),), "N05", Bi("表A 规章本年制发件数", "table A's rules issued")),
    "normative_issued": (A, (CellKey(A, "行政规范性文件", 0),), "N05",
                         Bi("表A 行政规范性文件本年制发件数", "table A's normative documents issued")),
    "normative_repealed": (A, (CellKey(A, "行政规范性文件", 1),), "N05",
                           Bi("表A 行政规范性文件本年废止件数", "table A's normative documents repealed")),
    "normative_valid": (A, (CellKey(A, "行政规范性文件", 2),), "N05",
                        Bi("表A 行政规范性文件现行有效件数", "table A's normative documents in force")),
    "licences": (A, (CellKey(A, "行政许可", 0),), "N06", Bi("表A 行政许可", "table A's administrative licensing")),
    "penalties": (A, (CellKey(A, "行政处罚", 0),), "N06", Bi("表A 行政处罚", "table A's administrative penalties")),
    "enforcement": (A, (CellKey(A, "行政强制", 0),), "N06", Bi("表A 行政强制", "table A's administrative enforcement")),
    "review": (C, (REVIEW_TOTAL,), "N07", Bi("表C 行政复议总计", "table C's reconsideration total")),
    "review_corrected": (C, (CellKey(C, "", 1),), "N07", Bi("表C 行政复议结果纠正", "table C's reconsiderations corrected")),
    "litigation_corrected": (C, (CellKey(C, "", 6), CellKey(C, "", 11)), "N07",
                             Bi("表C 行政诉讼结果纠正（未经复议直接起诉 + 复议后起诉）",
                                "table C's suits corrected (without + after reconsideration)")),
    "litigation": (C, LITIGATION_TOTALS, "N07", Bi("表C 行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
                                                   "table C's litigation total (without + after reconsideration)")),
}
TABLE_NAME = {A: Bi("表A", "table A"), B: Bi("表B", "table B"), C: Bi("表C", "table C")}
CLAIM_TABLE = {"received": B, "review_litigation": C, **{t: v[0] for t, v in TOPICS.items()}}


def _sum(ctx: CheckContext, keys: tuple[CellKey, ...]) -> int | None:
    """The sum of the cells, None unless each is a number (``CellValue.is_number``, inlined)."""
    values = [cv.value if cv.kind is _NUMBER else None for cv in map(ctx.get, keys)]
    return None if None in values else sum(values)


def _quote(ctx: CheckContext, claim: Claim) -> str:
    """The words around the claim, within its clause: enough to find it, short enough to read."""
    lo = max(claim.sentence[0], claim.span[0] - 24)
    hi = min(claim.sentence[1], claim.span[1] + 12)
    text = ctx.report.source.text[lo:hi].strip()
    return ("…" if lo > claim.sentence[0] else "") + text + ("…" if hi < claim.sentence[1] else "")


@check
def narrative_vs_tables(ctx: CheckContext) -> Iterator[Finding]:
    for claim in narrative_claims(ctx.report):
        table = CLAIM_TABLE[claim.topic]
        subject = f"{claim.topic}:{claim.span[0]}"
        if not ctx.table_found(table):
            yield ctx.finding("N09", msg("N09", quote=_quote(ctx, claim), table=TABLE_NAME[table]),
                              spans=(claim.span,), subject=subject, verdict=Verdict.UNASSESSABLE)
            continue
        if claim.topic == "received":
            yield from _received(ctx, claim, subject)
        elif claim.topic == "review_litigation":
            cells = (REVIEW_TOTAL, *LITIGATION_TOTALS)
            total = _sum(ctx, cells)
            if total:
                yield ctx.finding("N07", msg("N07.none", quote=_quote(ctx, claim), total=total),
                                  cells, (claim.span,), subject, severity=Severity.ERROR)
        elif claim.approximate:
            continue
        else:
            _, cells, rule, name = TOPICS[claim.topic]
            stated = claim.value if claim.value is not None else 0
            actual = _sum(ctx, cells)
            if actual is not None and actual != stated:
                yield ctx.finding(rule, msg("N.mismatch", quote=_quote(ctx, claim), stated=stated, name=name,
                                            actual=actual),
                                  cells, (claim.span,), subject, lhs=stated, rhs=actual)


def _received(ctx: CheckContext, claim: Claim, subject: str) -> Iterator[Finding]:
    new, carried = _sum(ctx, (NEW,)), _sum(ctx, (CARRIED_IN,))
    if new is None:
        return
    if claim.value is None:
        if new > 0:
            yield ctx.finding("N02", msg("N02.none", quote=_quote(ctx, claim), new=new),
                              (NEW,), (claim.span,), subject)
        return
    if claim.approximate:
        return
    if claim.value > 0 and new == 0 and not carried:
        yield ctx.finding("N02", msg("N02.zero", value=claim.value, quote=_quote(ctx, claim)),
                          (NEW, CARRIED_IN), (claim.span,), subject)
        return
    readings = {new} | ({new + carried} if carried is not None else set())
    if claim.value not in readings:
        both = msg("N01.new", new=new) if carried is None else msg("N01.new_and_carried", new=new, both=new + carried)
        yield ctx.finding("N01", msg("N01", quote=_quote(ctx, claim), value=claim.value, readings=both),
                          (NEW, CARRIED_IN), (claim.span,), subject, lhs=claim.value, rhs=new)


_PARTS = re.compile(rf"(?P<total>{NUMBER})\s*(?P<unit>条|件|个|项)[，,]?\s*其中[，,：:]?(?P<rest>[^。]*)")
_PARTS_HEAD = re.compile(rf"{NUMBER}\s*(?:条|件|个|项)[，,]?\s*其中")
_HEAD_CHARS = frozenset(",，零〇一二两三四五六七八九十百千万条件个项")  # with digits and spaces: all a head holds


def _parts_matches(text: str):
    """``_PARTS.finditer(text)`` without trying the pattern at every character. A match's head ends
    at a 其中 and starts in the run of digit, numeral, unit and space characters just before it; 其 is
    none of these, so only the first 其中 after the previous match can end the next match's head."""
    end, at = 0, text.find("其中")
    while at >= 0:
        if at >= end:
            start = at
            while start > end and (text[start - 1] in _HEAD_CHARS or text[start - 1].isdecimal()
                                   or text[start - 1].isspace()):
                start -= 1
            head = _PARTS_HEAD.search(text, start, at + 2)
            if head is not None:
                m = _PARTS.match(text, head.start())
                yield m
                end = m.end()
        at = text.find("其中", at + 1)


_PAREN = re.compile(r"[(（][^()（）]*[)）]")


@check
def parts_sum(ctx: CheckContext) -> Iterator[Finding]:
    """N08: 共 X 件，其中 a…b…c — the parts add up (a list ending in 等 is open, so not checked)."""
    text = fold(ctx.report.source.text).replace("；", "，").replace(";", "，")  # same length: spans hold
    for m in _parts_matches(text):
        rest = _PAREN.sub(lambda p: " " * len(p.group()), m.group("rest"))
        unit = m.group("unit")
        items = list(re.finditer(rf"({NUMBER})\s*{unit}", rest))
        total = to_int(m.group("total"))
        if len(items) < 2 or total is None or APPROXIMATE.search(text, m.start(), m.end()):
            continue
        tail = rest[items[-1].end():items[-1].end() + 2]
        if "等" in tail or any(APPROXIMATE.search(rest[i.end():i.end() + 2]) for i in items):
            continue
        values = [to_int(i.group(1)) for i in items]
        if None in values or sum(values) == total:
            continue
        yield ctx.finding("N08", msg("N08", quote=text[m.start():m.start() + 60].strip(), total=total, unit=unit,
                                     parts=Joined(tuple(values), " + ", " + "), sum=sum(values)),
                          spans=(m.span(),), subject=f"N08:{m.start()}", lhs=total, rhs=sum(values))

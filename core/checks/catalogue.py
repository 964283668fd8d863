"""The rule catalogue (checks.md) and the registry of check functions.

A new rule is one ``Rule`` line here plus one ``@check`` function in a family module; nothing else needs
to know about it — the CLI, GUI and workbook list findings by what this catalogue says."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.model import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str

    def title_in(self, lang: str) -> str:
        """The title in "zh" (as above) or "en" (``TITLES_EN``)."""
        return TITLES_EN.get(self.id, self.title) if lang == "en" else self.title

    @property
    def basis(self) -> str:
        """依据: the short citation of what the rule rests on (``BASIS``)."""
        return BASIS[self.id]


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("S01", E, "六个部分标题齐全"),
    Rule("S02", E, "第二、三、四部分各有其表格"),
    Rule("S03", W, "表格完整（表A 10 个数、表B 25 行×7 列、表C 15 个数）"),
    Rule("S04", E, "使用现行（2021 版）格式"),
    Rule("S05", I, "标签与顺序符合标准"),
    Rule("S06", W, "标题含机关全称和年份"),
    Rule("S07", I, "写明统计期限"),
    Rule("V01", E, "计数为非负整数"),
    Rule("V02", W, "应填数字的单元格不得为空（应填0）"),
    Rule("V03", W, "数字单元格不得填写占位符"),
    Rule("V04", E, "行政事业性收费为非负数，单位万元"),
    Rule("V05", I, "无关单元格出现相同非零数值"),
    Rule("A01", W, "现行有效件数 ≥ 本年制发件数 − 本年废止件数"),
    Rule("A02", W, "无规章制定权的机关规章数为零"),
    Rule("B01", E, "每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度"),
    Rule("B02", E, "每行：各类申请人之和 = 总计"),
    Rule("B03", E, "每列：办理结果总计 = 各项办理结果之和"),
    Rule("C01", E, "每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
    Rule("C02", I, "复议后起诉而本年无行政复议"),
    Rule("D01", E, "标题年份 = 统计期限年份 = 总体情况所述年份"),
    Rule("D02", W, "按时发布（部门、乡镇/街道不晚于次年1月31日，政府不晚于次年3月31日；网页标注了发布日期的以网页为准）"),
    Rule("D03", E, "发布日期晚于报告年度且不在未来"),
    Rule("D04", W, "发布后内容未被改动（同一网址先后下载的版本一致）"),
    Rule("D05", W, "不同平台发布的版本一致（同一机关、同一年度）"),
    Rule("N01", W, "正文所述收到申请数与表B相符（新收，或新收加上年结转）"),
    Rule("N02", E, "正文称未收到申请而表B不为零，或相反"),
    Rule("N03", W, "正文所述办结数 = 表B（七）总计"),
    Rule("N04", W, "正文所述结转数与表B相符"),
    Rule("N05", W, "正文所述规章、规范性文件件数与表A相符"),
    Rule("N06", W, "正文所述行政许可、处罚、强制数与表A相符"),
    Rule("N07", W, "正文所述行政复议、行政诉讼数与表C相符"),
    Rule("N08", I, "“共X件，其中……”各项之和等于X"),
    Rule("N09", I, "正文所述数字对应的表格缺失，无法核对"),
    Rule("T01", W, "第五部分写明存在的问题和改进情况"),
    Rule("T02", I, "第五部分报告上年度问题的整改情况"),
    Rule("T03", W, "第六部分写明信息处理费收取情况"),
    Rule("T04", I, "第六部分报告年度政务公开工作要点落实情况"),
    Rule("T05", W, "有收费通知情形而第六部分称未收费"),
    Rule("T06", I, "人民政府报告写明工作考核、社会评议和责任追究结果"),
    Rule("T07", W, "无模板残留（XX、××、【】、（单位名称）、YYYY）"),
    Rule("T08", W, "未将其他机关或地方的名称作为本机关自称"),
    Rule("T09", W, "总体情况所述年份不是上一年（疑为沿用上年文字）"),
    Rule("T10", I, "信息处理费与行政事业性收费不得混同"),
    Rule("X01", E, "本年上年结转 = 上年结转下年度（七列）"),
    Rule("X02", W, "现行有效件数 = 上年现行有效 + 本年制发 − 本年废止"),
    Rule("X03", I, "主要数字与上年相比变化不超过 5 倍"),
    Rule("X04", W, "正文与本机关上年报告不雷同"),
    Rule("X05", W, "正文与其他机关报告不雷同"),
    Rule("X06", I, "存在问题未照搬上年"),
    Rule("X07", W, "与本机关上年报告重复的句子占比不超过阈值（默认 50%）"),
    Rule("X08", I, "同一批次中没有重复的文件（同一份报告只计一次）"),
    Rule("O01", I, "扫描页经文字识别（OCR）读取"),
    Rule("O02", I, "识别把握不足的数字由勾稽关系确定"),
    Rule("O03", W, "扫描件中的数字无法可靠识别（无法核对）"),
    Rule("O04", W, "PDF 页面无法读取"),
)}

TITLES_EN: dict[str, str] = {
    "S01": "All six part headings present",
    "S02": "Parts 2, 3 and 4 each have their table",
    "S03": "Tables complete (A: 10 numbers, B: 25 rows × 7 columns, C: 15 numbers)",
    "S04": "Current (2021) layout used",
    "S05": "Standard labels and order",
    "S06": "Title names the agency and the year",
    "S07": "Statistics period stated",
    "V01": "Counts are non-negative integers",
    "V02": "No blank cell where a number is due (write 0)",
    "V03": "No placeholder in a number cell",
    "V04": "Administrative fees non-negative, in 10,000 yuan",
    "V05": "No identical non-zero values in unrelated cells",
    "A01": "In force ≥ issued − repealed",
    "A02": "No rules from an agency without rule-making power",
    "B01": "Each column: new + carried over = outcomes total + carried forward",
    "B02": "Each row: the applicant columns add up to the total",
    "B03": "Each column: outcomes total = sum of the outcomes",
    "C01": "Each group: total = upheld + corrected + other + pending",
    "C02": "Suits after reconsideration but no reconsideration this year",
    "D01": "Title year = statistics period year = year of the overview",
    "D02": "Published on time (departments and townships by 31 January, governments by 31 March; a page's stated date first)",
    "D03": "Published after the report year and not in the future",
    "D04": "Not changed after publication (downloads of one address agree)",
    "D05": "The same version on every platform (one agency, one year)",
    "N01": "Applications received in the text match table B (new, or new plus carried over)",
    "N02": "Text says no applications while table B is not zero, or the reverse",
    "N03": "Applications closed in the text = table B (7) total",
    "N04": "Carried-over numbers in the text match table B",
    "N05": "Rules and normative documents in the text match table A",
    "N06": "Licensing, penalties and enforcement in the text match table A",
    "N07": "Reconsideration and litigation in the text match table C",
    "N08": "“X in all, of which …” adds up to X",
    "N09": "A number in the text whose table is missing cannot be verified",
    "T01": "Part 5 states the problems and the improvements",
    "T02": "Part 5 reports how last year's problems were remedied",
    "T03": "Part 6 states the information processing fees",
    "T04": "Part 6 reports on the year's key points for open government",
    "T05": "Fee notices issued while part 6 says no fee",
    "T06": "A people's government report states assessment, appraisal and accountability",
    "T07": "No template residue (XX, ××, empty brackets, (agency name), YYYY)",
    "T08": "No other agency or place named as this agency",
    "T09": "The overview does not speak of last year (text carried over)",
    "T10": "Information processing fees not confused with administrative fees",
    "X01": "Carried over this year = carried forward last year (seven columns)",
    "X02": "In force = last year's in force + issued − repealed",
    "X03": "Key numbers change less than 5 times year on year",
    "X04": "Text not nearly the same as this agency's previous report",
    "X05": "Text not nearly the same as other agencies' reports",
    "X06": "Problems not copied from last year",
    "X07": "Sentences repeated from this agency's previous report within the threshold (default 50%)",
    "X08": "No duplicate files in one batch (each report counted once)",
    "O01": "Scanned pages read by text recognition (OCR)",
    "O02": "Digits recognised with doubt decided by the cross totals",
    "O03": "Digits on a scan that cannot be read reliably (not assessable)",
    "O04": "PDF pages that cannot be read",
}
# 依据, kept short for a working paper's column; the abbreviations are spelled out in ``BASIS_SOURCES``.
# 审阅惯例 marks a reviewer's practice with no normative text behind it: worth a look, never a legal claim.
F, REG, FEE = "30号文", "条例", "109号文"
BASIS: dict[str, str] = {
    "S01": f"{REG}第五十条；{F}（六个部分）", "S02": f"{F}第二、三、四部分", "S03": f"{F}表格式样",
    "S04": f"{F}（2021 年度报告起施行）", "S05": f"{F}表格式样", "S06": f"{F}（标题）", "S07": f"{F}（统计期限）",
    "V01": f"{F}表格式样", "V02": f"{F}表格式样", "V03": f"{F}表格式样", "V04": f"{REG}第二十条第（八）项；{F}第二部分",
    "V05": "审阅惯例",
    "A01": f"{REG}第二十条第（一）项；{F}第二部分", "A02": "立法法第九十三条",
    "B01": f"{F}第三部分", "B02": f"{F}第三部分", "B03": f"{REG}第三十六条；{F}第三部分",
    "C01": f"{F}第四部分", "C02": "审阅惯例",
    "D01": f"{REG}第五十条；{F}", "D02": f"{REG}第四十九条", "D03": f"{REG}第四十九条", "D04": "审阅惯例",
    "D05": "审阅惯例",
    "N01": f"{F}第三部分", "N02": f"{F}第三部分", "N03": f"{F}第三部分", "N04": f"{F}第三部分",
    "N05": f"{F}第二部分", "N06": f"{F}第二部分", "N07": f"{F}第四部分", "N08": "审阅惯例",
    "N09": f"{REG}第五十条；{F}第二至四部分",
    "T01": f"{REG}第五十条第（四）项", "T02": f"{REG}第五十条第（四）项", "T03": f"{F}第六部分；{FEE}",
    "T04": f"{F}第六部分", "T05": FEE, "T06": f"{REG}第五十条第（四）项", "T07": "审阅惯例",
    "T08": "审阅惯例", "T09": "审阅惯例", "T10": f"{REG}第二十条第（八）项；{FEE}",
    "X01": f"{F}第三部分", "X02": f"{F}第二部分", "X03": "审阅惯例", "X04": "审阅惯例", "X05": "审阅惯例",
    "X06": f"{REG}第五十条第（四）项", "X07": "审阅惯例", "X08": "审阅惯例",
    "O01": "读取说明", "O02": "读取说明", "O03": "读取说明", "O04": "读取说明",
}
BASIS_SOURCES = (
    (F, "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"),
    (REG, "《中华人民共和国政府信息公开条例》（2019 年修订）"),
    (FEE, "国办函〔2020〕109号《政府信息公开信息处理费管理办法》"),
    ("立法法", "《中华人民共和国立法法》（2023 年修正）"),
    ("审阅惯例", "审阅经验，非规范性要求"),
    ("读取说明", "本工具如何读出报告（扫描件的文字识别等），不是对报告的要求"),
)

Check = Callable[["object"], Iterable["object"]]
CHECKS: list[Check] = []


def check(func: Check) -> Check:
    """Register a check function: it takes a ``CheckContext`` and yields ``Finding``s."""
    CHECKS.append(func)
    return func

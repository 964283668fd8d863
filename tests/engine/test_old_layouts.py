"""Older layouts (S04): recognised from their markers, reported, never checked against the 2021 form."""
from __future__ import annotations

from core.api import analyze_text
from core.checks import run_checks
from core.model import Severity

TRIAL_2019 = """某某县人民政府办公室2020年政府信息公开工作年度报告
一、总体情况
2020年，本机关扎实推进政府信息公开工作。
二、主动公开政府信息情况
第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t3\t3\t12
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t12\t1\t300
第二十条第（九）项
信息内容\t采购项目数量\t采购总金额
政府集中采购\t4\t120.5
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t9
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
"""

PRE_2019 = """某某市统计局2017年政府信息公开工作年度报告
一、概述
二、主动公开政府信息情况
三、依申请公开政府信息情况
四、政府信息公开的收费及减免情况
统计指标\t单位\t统计数
一、主动公开情况\t—\t—
（一）主动公开政府信息数\t条\t120
"""


def test_2019_trial_format_on_a_2020_report_is_info_and_has_no_table_errors():
    report = analyze_text(TRIAL_2019)
    assert report.layout == "2019"
    assert all(t is None for t in report.tables.values())
    findings = run_checks(report)
    s04 = [f for f in findings if f.rule == "S04"]
    assert len(s04) == 1 and s04[0].severity is Severity.INFO
    assert not [f for f in findings if f.rule[0] in "ABCV" or f.rule in ("S02", "S03")]


def test_2019_format_used_for_2022_report_is_an_error():
    report = analyze_text(TRIAL_2019.replace("2020", "2022"))
    s04 = [f for f in run_checks(report) if f.rule == "S04"]
    assert s04 and s04[0].severity is Severity.ERROR and "已废止" in s04[0].message


def test_pre_2019_layout_recognised():
    report = analyze_text(PRE_2019)
    assert report.layout == "pre-2019"
    assert report.year == 2017
    findings = run_checks(report)
    assert [f.severity for f in findings if f.rule == "S04"] == [Severity.INFO]
    assert not [f for f in findings if f.rule in ("B01", "B02", "B03", "C01", "S02", "S03")]

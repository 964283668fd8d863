"""Reports in the layouts before the 2021 form, which a reader must recognise as old (S04) and never
check against the 2021 tables.

- ``pre2019``: the 2008-era outline (一、概述 / 二、主动公开政府信息情况 / 三、依申请公开政府信息情况 /
  四、政府信息公开的收费及减免情况 / 五、因政府信息公开申请行政复议、提起行政诉讼的情况 / 六、…存在的主要问题和
  改进措施 / 七、其他需要报告的事项) with the 统计指标 · 单位 · 统计数 table; its part 二 heading is word for
  word the 2021 one, and its table has rows that look like 2021 labels (行政复议数量, 依申请公开情况…).
- ``trial2019``: the 2019 trial form (国办公开办函〔2019〕60号): table A with 本年新制作数量 / 本年新公开数量 /
  对外公开总数量 columns and 第二十条第（九）项 政府集中采购, table B with 23 rows (one （六）其他处理 row),
  table C as in 2021 — the same six headings as the 2021 form.
"""
from __future__ import annotations

import random

from tests.engine.render_text import random_tables
from tests.realistic.document import Cell, Document, Para, Table, table_b, table_c
from tests.realistic.keys import INFO, AnswerKey, FormOptions, Need, Part

PRE2019_ROWS = (
    ("一、主动公开情况", "—", "—"), ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "1436"),
    ("其中：主动公开规范性文件数", "条", "12"), ("制发规范性文件总数", "件", "12"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "—", "—"), ("1.政府公报公开政府信息数", "条", "86"),
    ("2.政府网站公开政府信息数", "条", "1205"), ("3.政务微博公开政府信息数", "条", "310"),
    ("4.政务微信公开政府信息数", "条", "452"), ("5.其他方式公开政府信息数", "条", "96"),
    ("二、回应解读情况", "—", "—"), ("（一）回应公众关注热点或重大舆情数（不含网络渠道）", "次", "6"),
    ("（二）通过不同渠道和方式回应解读的情况", "—", "—"), ("1.参加或举办新闻发布会总次数", "次", "4"),
    ("2.政府网站在线访谈次数", "次", "2"), ("3.政策解读稿件发布数", "篇", "15"),
    ("三、依申请公开情况", "—", "—"), ("（一）收到申请数", "件", "23"), ("1.当面申请数", "件", "5"),
    ("2.传真申请数", "件", "0"), ("3.网络申请数", "件", "14"), ("4.信函申请数", "件", "4"),
    ("（二）申请办结数", "件", "23"), ("1.按时办结数", "件", "23"), ("2.延期办结数", "件", "0"),
    ("（三）申请答复数", "件", "23"), ("1.属于已主动公开范围数", "件", "6"), ("2.同意公开答复数", "件", "9"),
    ("3.同意部分公开答复数", "件", "2"), ("4.不同意公开答复数", "件", "1"), ("其中：涉及国家秘密", "件", "0"),
    ("涉及商业秘密", "件", "0"), ("涉及个人隐私", "件", "1"), ("5.不属于本行政机关公开数", "件", "3"),
    ("6.申请信息不存在数", "件", "2"), ("7.告知作出更改补充数", "件", "0"), ("8.告知通过其他途径办理数", "件", "0"),
    ("四、行政复议数量", "件", "1"), ("（一）维持具体行政行为数", "件", "1"), ("（二）被依法纠错数", "件", "0"),
    ("（三）其他情形数", "件", "0"), ("五、行政诉讼数量", "件", "0"), ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "0"),
    ("（二）被依法纠错数", "件", "0"), ("（三）其他情形数", "件", "0"), ("六、举报投诉数量", "件", "0"),
    ("七、依申请公开信息收取的费用", "万元", "0"), ("八、机构建设和保障经费情况", "—", "—"),
    ("（一）政府信息公开工作专门机构数", "个", "1"), ("（二）设置政府信息公开查阅点数", "个", "3"),
    ("（三）从事政府信息公开工作人员数", "人", "4"), ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "1"),
    ("2.兼职人员数", "人", "3"), ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "2.5"),
    ("九、政府信息公开会议和培训情况", "—", "—"), ("（一）召开政府信息公开工作会议或专题会议数", "次", "2"),
    ("（二）举办各类培训班数", "次", "3"), ("（三）接受培训人员数", "人次", "120"),
)


def pre2019_key() -> AnswerKey:
    agency, year = "清河县人民政府办公室", 2017
    head = (("title", f"{agency}{year}年政府信息公开工作年度报告"),
            ("body", f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由{agency}编制。全文包括概述，"
                     "主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，"
                     f"政府信息公开工作存在的主要问题和改进措施，其他需要报告的事项，并附相关指标统计表。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"))
    parts = {
        1: Part("一、概述", (f"{year}年，我办认真贯彻落实《条例》和上级关于政务公开工作的部署，不断完善工作机制，政府信息公开工作有序推进。",)),
        2: Part("二、主动公开政府信息情况", (f"{year}年，通过政府网站、政府公报、政务微博微信等渠道主动公开政府信息1436条，其中规范性文件12条。",)),
        3: Part("三、依申请公开政府信息情况", (f"{year}年共收到政府信息公开申请23件，均已按时办结。其中同意公开9件，同意部分公开2件，不同意公开1件。",)),
        4: Part("四、政府信息公开的收费及减免情况", ("本年度未收取政府信息公开检索、复制、邮寄等费用。",)),
        5: Part("五、因政府信息公开申请行政复议、提起行政诉讼的情况", ("本年度发生政府信息公开行政复议1件，维持具体行政行为；未发生行政诉讼。",)),
        6: Part("六、政府信息公开工作存在的主要问题和改进措施", ("一是公开内容还不够全面；二是工作人员业务水平有待提高。下一步将加强培训，完善制度。",)),
        7: Part("七、其他需要报告的事项", ("无。", "附表：政府信息公开情况统计表")),
    }
    need = Need("a pre-2019 report is recognised as old", frozenset({INFO}), rule="S04")
    return AnswerKey(name="old-pre2019", agency=agency, year=year, head=head, parts=parts, values={},
                     layout="pre-2019", needs=(need,))


def trial2019_key() -> AnswerKey:
    agency, year = "清河县住房和城乡建设局", 2020
    values = random_tables(random.Random(2019)).values
    head = (("title", f"{agency}{year}年政府信息公开工作年度报告"),
            ("body", f"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自{year}年1月1日至{year}年12月31日。"))
    parts = {
        1: Part("一、总体情况", (f"{year}年，我局认真贯彻落实新修订的《条例》，扎实推进政务公开各项工作。",)),
        2: Part("二、主动公开政府信息情况"), 3: Part("三、收到和处理政府信息公开申请情况"),
        4: Part("四、政府信息公开行政复议、行政诉讼情况"),
        5: Part("五、存在的主要问题及改进情况", ("公开的及时性有待提升，下一步将加强审核、压实责任。",)),
        6: Part("六、其他需要报告的事项", ("无。",)),
    }
    need = Need("a 2019 trial-form report is recognised as old", frozenset({INFO}), rule="S04")
    return AnswerKey(name="old-trial2019", agency=agency, year=year, head=head, parts=parts, values=values,
                     layout="2019", form=FormOptions(other_single=True), needs=(need,))


def _pre2019_table() -> Table:
    rows = [[Cell("统计指标", role="header"), Cell("单位", role="header"), Cell("统计数", role="header")]]
    rows += [[Cell(a), Cell(u, role="header"), Cell(n, role="value")] for a, u, n in PRE2019_ROWS]
    return Table("old", rows, header_rows=1, widths=(5600, 1200, 1500))


def _trial_a(rng: random.Random) -> Table:
    def clause(name: str, columns: tuple[str, ...], names: tuple[str, ...]) -> list[list[Cell]]:
        wide = 4 - len(columns)
        out = [[Cell(name, colspan=4, role="header")],
               [Cell("信息内容", role="header")] + [Cell(c, colspan=wide if i == 0 else 1, role="header")
                                                   for i, c in enumerate(columns)]]
        for n in names:
            out.append([Cell(n)] + [Cell(str(rng.randint(0, 40)), colspan=wide if i == 0 else 1, role="value")
                                    for i in range(len(columns))])
        return out

    rows = (clause("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "规范性文件"))
            + clause("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"), ("行政许可", "其他对外管理服务事项"))
            + clause("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"), ("行政处罚", "行政强制"))
            + clause("第二十条第（八）项", ("上一年项目数量", "本年增/减"), ("行政事业性收费",))
            + clause("第二十条第（九）项", ("采购项目数量", "采购总金额"), ("政府集中采购",)))
    return Table("old", rows, widths=(2435,) * 4)


def build(key: AnswerKey) -> Document:
    """The old-layout report: its own outline and tables."""
    doc = Document([Para(text, role) for role, text in key.head])
    for n, part in sorted(key.parts.items()):
        doc.blocks.append(Para(part.heading, "heading", part=n if key.layout == "2019" else None))
        doc.blocks.extend(Para(p) for p in part.paragraphs)
        if key.layout == "2019":
            if n == 2:
                doc.blocks.append(_trial_a(random.Random(key.name)))
            elif n == 3:
                doc.blocks.append(table_b(key, key.form))
            elif n == 4:
                doc.blocks.append(table_c(key, key.form))
    if key.layout == "pre-2019":
        doc.blocks.append(_pre2019_table())
    return doc


def old_keys() -> list[AnswerKey]:
    return [pre2019_key(), trial2019_key()]

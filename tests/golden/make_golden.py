"""The golden corpus and its recorded outputs: what ``check`` and ``export`` said before the batch was
made to stream (issue 17), so that faster code can be held to exactly the same findings and JSON.

``python -m tests.golden.make_golden corpus`` writes the cross-report corpus (run once; the files are
committed so the inputs never drift with the test helpers); ``python -m tests.golden.make_golden record``
re-records ``expected.json`` — only when a change of results is intended, and say so in the commit."""
from __future__ import annotations

import contextlib
import datetime
import hashlib
import io
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected.json"
SAMPLES = sorted((ROOT / "tests" / "fixtures" / "samples").glob("*.txt"))
FIXTURES = [ROOT / "tests" / "engine" / "data" / "tiny_report.txt", ROOT / "tests" / "fixtures" / "pdftotext_layout_seed21.txt"]

SENTENCES = ["坚持以人民为中心的发展思想", "围绕中心工作全面加强政务公开", "加强政务公开标准化规范化建设", "持续完善信息发布审核机制",
             "推进基层公开事项清单落地见效", "组织干部职工深入学习条例", "及时回应社会关切和群众诉求", "提升政策解读质量和传播效果",
             "畅通依申请公开受理渠道", "加强政务新媒体日常管理", "严格落实保密审查制度", "推动重点领域信息公开",
             "优化政府网站栏目设置", "开展政府开放日系列活动", "落实信息发布三审三校制度", "规范公开目录动态更新",
             "强化政务公开工作考核", "推进决策公开和政策解读同步", "做好惠民资金公开公示", "加强公开平台安全防护"]


def _narrative(rng: random.Random, agency: str, sentences: list[str]) -> str:
    own = agency.replace("某某县", "")
    return "".join(f"{own}{s}，" if i % 4 == 0 else f"{s}，" for i, s in enumerate(sentences)).rstrip("，") + \
        f"。全年开展培训{rng.randint(1, 30)}次。"


def _report(t, agency: str, year: int, story: str, style: str, problems: str | None = None) -> str:
    from tests.engine.render_text import render_report

    text = render_report(t, style, random.Random(year), agency=agency, year=year)
    text = text.replace("扎实推进政务公开工作。", "扎实推进政务公开工作。" + story)
    if problems is not None:
        text = text.replace("存在问题：公开内容不够丰富。改进情况：加强培训，完善制度。", problems)
    return text


def _linked(rng: random.Random, prev=None):
    """Tables for the year after ``prev`` that carry its 结转下年度 over and keep every total."""
    from core.template import CellKey
    from tests.engine.render_text import random_tables

    t = random_tables(rng)
    if prev is None:
        return t
    v, b = t.values, "applications"
    for c in range(6):
        carried = prev.values[CellKey(b, "结转下年度", c)]
        new = v[CellKey(b, "总计", c)] + v[CellKey(b, "结转下年度", c)] - carried
        if new < 0:
            v[CellKey(b, "结转下年度", c)] -= new
            new = 0
        v[CellKey(b, "上年结转", c)], v[CellKey(b, "本年新收", c)] = carried, new
    for row in ("本年新收", "上年结转", "结转下年度"):
        v[CellKey(b, row, 6)] = sum(v[CellKey(b, row, c)] for c in range(6))
    for row in ("规章", "行政规范性文件"):
        before, issued = prev.values[CellKey("active", row, 2)], v[CellKey("active", row, 0)]
        repealed = min(v[CellKey("active", row, 1)], before + issued)
        v[CellKey("active", row, 1)], v[CellKey("active", row, 2)] = repealed, before + issued - repealed
    return t


def write_corpus(folder: Path = CORPUS) -> None:
    """Reports that exercise every cross check: one agency over three years (linked, broken, spelled
    differently), jumps and copied text from last year, a county template copied by townships with
    their names put in, near copies around the threshold, identical files, no title, distinct texts."""
    from core.template import CellKey
    from tests.engine.render_text import STYLES, random_tables

    rng = random.Random(1717)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    b = "applications"

    # one agency, three years, linked; the last year breaks X01 in one column and X02 in one row
    y22 = _linked(rng)
    y23 = _linked(rng, y22)
    y24 = _linked(rng, y23)
    y24.values[CellKey(b, "上年结转", 3)] += 2
    y24.values[CellKey(b, "本年新收", 3)] += 2
    y24.values[CellKey(b, "结转下年度", 3)] += 4
    for row in ("上年结转", "本年新收", "结转下年度"):
        y24.values[CellKey(b, row, 6)] = sum(y24.values[CellKey(b, row, c)] for c in range(6))
    y24.values[CellKey("active", "规章", 2)] += 1
    jia = "某某县甲一镇人民政府"
    for name, t, year in (("a_2022", y22, 2022), ("a_2023", y23, 2023), ("a_2024", y24, 2024)):
        files[name] = _report(t, jia, year, _narrative(rng, jia, rng.sample(SENTENCES, 9)), "pipe_cells")
    files["a_2021_short_name"] = _report(random_tables(rng), "甲一镇人民政府", 2021,
                                         _narrative(rng, "甲一镇", rng.sample(SENTENCES, 9)), "tab_rows")
    files["a_2024_revised"] = _report(y24, jia + "办公室", 2024, _narrative(rng, jia, rng.sample(SENTENCES, 9)), "space_rows")

    # last year's text reused, and a jump in 行政许可
    prev = _linked(rng)
    cur = _linked(rng, prev)
    prev.values[CellKey("active", "行政许可", 0)] = 3
    cur.values[CellKey("active", "行政许可", 0)] = 80
    yi = "某某县乙镇人民政府"
    story = _narrative(rng, yi, rng.sample(SENTENCES, 10))
    files["b_2023"] = _report(prev, yi, 2023, story, "pipe_cells", "存在问题：队伍专业化程度不高。改进情况：加强培训，完善制度，整改到位。")
    files["b_2024"] = _report(cur, "某某县 乙镇政府", 2024, story, "space_rows", "存在问题：队伍专业化程度不高。改进情况：加强培训，完善制度，整改到位。")

    # a county template, every township's name put in (the near-duplicate case of issue 17)
    template = rng.sample(SENTENCES, 14)
    towns = ["丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    for k, town in enumerate(towns):
        agency = f"某某县{town}镇人民政府"
        files[f"t_{town}"] = _report(random_tables(rng), agency, 2024 - (k % 2), _narrative(random.Random(5), agency, template),
                                     STYLES[k % 6])

    # near copies of one text: k of 14 sentences replaced, around the 0.8 threshold
    base = rng.sample(SENTENCES, 14)
    for k in range(6):
        text = list(base)
        for i in rng.sample(range(14), k):
            text[i] = text[i][::-1] + "并形成长效机制"
        agency = f"某某市第{k + 1}街道办事处"
        files[f"n_{k}"] = _report(random_tables(rng), agency, 2024, _narrative(random.Random(6), "某某街道", text), "pipe_cells")

    # identical files, and two agencies with the same text and no names in it
    same = _report(random_tables(rng), "某某县子镇人民政府", 2024, _narrative(rng, "本镇", rng.sample(SENTENCES, 12)), "tab_rows")
    for n in range(3):
        files[f"i_copy{n}"] = same
    plain = _narrative(random.Random(8), "本单位", rng.sample(SENTENCES, 12))
    for agency in ("某某县丑镇人民政府", "某某县寅镇人民政府"):
        files[f"p_{agency[3]}"] = _report(random_tables(rng), agency, 2024, plain, "markdown")

    # no title (agency and year unknown), and distinct texts
    untitled = _report(random_tables(rng), "某某县卯镇人民政府", 2024, _narrative(rng, "卯镇", rng.sample(SENTENCES, 9)), "pipe_cells")
    files["u_untitled"] = untitled.split("\n", 1)[1]
    for k in range(4):
        agency = f"某某市{'东南西北'[k]}区人民政府"
        files[f"d_{k}"] = _report(random_tables(rng, big=k == 3), agency, 2023 + k % 2,
                                  _narrative(rng, agency, rng.sample(SENTENCES, 8)), STYLES[k])
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="gb18030" if name.startswith("d_") else "utf-8")
    (folder / "z_empty.txt").write_text("", encoding="utf-8")


def corpus_files() -> list[str]:
    """The corpus in a fixed argument order, relative to the repository (paths appear in the output)."""
    return [str(p.relative_to(ROOT)) for p in sorted(CORPUS.glob("*.txt"))]


def cases() -> dict[str, list[str]]:
    rel = [str(p.relative_to(ROOT)) for p in SAMPLES + FIXTURES]
    out = {f"alone:{Path(p).name}": [p] for p in rel}
    out["samples_together"] = [str(p.relative_to(ROOT)) for p in SAMPLES]
    corpus = corpus_files()
    empty = [p for p in corpus if p.endswith("z_empty.txt")]
    rest = [p for p in corpus if p not in empty]
    out["corpus"] = rest[: len(rest) // 2] + empty + rest[len(rest) // 2:]
    out["corpus_reversed"] = list(reversed(out["corpus"]))
    return out


def export_files() -> list[str]:
    """Enough of the corpus for every cross check to reach a workbook (an export takes a while)."""
    keep = ("a_", "b_", "t_丙", "t_丁", "n_0", "n_1", "p_", "i_copy0", "i_copy1", "u_", "z_")
    return [p for p in cases()["corpus"] if Path(p).name.startswith(keep)]


def _here(text: str) -> str:
    """Paths relative to the repository: the outputs name files by absolute path, and the golden
    outputs must not depend on where the repository is."""
    for root in (str(ROOT) + os.sep, json.dumps(str(ROOT) + os.sep)[1:-1]):
        text = text.replace(root, "")
    return text


def run_check(files: list[str], as_json: bool) -> tuple[int, str]:
    """``main.py check`` in this process, from the repository root."""
    from core.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", *files] + (["--json"] if as_json else []))
    return status, _here(out.getvalue())


_WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(（[^）]*）)?")


def _cells(ws) -> list[list]:
    """Every value of a sheet, its paths relative and the time of the run masked."""
    def scrub(v):
        if isinstance(v, (datetime.date, datetime.time)):
            return "…"
        return _WHEN.sub("…", _here(v)) if isinstance(v, str) else v

    return [[scrub(v) for v in row] for row in ws.iter_rows(values_only=True) if any(v is not None for v in row)]


def run_export(files: list[str], out_dir: Path) -> dict:
    """What a batch export wrote: the workbooks' names, every value of each workbook's 检查结果 and of
    both sheets of 汇总.xlsx."""
    from openpyxl import load_workbook

    from core.batch import SUMMARY_NAME, export_paths

    result = export_paths(files, out_dir)
    names = sorted(p.name for p in out_dir.glob("*.xlsx") if p.name != SUMMARY_NAME)
    summary = load_workbook(out_dir / SUMMARY_NAME)
    return {
        "status": result.exit_status,
        "workbooks": [[name, _cells(load_workbook(out_dir / name)["检查结果"])] for name in names],
        "summary": [_cells(ws) for ws in summary.worksheets],
    }


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(js: str) -> list:
    """The parsed JSON with each report's spans replaced by their hash: small enough to keep, and a
    failing comparison still shows which report and which key changed."""
    out = json.loads(js)
    for item in out:
        if "spans" in item:
            item["spans"] = hashlib.sha256(json.dumps(item["spans"]).encode()).hexdigest()[:16]
    return out


def record() -> dict:
    import tempfile

    os.chdir(ROOT)
    expected: dict = {}
    for name, files in cases().items():
        status, text = run_check(files, as_json=False)
        jstatus, js = run_check(files, as_json=True)
        expected[name] = {"files": files, "status": status, "json_status": jstatus,
                          "text_sha256": sha256(text), "json_sha256": sha256(js)}
        if not name.endswith("_reversed"):  # the reversed order is held by its hashes alone
            expected[name].update(text=text, json=_digest(js))
    with tempfile.TemporaryDirectory() as tmp:
        expected["export"] = {"files": export_files(), **run_export(export_files(), Path(tmp))}
    return expected


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:] == ["corpus"]:
        write_corpus()
    elif sys.argv[1:] == ["record"]:
        EXPECTED.write_text(json.dumps(record(), ensure_ascii=False, separators=(",", ":"), default=str) + "\n", encoding="utf-8")
    else:
        sys.exit(__doc__)

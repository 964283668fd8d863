"""Findings from the evidence: D04 (changed at its address after publication), D05 (different
versions on two platforms), D02 with the page's published date; and what a folder load, `check` and
the workbooks make of an evidence folder."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from core.batch import export_paths
from core.collect.client import FetchOptions
from core.collect.collector import collect
from core.collect.evidence import INDEX_NAME, evidence_for
from core.review.session import expand_inputs, load_entry
from core.template import CellKey
from tests.engine.render_text import random_tables
from tests.formats.render_docs import render_html, render_pdf

ROOT = Path(__file__).resolve().parents[2]
FAST = FetchOptions(timeout=2.0, retries=0, delay=0.0)
TABLES = random_tables(random.Random(15))


def changed_tables():
    """The same report with one count moved between columns: every total still holds."""
    t = random_tables(random.Random(15))
    key, other = CellKey("applications", "予以公开", 0), CellKey("applications", "予以公开", 1)
    for k in (key, CellKey("applications", "总计", 0), CellKey("applications", "本年新收", 0)):
        t.values[k] += 1
    for k in (other, CellKey("applications", "总计", 1), CellKey("applications", "本年新收", 1)):
        t.values[k] -= 1 if t.values[other] else -1
    return t


def check_json(*paths) -> list[dict]:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", "--json", *map(str, paths)],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120)
    return json.loads(out.stdout)


def rules(item: dict) -> list[str]:
    return [f["rule"] for f in item["findings"]]


def test_content_changed_between_two_fetches_gives_d04_with_both_times(site, tmp_path):
    url = site.add("/nb/2024.html", render_html(TABLES))
    collect([url], tmp_path, FAST)
    site.add("/nb/2024.html", render_html(changed_tables()))
    (r,) = collect([url], tmp_path, FAST).results
    assert any("内容与" in n and "不同" in n for n in r.notes)
    first, second = (json.loads(x) for x in (tmp_path / INDEX_NAME).read_text(encoding="utf-8").splitlines())
    assert first["file"] != second["file"] and (tmp_path / first["file"]).exists()  # the earlier copy kept
    assert second["changed"] is True and second["content_changed"] is True
    # a folder load reads the current copy only; the earlier one stays as evidence
    assert expand_inputs([tmp_path]) == [str(tmp_path / second["file"])]
    (item,) = check_json(tmp_path)
    d04 = [f for f in item["findings"] if f["rule"] == "D04"]
    assert len(d04) == 1 and d04[0]["severity"] == "warning"
    assert first["time"] in d04[0]["message"] and second["sha256"][:16] in d04[0]["message"]
    assert first["sha256"][:16] in d04[0]["message"] and "（即本文件）" in d04[0]["message"]
    # named explicitly, the earlier copy is read too, and knows it was changed later
    (old,) = check_json(tmp_path / first["file"])
    assert "D04" in rules(old) and old["evidence"]["sha256"] == first["sha256"]


def test_report_removed_from_its_address_stays_loaded_and_gives_d04(site, tmp_path):
    url = site.add("/nb/2024.html", render_html(TABLES))
    collect([url], tmp_path, FAST)
    del site.routes["/nb/2024.html"]
    (r,) = collect([url], tmp_path, FAST).results
    assert r.error.startswith("网页不存在（HTTP 404）")
    first, second = (json.loads(x) for x in (tmp_path / INDEX_NAME).read_text(encoding="utf-8").splitlines())
    assert second["role"] == "error" and second["status"] == 404
    assert expand_inputs([tmp_path]) == [str(tmp_path / first["file"])]  # the only copy is still read
    (item,) = check_json(tmp_path)
    (d04,) = [f["message"] for f in item["findings"] if f["rule"] == "D04"]
    assert f"{second['time']} 再次下载时已不存在（HTTP 404）" in d04 and "不同版本" not in d04
    assert item["evidence"]["versions"] == 1


def test_markup_change_without_report_change_is_not_d04(site, tmp_path):
    url = site.add("/nb.html", render_html(TABLES))
    collect([url], tmp_path, FAST)
    site.add("/nb.html", render_html(TABLES).replace(b"<body>", b"<body><div>\xe8\xae\xbf\xe9\x97\xae\xe9\x87\x8f 1024</div>"))
    (r,) = collect([url], tmp_path, FAST).results
    assert any("报告内容未变" in n for n in r.notes)
    (item,) = check_json(tmp_path)
    assert "D04" not in rules(item)


def test_two_platforms_with_different_versions_give_d05(site, other_site, tmp_path):
    a = site.add("/gk/nb2024.html", render_html(TABLES))
    text_changed = render_html(TABLES).replace("公开内容不够丰富".encode(), "公开内容的及时性有待提高".encode())
    b = other_site.add("/zwgk/nb2024.html", text_changed)
    assert all(r.ok for r in collect([a, b], tmp_path, FAST).results)
    items = check_json(tmp_path)
    assert len(items) == 2
    for item in items:
        (d05,) = [f for f in item["findings"] if f["rule"] == "D05"]
        other = b if item["evidence"]["url"] == a else a
        assert other in d05["message"] and "句子相同比例" in d05["message"] and "%" in d05["message"]


def test_numbers_changed_on_the_other_platform_give_d05(site, other_site, tmp_path):
    a = site.add("/nb.html", render_html(TABLES))
    b = other_site.add("/nb.html", render_html(changed_tables()))
    collect([a, b], tmp_path, FAST)
    items = check_json(tmp_path)
    messages = [f["message"] for item in items for f in item["findings"] if f["rule"] == "D05"]
    assert len(messages) == 2 and all("表格中 6 个数值不同" in m for m in messages)


def test_same_version_as_page_and_as_pdf_on_two_platforms_is_not_d05(site, other_site, tmp_path):
    footer = "<p>为获得更好的浏览效果，建议使用新版浏览器。</p><p>本网站由某某县人民政府办公室主办。</p>".encode()
    a = site.add("/nb.html", render_html(TABLES).replace(b"</body>", footer + b"</body>"))
    b = other_site.add("/nb.pdf", render_pdf(TABLES), content_type="application/pdf")
    collect([a, b], tmp_path, FAST)
    items = check_json(tmp_path)
    assert len(items) == 2 and not [r for item in items for r in rules(item) if r == "D05"]


def test_d02_uses_the_date_the_page_states(site, tmp_path):
    late = render_html(TABLES).replace(b"</head>", b'<meta name="PubDate" content="2025-02-20 10:00"></head>')
    on_time = render_html(TABLES, agency="某某县另一镇人民政府").replace(
        b"</head>", "</head>".encode()).replace("<body>".encode(), "<body><div>发布时间：2025-01-15</div>".encode())
    pdf = render_pdf(TABLES, agency="某某县第三镇人民政府")
    site.add("/files/nb.pdf", pdf, content_type="application/pdf")
    listing = site.add("/list.html", '<html><head><meta name="PubDate" content="2025-03-02"></head><body>'
                                     '<a href="/files/nb.pdf">2024年政府信息公开工作年度报告</a></body></html>')
    collect([site.add("/late.html", late), site.add("/ok.html", on_time), listing], tmp_path, FAST)
    by_agency = {item["agency"]: item for item in check_json(tmp_path)}
    d02 = [f["message"] for f in by_agency["某某县某某镇人民政府"]["findings"] if f["rule"] == "D02"]
    assert d02 == [f"网页标注的发布日期 2025-02-20 晚于规定期限 2025-01-31（{site.url('/late.html')}）"]
    assert "D02" not in rules(by_agency["某某县另一镇人民政府"])
    attachment = by_agency["某某县第三镇人民政府"]
    assert attachment["evidence"]["published"] == "2025-03-02" and attachment["evidence"]["referrer"] == listing
    assert "D02" in rules(attachment)


def test_workbook_and_summary_cite_the_evidence(site, tmp_path):
    url = site.add("/nb.html", render_html(TABLES))
    folder = tmp_path / "evidence"
    collect([url], folder, FAST)
    (entry,) = [load_entry(p) for p in expand_inputs([folder])]
    ev = entry.review.report.evidence
    assert ev is not None and ev.record.url == url
    result = export_paths([folder], tmp_path / "out")
    summary = load_workbook(result.summary)["报告汇总"]
    top = next(r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value == "序号")  # the table's header
    header = [c.value for c in summary[top]]
    cited = summary.cell(top + 1, header.index("来源证据") + 1).value
    assert url in cited and ev.record.sha256 in cited and ev.record.time in cited
    overview = load_workbook(result.workbooks[0].path)["概览"]
    rows = {overview.cell(r, 1).value: overview.cell(r, 2).value for r in range(1, overview.max_row + 1)}
    (cell,) = [v for k, v in rows.items() if k == "来源证据"]
    assert url in cell and ev.record.sha256 in cell and ev.record.time in cell


def test_a_file_outside_any_evidence_folder_has_no_evidence(tmp_path):
    f = tmp_path / "r.html"
    f.write_bytes(render_html(TABLES))
    assert evidence_for(f) is None
    (item,) = check_json(f)
    assert item["evidence"] is None


def test_fetch_command(site, tmp_path):
    good = site.add("/nb.html", render_html(TABLES))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{site.url('/missing.html')}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "fetch", good, "--list", str(listing),
                          "--out", str(tmp_path / "ev"), "--delay", "0", "--retries", "0"],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
                         env={**os.environ, "NO_PROXY": "*"})
    assert out.returncode == 2
    assert f"✔ {good} → 1 份报告" in out.stdout and "已下载 1 份报告" in out.stdout
    assert f"✖ {site.url('/missing.html')}：网页不存在（HTTP 404）" in out.stderr
    assert "Traceback" not in out.stderr

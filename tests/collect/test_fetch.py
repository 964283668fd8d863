"""Collecting from a local web site: what is kept as evidence, redirects, errors per address (404,
timeout, robots.txt, DNS, not a report) that never stop the batch, politeness, retries, cancel."""
from __future__ import annotations

import hashlib
import json
import random
import socket
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from core.collect.client import FetchOptions
from core.collect.collector import NOT_A_REPORT, collect, read_list
from core.collect.evidence import INDEX_NAME, read_index
from tests.collect.site import Page
from tests.engine.render_text import random_tables
from tests.formats.render_docs import render_docx, render_html, render_pdf

FAST = FetchOptions(timeout=2.0, retries=0, backoff=0.05, delay=0.0)
TABLES = random_tables(random.Random(15))


def page_html(**kwargs) -> bytes:
    return render_html(TABLES, **kwargs)


def index(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / INDEX_NAME).read_text(encoding="utf-8").splitlines()]


def test_report_page_kept_exactly_with_its_record(site, tmp_path):
    body = page_html()
    url = site.add("/gk/2024/report.html", body)
    result = collect([url], tmp_path, FAST)
    (r,) = result.results
    assert r.ok and len(r.reports) == 1
    rec = index(tmp_path)[0]
    stored = tmp_path / rec["file"]
    assert stored.read_bytes() == body  # the bytes exactly as served
    assert rec["sha256"] == hashlib.sha256(body).hexdigest() and rec["size"] == len(body)
    assert rec["url"] == url and rec["final_url"] == url and rec["status"] == 200 and rec["role"] == "report"
    assert datetime.fromisoformat(rec["time"]).tzinfo is not None  # time with its zone
    assert ["content-type", "text/html; charset=utf-8"] in rec["headers"]
    assert rec["changed"] is None and rec["content_sha256"]


def test_attachments_that_look_like_the_report_are_fetched(site, tmp_path):
    pdf, docx = render_pdf(TABLES), render_docx(TABLES)
    site.add("/files/2024nb.pdf", pdf, content_type="application/pdf")
    site.add("/files/x.docx", docx, content_type="application/octet-stream")
    site.add("/files/notice.pdf", pdf, content_type="application/pdf")
    url = site.add("/gk/list.html", (
        '<html><head><meta name="PubDate" content="2025-01-20 09:30"></head><body>'
        '<a href="../files/2024nb.pdf">某某县某某镇人民政府2024年政府信息公开工作年度报告</a>'
        '<a href="/files/x.docx" title="政府信息公开工作年度报告（Word版）">下载</a>'
        '<a href="/files/notice.pdf">通知公告</a><a href="/about.html">年度报告栏目</a></body></html>'))
    (r,) = collect([url], tmp_path, FAST).results
    assert r.ok
    assert sorted(Path(d.file).suffix for d in r.reports) == [".docx", ".pdf"]
    assert "/files/notice.pdf" not in site.paths_hit() and "/about.html" not in site.paths_hit()
    records = {Path(d["url"]).name: d for d in index(tmp_path)}
    assert records["list.html"]["role"] == "page"
    for name in ("2024nb.pdf", "x.docx"):
        assert records[name]["referrer"] == url and records[name]["published"] == "2025-01-20"
    assert (tmp_path / records["2024nb.pdf"]["file"]).read_bytes() == pdf


def test_redirects_are_followed_and_recorded(site, tmp_path):
    target = site.add("/new/report.html", page_html())
    site.redirect("/b", "/new/report.html", 302)
    start = site.redirect("/a", site.url("/b"), 301)
    (r,) = collect([start], tmp_path, FAST).results
    assert r.ok
    rec = index(tmp_path)[0]
    assert rec["final_url"] == target and rec["redirects"] == [start, site.url("/b")] and rec["status"] == 200


def test_errors_per_address_in_chinese_never_stop_the_batch(site, tmp_path):
    good = site.add("/ok.html", page_html())
    missing = site.url("/gone.html")
    notice = site.add("/notice.html", "<html><body><p>关于做好政务公开工作的通知</p><p>各单位：请按时报送。</p></body></html>")
    slow = site.add("/slow.html", page_html(), delay=5.0)
    options = FetchOptions(timeout=0.4, retries=1, backoff=0.05, delay=0.0)
    started = time.monotonic()
    results = {r.url: r for r in collect([missing, slow, notice, good], tmp_path, options).results}
    assert time.monotonic() - started < 4.0  # the slow page was given up on, not waited for (2 × 5 s)
    assert results[good].ok
    assert results[missing].error.startswith("网页不存在（HTTP 404）")
    assert "超时" in results[slow].error and "共尝试 2 次" in results[slow].error
    assert site.paths_hit().count("/slow.html") == 2
    assert results[notice].error == NOT_A_REPORT
    roles = {d["url"]: d["role"] for d in index(tmp_path)}
    assert roles[missing] == "error" and roles[notice] == "not_report" and roles[good] == "report"
    assert all("Error" not in (r.error or "") for r in results.values())  # no library class names


def test_robots_txt_is_honoured_unless_turned_off(site, tmp_path):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    url = site.add("/private/report.html", page_html())
    (r,) = collect([url], tmp_path / "a", FAST).results
    assert not r.ok and "robots.txt" in r.error
    assert "/private/report.html" not in site.paths_hit()
    (r,) = collect([url], tmp_path / "b", FetchOptions(timeout=2.0, retries=0, delay=0.0, robots=False)).results
    assert r.ok and "/private/report.html" in site.paths_hit()


def test_robots_txt_disallowing_a_redirect_target(site, tmp_path):
    site.add("/robots.txt", "User-agent: NianbaoReviewer\nDisallow: /hidden/\n", content_type="text/plain")
    site.add("/hidden/report.html", page_html())
    start = site.redirect("/short", "/hidden/report.html")
    (r,) = collect([start], tmp_path, FAST).results
    assert not r.ok and "robots.txt" in r.error and "/hidden/report.html" not in site.paths_hit()


def test_dns_failure_is_named(tmp_path):
    """No name is looked up: the transport raises what httpx raises when the resolver fails."""
    def handler(request):
        raise httpx.ConnectError("[Errno -2] Name or service not known") from socket.gaierror(-2, "Name or service not known")

    (r,) = collect(["http://www.example-agency.invalid/nb.html"], tmp_path, FAST,
                   transport=httpx.MockTransport(handler)).results
    assert r.error == "无法解析域名 www.example-agency.invalid（网址有误，或网络/DNS 不通）"


def test_invalid_addresses(tmp_path):
    results = collect(["www.gov.cn/nb.html", "http://[2001:db8::1/nb.html", "ftp://127.0.0.1/nb.pdf"], tmp_path,
                      FAST).results
    assert all(r.error.startswith("网址无效") for r in results)


def test_retries_with_back_off_then_success(site, tmp_path):
    site.routes["/busy.html"] = [Page(b"busy", 503), Page(b"busy", 503), Page(page_html())]
    options = FetchOptions(timeout=2.0, retries=2, backoff=0.2, delay=0.0)
    (r,) = collect([site.url("/busy.html")], tmp_path, options).results
    assert r.ok
    times = [t for p, _, t in site.hits if p == "/busy.html"]
    assert len(times) == 3
    assert times[1] - times[0] >= 0.19 and times[2] - times[1] >= 0.39  # 0.2 s, then doubled


def test_real_user_agent_politeness_delay_and_per_host_limit(site, tmp_path):
    urls = [site.add(f"/page{i}.html", page_html(agency=f"某某县第{i}镇人民政府"), delay=0.3) for i in range(6)]
    options = FetchOptions(timeout=5.0, retries=0, delay=0.25, per_host=2, jobs=6)
    assert all(r.ok for r in collect(urls, tmp_path, options).results)
    assert site.most_active <= 2
    starts = sorted(t for _, _, t in site.hits)  # robots.txt included: it waits its turn too
    assert len(starts) == 7 and all(b - a >= 0.15 for a, b in zip(starts, starts[1:]))  # 0.25 s, less jitter
    agents = {ua for _, ua, _ in site.hits}
    assert len(agents) == 1 and agents.pop().startswith("Mozilla/5.0 (compatible; NianbaoReviewer/")


def test_cancel_stops_the_rest(site, tmp_path):
    urls = [site.add(f"/c{i}.html", page_html(), delay=0.2) for i in range(5)]
    done: list[int] = []
    result = collect(urls, tmp_path, FetchOptions(timeout=5.0, retries=0, delay=0.0, jobs=1),
                     progress=lambda d, t, label: done.append(d), cancelled=lambda: len(done) >= 1)
    assert result.cancelled and result.results[0].ok
    assert [r.error for r in result.results[1:]] == ["已取消"] * 4
    assert result.exit_status == 2


def test_refetch_of_the_same_content_reuses_the_copy(site, tmp_path):
    url = site.add("/nb.html", page_html())
    collect([url], tmp_path, FAST)
    (r,) = collect([url], tmp_path, FAST).results
    first, second = index(tmp_path)
    assert first["file"] == second["file"] and second["changed"] is False and second["content_changed"] is False
    assert r.notes == []
    assert len(list((tmp_path / Path(first["file"]).parent).iterdir())) == 1


def test_list_file(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# 各镇年报\nhttp://127.0.0.1:1/a.html\n\n  http://127.0.0.1:1/b.html  \n", encoding="utf-8")
    assert read_list(listing) == ["http://127.0.0.1:1/a.html", "http://127.0.0.1:1/b.html"]


def test_index_survives_a_torn_line(site, tmp_path):
    url = site.add("/nb.html", page_html())
    collect([url], tmp_path, FAST)
    with open(tmp_path / INDEX_NAME, "a", encoding="utf-8") as fh:
        fh.write('{"url": "http://127.0.0.1/x", "ti')  # a crash mid-write
    assert len(read_index(tmp_path / INDEX_NAME)) == 1
    collect([url], tmp_path, FAST)
    records = read_index(tmp_path / INDEX_NAME)
    assert len(records) == 2 and records[1].changed is False
    with pytest.raises(json.JSONDecodeError):
        index(tmp_path)


def test_evidence_folder_that_cannot_be_made_is_a_clear_error(site, tmp_path):
    from core.errors import ReportError

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    with pytest.raises(ReportError) as err:
        collect([site.add("/nb.html", page_html())], blocked, FAST)
    assert err.value.reason.startswith("无法创建或读取证据文件夹")

"""文件 ▸ 从网址导入 against a local site: a live log per address, the reports opened in the window,
errors per address, cancel."""
from __future__ import annotations

import random

import pytest

from tests.collect.site import Site
from tests.engine.render_text import random_tables
from tests.formats.render_docs import render_html
from ui.fetch_dialog import FetchDialog


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setenv("no_proxy", "*")
    s = Site()
    yield s
    s.close()


def menu_action(window, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


def test_import_from_addresses_opens_the_reports(window, site, qtbot, tmp_path):
    good = site.add("/nb.html", render_html(random_tables(random.Random(3))))
    missing = site.url("/gone.html")
    menu_action(window, "从网址导入(&U)…").trigger()
    dialog: FetchDialog = window.fetch
    assert dialog.isVisible() and dialog.robots.isChecked()
    dialog.urls.setPlainText(f"{good}\n\n{missing}\n")
    dialog.folder.setText(str(tmp_path / "evidence"))
    task = dialog.start()
    assert task is not None and not dialog.start_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    qtbot.waitUntil(lambda: len(window.entries) == 1, timeout=30000)
    log = dialog.log.toPlainText()
    assert f"✔ {good} → 1 份报告" in log and f"✖ {missing}：网页不存在（HTTP 404）" in log
    assert "完成：1 份报告，1 个网址未取得报告" in log
    (entry,) = window.entries.values()
    assert entry.review.report.evidence.record.url == good
    assert dialog.start_button.isEnabled() and dialog.close_button.text() == "关闭"
    window.pool.waitForDone()


def test_cancel_keeps_the_dialog_and_says_so(window, site, qtbot, tmp_path):
    urls = [site.add(f"/s{i}.html", render_html(random_tables(random.Random(i))), delay=0.5) for i in range(6)]
    window.fetch_dialog()
    dialog = window.fetch
    dialog.urls.setPlainText("\n".join(urls))
    dialog.folder.setText(str(tmp_path / "evidence"))
    dialog.start()
    dialog.reject()  # the 取消 button while downloading
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    log = dialog.log.toPlainText()
    assert "已取消" in log and "正在取消" in log
    window.pool.waitForDone()


def test_nothing_to_fetch_is_said_in_the_log(window):
    window.fetch_dialog()
    assert window.fetch.start() is None
    assert "请先输入网址" in window.fetch.log.toPlainText()

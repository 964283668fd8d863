"""``check`` and ``export`` give exactly what they gave before the batch streamed (issue 17): the same
exit status, the same summary text and byte for byte the same JSON, for every sample and fixture alone,
the samples together, and a corpus that exercises every cross-report check (also in reverse order)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.make_golden import (
    EXPECTED,
    ROOT,
    _digest,
    run_check,
    run_export,
    sha256,
)

GOLDEN = json.loads(EXPECTED.read_text(encoding="utf-8"))
CASES = [name for name in GOLDEN if name != "export"]


@pytest.mark.parametrize("name", CASES)
def test_check_output_is_unchanged(name: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    case = GOLDEN[name]
    status, text = run_check(case["files"], as_json=False)
    jstatus, js = run_check(case["files"], as_json=True)
    if "json" in case:  # the readable comparisons first: a failure names the report and the key
        assert text == case["text"]
        got = _digest(js)
        assert len(got) == len(case["json"])
        for mine, theirs in zip(got, case["json"]):
            assert mine == theirs
    assert (status, jstatus) == (case["status"], case["json_status"])
    assert sha256(text) == case["text_sha256"] and sha256(js) == case["json_sha256"]


def test_export_writes_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    expected = GOLDEN["export"]
    got = json.loads(json.dumps(run_export(expected["files"], tmp_path), ensure_ascii=False, default=str))
    assert got["status"] == expected["status"]
    assert [w[0] for w in got["workbooks"]] == [w[0] for w in expected["workbooks"]]
    for mine, theirs in zip(got["workbooks"], expected["workbooks"]):
        assert mine == theirs
    assert got["summary"] == expected["summary"]


def test_check_on_worker_processes_is_unchanged(monkeypatch: pytest.MonkeyPatch):
    """``--jobs 2`` reads on a process pool: the results still come in argument order, byte for byte."""
    monkeypatch.chdir(ROOT)
    case = GOLDEN["corpus"]
    for as_json, key in ((True, "json_sha256"), (False, "text_sha256")):
        status, out = run_check(case["files"] + ["--jobs", "2"], as_json=as_json)
        assert sha256(out) == case[key] and status == case["status"]

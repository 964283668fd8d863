"""The reviewer's side of a review: conclusions that follow the verdicts, verdicts and the 复核 sign-off in
the audit trail and the sidecar, and sidecars a colleague can open (the user's umask)."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from core.model import Severity
from core.review import Conclusion, SignOff, now, save_sidecar
from core.review.conclusion import worst
from core.review.overlay import SIGN_OFF, VERDICT_PREFIX
from core.review.session import load_entry


def review_of(folder: Path, prefix: str):
    return load_entry(str(next(folder.glob(f"{prefix}_*.txt")))).review


def test_conclusion_follows_the_verdicts(samples: Path):
    r = review_of(samples, "001")  # headings without tables: errors and warnings
    errors = [f for f in r.findings if f.severity is Severity.ERROR]
    warnings = [f for f in r.findings if f.severity is Severity.WARNING]
    assert errors and warnings
    assert r.automatic_conclusion is Conclusion.FAIL
    assert r.conclusion is Conclusion.OPEN  # nobody has looked yet
    assert len(r.open_findings) == len(errors) + len(warnings)
    for f in errors + warnings:
        r.set_verdict(f.key, "驳回", "原件有表格")
    assert r.conclusion is Conclusion.PASS and not r.open_findings
    assert r.automatic_conclusion is Conclusion.FAIL  # the checks still say what they said
    r.set_verdict(warnings[0].key, "确认")
    assert r.conclusion is Conclusion.MINOR
    r.set_verdict(errors[0].key, "确认")
    assert r.conclusion is Conclusion.FAIL
    r.set_verdict(errors[1].key, "待定")
    assert r.conclusion is Conclusion.FAIL  # one confirmed error decides, an open one cannot undo it
    assert worst([Conclusion.PASS, Conclusion.OPEN, Conclusion.MINOR]) is Conclusion.OPEN


def test_info_findings_need_no_verdict(samples: Path):
    r = review_of(samples, "002")
    assert r.findings and all(f.severity is Severity.INFO for f in r.findings)
    assert r.automatic_conclusion is Conclusion.PASS and r.conclusion is Conclusion.PASS


def test_verdicts_and_sign_off_are_in_the_trail_and_the_sidecar(samples: Path):
    r = review_of(samples, "001")
    r.reviewer = "张审计"
    f = r.findings[0]
    before = r.set_verdict(f.key, "确认", "确有缺失")
    r.restore_verdict(f.key, before)  # undo
    assert [(t.cell, t.before, t.value, t.reviewer) for t in r.trail] == [
        (VERDICT_PREFIX + f.key, "待定", "确认", "张审计"), (VERDICT_PREFIX + f.key, "确认", "待定", "张审计")]
    r.set_verdict(f.key, "驳回", "原件有表格")
    signed = SignOff("李复核", now(), "同意编制人意见")
    assert r.set_sign_off(signed) is None
    assert (r.trail[-1].cell, r.trail[-1].value, r.trail[-1].reviewer) == (SIGN_OFF, "同意编制人意见", "李复核")
    path = save_sidecar(r)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["sign_off"]["reviewer"] == "李复核" and data["version"] == 2
    again = review_of(samples, "001")
    assert again.sign_off == signed and again.restored
    assert again.verdict(f).verdict == "驳回"
    assert [t.cell for t in again.trail] == [t.cell for t in r.trail]


def test_an_old_sidecar_gets_its_verdicts_into_the_trail(samples: Path):
    r = review_of(samples, "001")
    f = r.findings[0]
    old = {"version": 1, "file": r.report.source.path, "corrections": [], "trail": [],
           "verdicts": [{"finding": f.key, "verdict": "确认", "comment": "旧记录", "time": "2024-03-01T10:00:00+08:00",
                         "reviewer": "王审计"}]}
    Path(r.report.source.path + ".review.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    again = review_of(samples, "001")
    assert [(t.cell, t.value, t.time, t.reviewer) for t in again.trail] == [
        (VERDICT_PREFIX + f.key, "确认", "2024-03-01T10:00:00+08:00", "王审计")]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_sidecar_is_written_with_the_users_umask(samples: Path, umask: int, mode: int):
    r = review_of(samples, "002")
    old = os.umask(umask)
    try:
        path = save_sidecar(r)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == mode

"""One batch an auditor might export, written once per test session: every sample, two copies of one
report (the same agency and year twice), that agency's previous year, a hand-corrected report with a
confirmed finding, a report whose findings were all rejected and then signed off by a 复核人, and a file
that cannot be read."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.batch import BatchResult, export_paths
from core.review import Review, SignOff, refresh_cross_findings, save_sidecar
from core.review.session import expand_inputs, load_entry
from core.template import CellKey
from tests.conftest import SAMPLES

NEW_NATURAL = CellKey("applications", "本年新收", 0)
PREPARER, CHECKER = "张审计", "李复核"


@dataclass
class Batch:
    inputs: Path
    out: Path
    result: BatchResult
    files: dict[str, Path] = field(default_factory=dict)  # role → report file
    reviews: dict[str, Review] = field(default_factory=dict)  # file → its review as the export saw it

    def workbook(self, role: str) -> Path:
        """The workbook holding the report of ``role``."""
        path = str(self.files[role])
        return next(w.path for w in self.result.workbooks if any(r.file == path for r in w.reports))

    def review(self, role: str) -> Review:
        """The review of ``role`` with what the export decided: the export streams and keeps none, so
        the batch is read again here, cross-report findings and all."""
        return self.reviews[str(self.files[role])]

    def reviews_in(self, workbook) -> list[Review]:
        return [self.reviews[r.file] for r in workbook.reports]


def build_batch(root: Path) -> Batch:
    inputs, out = root / "reports", root / "out"
    inputs.mkdir(parents=True)
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, inputs / f.name)
    files = {p.name[:3]: p for p in inputs.glob("*.txt")}
    xingyi = files["002"]
    files["copy"] = inputs / "002_copy.txt"  # the same report twice: one agency, one year
    shutil.copy(xingyi, files["copy"])
    files["previous"] = inputs / "002_2023.txt"  # its previous year, carrying forward 3 where 2024 brought in 1
    files["previous"].write_text(xingyi.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    (inputs / "broken.txt").write_bytes(bytes(range(256)) * 10)

    corrected = load_entry(str(xingyi), PREPARER).review
    corrected.set_cell(NEW_NATURAL, "50", reason="核对原件")
    for f in corrected.findings:
        if f.rule == "B01":
            corrected.set_verdict(f.key, "确认", "原件为 50")
    save_sidecar(corrected)

    rejected = load_entry(str(files["003"]), PREPARER).review
    for f in rejected.findings:
        rejected.set_verdict(f.key, "驳回", "经核实属正常表述")
    rejected.set_sign_off(SignOff(CHECKER, "2025-02-03T10:30:00+08:00", "同意编制人意见。"))
    save_sidecar(rejected)

    old = os.umask(0o022)
    try:
        result = export_paths([str(inputs)], out, reviewer=PREPARER)
    finally:
        os.umask(old)
    reviews = [e.review for e in map(lambda p: load_entry(p, PREPARER), expand_inputs([inputs])) if e.review]
    refresh_cross_findings(reviews)
    return Batch(inputs, out, result, files, {r.report.source.path: r for r in reviews})


@pytest.fixture(scope="session")
def batch(tmp_path_factory) -> Batch:
    return build_batch(tmp_path_factory.mktemp("batch"))

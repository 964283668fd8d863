"""A single wrong number in table B must always produce an error that names that cell."""
from __future__ import annotations

import pytest

from core.api import analyze_file, analyze_text
from core.checks import run_checks
from core.model import Severity
from core.template import all_cells
from tests.engine.test_samples import sample_path


@pytest.mark.parametrize("prefix", ["002", "003", "000"])
def test_every_b_cell_mutation_is_caught(prefix: str) -> None:
    report = analyze_file(sample_path(prefix))
    text = report.source.text
    assert not [f for f in run_checks(report) if f.severity is Severity.ERROR]
    for key in all_cells("applications"):
        cell = report.cell(key)
        start, end = cell.span
        changed = str(cell.value + 7)
        mutated = analyze_text(text[:start] + changed + text[end:], path=f"{prefix}-mutated")
        assert mutated.cell(key).value == cell.value + 7, key.id
        errors = [f for f in run_checks(mutated) if f.severity is Severity.ERROR]
        assert any(key in f.cells for f in errors), f"{key.id}: no error names the changed cell"

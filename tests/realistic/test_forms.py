"""Issue 12's "done when", form by form: every cell exact, all six parts found, no error-severity
finding on a consistent report, a single-number change flagged; old layouts → S04 and no 2021-table
error; the form variants read as the issue says.

The reader that passes all of these is being built (issue 12, parts 1–5). Every case that fails today
is listed in ``FAILING_TODAY`` and marked ``xfail(strict=True)``: it turns into a failure the moment it
passes, so the mark is removed as the reader lands."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.realistic.conftest import (
    OFFICE_FORMS,
    OFFICE_MUTATION_BASES,
    SCAN_FORMS,
    SCAN_KEYS,
)
from tests.realistic.forms import FORMS, file_name, missing_tools
from tests.realistic.keys import base_keys, mutated, mutation_cells
from tests.realistic.oldformat import old_keys
from tests.realistic.real import real_case_ids, real_cases
from tests.realistic.score import score
from tests.realistic.suite import variant_keys

TEXT_FORMS = tuple(n for n, f in FORMS.items() if f.text is not None)
REASON = "a known limit of the reader (benchmarks/accuracy.py shows the case)"

# Cases that fail with today's engine (benchmarks/accuracy.py shows why). Remove a case as it passes.
FAILING_TODAY = frozenset("""
scan_noisy/random-7
""".split())


def _param(form: str, key, *extra):
    case = f"{form}/{key.name}"
    marks = [pytest.mark.xfail(reason=REASON, strict=True)] if case in FAILING_TODAY else []
    return pytest.param(form, key, *extra, id=case, marks=marks)


@pytest.fixture(scope="module")
def text_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("text_forms")


def _text_file(form: str, key, folder: Path) -> Path:
    path = folder / file_name(key, FORMS[form])
    if not path.exists():
        path.write_text(FORMS[form].text(key), encoding="utf-8")
    return path


def _file(form: str, key, text_dir: Path, request) -> Path:
    if FORMS[form].text is not None:
        return _text_file(form, key, text_dir)
    absent = missing_tools(FORMS[form])
    if absent:
        pytest.skip(f"{form} needs {', '.join(absent)} (not installed)")
    path = request.getfixturevalue("generated").get((form, key.name))  # made only when a PDF test runs
    if path is None:
        pytest.fail(f"{form} of {key.name} was not produced")
    return path


def _score(form, key, text_dir, request, readings):
    report, findings, reason = readings(_file(form, key, text_dir, request))
    return score(form, key, report, findings, reason)


def _explain(s) -> str:
    return (f"{s.reason} exact {s.exact}/{s.cells}, wrong {s.wrong_cells[:5]}, parts {s.parts_found}/{s.parts}, "
            f"false errors {s.false_errors[:3]}, missing findings {s.needs_missing}")


BASE = [_param(f, k) for f in TEXT_FORMS + OFFICE_FORMS + SCAN_FORMS for k in base_keys()
        if FORMS[f].group != "scan" or k.name in SCAN_KEYS]


@pytest.mark.parametrize(("form", "key"), BASE)
def test_consistent_report_reads_exactly(form, key, text_dir, request, readings):
    """Every cell exact, all six parts found, every table found, no error-severity finding."""
    s = _score(form, key, text_dir, request, readings)
    assert s.perfect, _explain(s)


def _mutants(forms, bases):
    return [_param(f, mutated(k, c), k) for f in forms for k in base_keys() if k.name in bases
            for c in mutation_cells(k)]


MUTATIONS = (_mutants(TEXT_FORMS, [k.name for k in base_keys()])
             + _mutants(OFFICE_FORMS, OFFICE_MUTATION_BASES))


@pytest.mark.parametrize(("form", "key", "base"), MUTATIONS)
def test_single_number_change_is_an_error_on_that_cell(form, key, base, text_dir, request, readings):
    """One B or C number +7: an error names that cell, and the unchanged report had none there."""
    cell = key.name.partition("~")[2]
    changed = _score(form, key, text_dir, request, readings)
    unchanged = _score(form, base, text_dir, request, readings)
    assert not changed.needs_missing, _explain(changed)
    assert cell not in unchanged.error_cells, "the unchanged report already had an error on this cell"


@pytest.mark.parametrize(("form", "key"), [_param(f, k) for f in TEXT_FORMS for k in variant_keys()])
def test_form_variant(form, key, text_dir, request, readings):
    """The variant reads as issue 12 says: values exact (or null with a finding where the report does
    not itemise them), the required info/warning present, never an error. (Their office PDFs are
    measured by benchmarks/accuracy.py.)"""
    s = _score(form, key, text_dir, request, readings)
    assert s.perfect, _explain(s)


@pytest.mark.parametrize(("form", "key"), [_param(f, k) for f in TEXT_FORMS for k in old_keys()])
def test_old_layout_is_recognised(form, key, text_dir, request, readings):
    """A pre-2019 or 2019-trial report: its layout, S04, and no 2021-table error."""
    s = _score(form, key, text_dir, request, readings)
    assert s.layout_ok and not s.needs_missing and not s.false_errors, _explain(s)


@pytest.fixture(scope="module")
def real_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("real")


@pytest.mark.parametrize(("via", "name"), [
    pytest.param(v, n, id=f"{v}/{n}", marks=[pytest.mark.xfail(reason=REASON, strict=True)]
                 if f"{v}/{n}" in FAILING_TODAY else []) for v, n in real_case_ids()])
def test_real_report(via, name, real_dir, readings):
    """A real published report, as published and as the text collections keep of it."""
    found = {(v, k.name): (k, p) for v, k, p in real_cases(real_dir)}
    if (via, name) not in found:
        pytest.skip("pdftotext not installed")
    key, path = found[(via, name)]
    report, findings, reason = readings(path)
    s = score(via, key, report, findings, reason)
    assert s.perfect, _explain(s)

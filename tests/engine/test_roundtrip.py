"""Round trip: random consistent tables rendered in every text serialisation come back exactly, with no
error finding. For glued digits the reader may leave a cell empty (with a finding) but never guesses."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.api import analyze_text
from core.checks import run_checks
from core.model import CellKind, Severity
from tests.engine.render_text import STYLES, random_tables, render_report

EXACT_STYLES = [s for s in STYLES if s != "glued"]


def _check_exact(seed: int, style: str, **kw) -> None:
    rng = random.Random(seed)
    tables = random_tables(rng, big=kw.pop("big", False))
    text = render_report(tables, style, rng, **kw)
    report = analyze_text(text)
    got = {k: report.cell(k) for k in tables.values}
    wrong = {k.id: (v, got[k].value, got[k].kind.value) for k, v in tables.values.items()
             if not (got[k].kind is CellKind.NUMBER and got[k].value == v)}
    assert not wrong, f"style={style} seed={seed}: {list(wrong.items())[:5]}\n{text[:3000]}"
    errors = [f for f in run_checks(report) if f.severity is Severity.ERROR]
    assert not errors, [f.message for f in errors]
    assert report.agency and report.year
    for k, cv in got.items():
        assert text[cv.span[0]:cv.span[1]].translate(str.maketrans("０１２３４５６７８９", "0123456789")) == cv.raw


@pytest.mark.parametrize("style", EXACT_STYLES)
@given(seed=st.integers(0, 10**9), fullwidth=st.booleans(), split=st.booleans(), boiler=st.booleans())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_serialisations_round_trip(style, seed, fullwidth, split, boiler):
    _check_exact(seed, style, fullwidth=fullwidth, split_labels=split, boilerplate=boiler)


@pytest.mark.parametrize("style", EXACT_STYLES)
def test_large_numbers_round_trip(style):
    for seed in range(5):
        _check_exact(seed, style, big=True)


@given(seed=st.integers(0, 10**9))
@settings(max_examples=60, deadline=None)
def test_glued_digits_never_guess(seed):
    """Browser copy glues the cells of a row. Every cell is either the true value or left empty with an
    S03 finding that names it — never a wrong number."""
    rng = random.Random(seed)
    tables = random_tables(rng)
    report = analyze_text(render_report(tables, "glued", rng))
    findings = run_checks(report)
    flagged = {c for f in findings if f.rule == "S03" for c in f.cells}
    for key, value in tables.values.items():
        cv = report.cell(key)
        if cv.kind is CellKind.NUMBER:
            assert cv.value == value, (key.id, cv.value, value)
        else:
            assert key in flagged, key.id
    assert not [f for f in findings if f.rule in ("B01", "B02", "B03", "C01")]


def test_glued_cut_by_a_row_total_that_breaks_the_others_is_not_assessable():
    """510000051 cuts one way by its own total (51 … 51), but the row replaced here no longer fits the
    table's other totals: the cut is not trusted, the row is unread with a warning, nothing is an error."""
    text = render_report(random_tables(random.Random(1)), "glued", random.Random(1))
    report = analyze_text(text.replace(text[text.index("一、本年新收"):text.index("\n", text.index("一、本年新收"))],
                                       "一、本年新收政府信息公开申请数量510000051"))
    assert [report.cell(k).value for k in report.tables["applications"].cells if k.row == "本年新收"] == [None] * 7
    s03 = [f for f in run_checks(report) if f.rule == "S03" and "510000051" in f.message]
    assert s03 and s03[0].severity is Severity.WARNING
    assert not [f for f in run_checks(report) if f.severity is Severity.ERROR and f.rule in ("B01", "B02", "B03")
                and any(k.row == "本年新收" for k in f.cells)]


def test_glued_ambiguous_row_is_left_empty_with_reason():
    text = render_report(random_tables(random.Random(2)), "tab_rows", random.Random(2))
    start = text.index("行政规范性文件")
    end = text.index("\n", start)
    report = analyze_text(text[:start] + "行政规范性文件6233440" + text[end:])
    cells = [report.cell(k) for k in report.tables["active"].cells if k.row == "行政规范性文件"]
    assert all(c.value is None and c.kind is CellKind.AMBIGUOUS for c in cells)
    s03 = [f for f in run_checks(report) if f.rule == "S03"]
    assert s03 and "6233440" in s03[0].message and "种" in s03[0].message

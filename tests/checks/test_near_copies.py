"""内容雷同 at scale: the clusters that are not compared pair by pair give what comparing every pair
exactly gives, and a batch keeps a small, bounded state per report (issue 17)."""
from __future__ import annotations

import gc
import random
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from core.checks.similarity import (
    _DIGIT,
    _NOISE,
    SHINGLE,
    SMALL_CLUSTER,
    NearCopies,
    Shingles,
    _Bounded,
    _SharedCore,
)
from core.streaming import Spill

WORDS = "政务公开信息申请办理答复结转行政复议诉讼许可处罚规章年度工作制度平台监督保障培训考核"


def exact(texts: list[str], threshold: float = 0.8) -> dict[int, dict[int, float]]:
    """Every pair compared, on Python sets of 5-gram strings."""
    sets = []
    for t in texts:
        body = _DIGIT.sub("0", _NOISE.sub("", t))
        sets.append({body[i:i + SHINGLE] for i in range(max(len(body) - SHINGLE + 1, 0))})
    out: dict[int, dict[int, float]] = {i: {} for i in range(len(texts))}
    for i, j in combinations(range(len(texts)), 2):
        if len(sets[i]) >= 40 and len(sets[j]) >= 40:
            sim = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
            if sim >= threshold:
                out[i][j] = out[j][i] = sim
    return out


def assert_same_as_exact(texts: list[str], kind: type) -> None:
    copies = NearCopies([Shingles.of(t, signed=True) for t in texts])
    assert {type(c) for c in copies._large.values()} == {kind}
    truth = exact(texts)
    for i in range(len(texts)):
        assert copies.count(i) == len(truth[i]), i
        assert {j for j in range(len(texts)) if j != i and copies.is_copy(i, j)} == set(truth[i]), i
        closest = copies.closest(i, 3)
        assert all(abs(sim - truth[i][j]) < 1e-12 for sim, j in closest)
        if kind is _SharedCore:  # exact: the same three, in the same order
            best = sorted(truth[i].items(), key=lambda m: (-m[1], m[0]))[:3]
            assert [j for _, j in closest] == [j for j, _ in best]


def test_a_template_with_the_names_put_in_is_answered_exactly():
    rng = random.Random(5)
    template = "".join(rng.choice(WORDS) for _ in range(900))
    towns = ["".join(rng.choice("安宝昌长城川春大德东丰福富和河红华吉嘉江金康乐") for _ in range(3)) for _ in range(60)]
    texts = []
    for n, town in enumerate(towns):
        name = f"某某县{town}镇"
        own = "".join(rng.choice(WORDS) for _ in range(rng.choice((0, 40, 160, 320))))  # some fall below 0.8
        texts.append(f"{name}。{template[:300]}{name}{template[300:]}{own}{name}")
        if n % 10 == 0:
            texts.append(texts[-1])  # an identical file
    texts.append("太短的正文")  # too short to compare
    assert len(texts) > SMALL_CLUSTER
    assert_same_as_exact(texts, _SharedCore)


def test_a_cluster_without_a_shared_core_is_bounded_and_still_right():
    """Overlapping windows of one long text: each is a copy of its neighbours, not of the far ones."""
    rng = random.Random(7)
    long = "".join(rng.choice(WORDS) for _ in range(4000))
    texts = [long[k * 25:k * 25 + 1200] for k in range(60)]
    assert_same_as_exact(texts, _Bounded)


def deep_size(obj, stop: tuple[type, ...]) -> int:
    """Bytes reachable from ``obj`` (numpy buffers included), not counting shared things."""
    seen, total, todo = set(), 0, [obj]
    while todo:
        o = todo.pop()
        if id(o) in seen or isinstance(o, (type, *stop)) or o is None:
            continue
        seen.add(id(o))
        total += o.nbytes if isinstance(o, np.ndarray) else sys.getsizeof(o)
        todo.extend(gc.get_referents(o))
    return total


def report_text(rng: random.Random, prose_chars: int) -> str:
    from tests.checks.test_cross import text_for
    from tests.engine.render_text import random_tables

    prose = "".join(rng.choice(WORDS) for _ in range(prose_chars)) + "。"
    return text_for(random_tables(rng), "某某县某某镇人民政府", 2024, prose)


def test_the_state_kept_per_report_is_small_whatever_the_report():
    from core.api import analyze_text
    from core.checks import CheckContext, ReportState

    rng = random.Random(1)
    sizes = []
    with Spill() as store:
        for chars in (200, 20_000, 200_000):
            report = analyze_text(report_text(rng, chars), path="r.txt")
            state = ReportState.of(CheckContext(report)).park(store)
            sizes.append(deep_size(state, (Spill,)))
            assert not [o for o in gc.get_referents(state) if isinstance(o, str) and len(o) > 200]
    assert max(sizes) < 4096 and max(sizes) - min(sizes) < 256, sizes


def test_a_batch_keeps_no_report_once_it_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """When the cross-report checks run, no report of the batch is alive: only the states are."""
    import core.checks
    from core.cli.check_cmd import run
    from core.model import Report

    rng = random.Random(2)
    files = []
    for i in range(30):
        path = tmp_path / f"r{i}.txt"
        path.write_text(report_text(rng, 1500), encoding="utf-8")
        files.append(str(path))
    seen = {}
    real = core.checks.each_cross_finding

    def spy(states):
        gc.collect()
        seen["reports"] = sum(isinstance(o, Report) and Path(o.source.path).parent == tmp_path for o in gc.get_objects())
        seen["state bytes"] = [deep_size(s, (Spill,)) for s in states]
        return real(states)

    monkeypatch.setattr(core.checks, "each_cross_finding", spy)
    assert run(files, as_json=True, jobs=1) in (0, 1)
    assert seen["reports"] == 0 and len(seen["state bytes"]) == 30 and max(seen["state bytes"]) < 4096
    assert capsys.readouterr().out.count('"file"') == 30


def test_an_export_keeps_no_report_either(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The export spills each review to disk while it reads; the workbooks come from there."""
    import core.checks
    from core.batch import export_paths
    from core.model import Report

    rng = random.Random(3)
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text(report_text(rng, 800), encoding="utf-8")
    seen = {}
    real = core.checks.each_cross_finding

    def spy(states):
        gc.collect()
        seen["reports"] = sum(isinstance(o, Report) and Path(o.source.path).parent == folder for o in gc.get_objects())
        return real(states)

    monkeypatch.setattr(core.checks, "each_cross_finding", spy)
    result = export_paths([str(folder)], tmp_path / "out", jobs=1)
    assert seen["reports"] == 0 and sum(len(w.reports) for w in result.workbooks) == 6


def reference_hashes(text: str) -> list[int]:
    """``shingle_hashes`` spelt out on Python ints: the regular expressions, the polynomial step by
    step and the splitmix64 finaliser, modulo 2⁶⁴."""
    from core.checks.similarity import _M1, _M2, _P

    mask = (1 << 64) - 1
    points = [ord(c) for c in _DIGIT.sub("0", _NOISE.sub("", text))]
    out = set()
    for i in range(len(points) - SHINGLE + 1):
        h = 0
        for p in points[i:i + SHINGLE]:
            h = (h * _P + p) & mask
        h ^= h >> 30
        h = (h * _M1) & mask
        h ^= h >> 27
        h = (h * _M2) & mask
        h ^= h >> 31
        out.add(h)
    return sorted(out)


def test_shingle_hashes_are_the_polynomial_of_the_cleaned_text():
    """The table look-up, the UTF-16 test for the Basic Multilingual Plane and the windows' product give
    what the definition gives: on random texts of Chinese, digits (ASCII and others), spaces and
    punctuation, characters beyond the plane and lone surrogates."""
    from core.checks.similarity import shingle_hashes

    rng = random.Random(5)
    alphabet = WORDS + "0123456789١٢３ \n\t　，。、；：,.;:（）()“”\"'《》|-—abcXYZ%\U0001F600\U00020000\ud800\udc00"
    for length in (0, 4, 5, 6, 50, 3000):
        for _ in range(6):
            text = "".join(rng.choice(alphabet) for _ in range(length))
            if rng.random() < 0.5:  # most texts never leave the plane: the fast way
                text = text.replace("\U0001F600", "").replace("\U00020000", "")
            assert shingle_hashes(text).tolist() == reference_hashes(text)

"""X: year over year for one agency, and copied text across agencies, in the CLI and the batch."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from core.api import analyze_text
from core.checks import run_cross_checks
from core.template import CellKey
from tests.engine.render_text import random_tables, render_report

ROOT = Path(__file__).resolve().parents[2]
B = "applications"


def text_for(t, agency: str, year: int, narrative: str = "") -> str:
    text = render_report(t, "pipe_cells", random.Random(0), agency=agency, year=year)
    return text.replace("扎实推进政务公开工作。", "扎实推进政务公开工作。" + narrative)


def linked_years(seed: int = 6):
    """Two consistent years where this year's 上年结转 equals last year's 结转下年度."""
    rng = random.Random(seed)
    prev = random_tables(rng)
    cur = random_tables(rng)
    for c in range(7):
        forwarded = prev.values[CellKey(B, "结转下年度", c)]
        delta = forwarded - cur.values[CellKey(B, "上年结转", c)]
        cur.values[CellKey(B, "上年结转", c)] = forwarded
        cur.values[CellKey(B, "结转下年度", c)] += delta  # keeps 一 + 二 = 总计 + 四
    for row in ("规章", "行政规范性文件"):
        cur.values[CellKey("active", row, 2)] = (prev.values[CellKey("active", row, 2)] + cur.values[CellKey("active", row, 0)]
                                                  - cur.values[CellKey("active", row, 1)])
    return prev, cur


def cross(*texts: str):
    return run_cross_checks([(analyze_text(t, path=f"r{i}.txt"), None) for i, t in enumerate(texts)])


def rules(found) -> set[str]:
    return {f.rule for f in found}


def test_x01_x02_pass_when_years_link_up():
    prev, cur = linked_years()
    out = cross(text_for(prev, "某某县某某镇人民政府", 2023), text_for(cur, "某某县 某某镇政府", 2024))
    assert not {"X01", "X02"} & rules(out[1]) and out[0] == []


def test_x01_names_each_column_and_sits_on_the_later_year():
    prev, cur = linked_years()
    cur.values[CellKey(B, "上年结转", 2)] += 1
    cur.values[CellKey(B, "本年新收", 2)] -= 1 if cur.values[CellKey(B, "本年新收", 2)] else -1
    out = cross(text_for(cur, "某某县某某镇人民政府", 2024), text_for(prev, "某某县某某镇人民政府", 2023))
    x01 = [f for f in out[0] if f.rule == "X01"]
    assert out[1] == [] and [f.cells[0] for f in x01] == [CellKey(B, "上年结转", 2)]
    assert x01[0].severity.value == "error" and "科研机构列" in x01[0].message


def test_x01_uncertain_identity_is_a_warning_and_other_agencies_are_ignored():
    prev, cur = linked_years()
    cur.values[CellKey(B, "上年结转", 0)] += 3
    out = cross(text_for(prev, "某某镇人民政府", 2023), text_for(cur, "某某县某某镇人民政府", 2024))
    assert {f.severity.value for f in out[1] if f.rule == "X01"} == {"warning"}
    out = cross(text_for(prev, "甲甲镇人民政府", 2023), text_for(cur, "乙乙镇人民政府", 2024))
    assert "X01" not in rules(out[1])


def test_x02_documents_in_force_and_x03_jumps():
    prev, cur = linked_years()
    cur.values[CellKey("active", "行政规范性文件", 2)] += 2
    prev.values[CellKey("active", "行政许可", 0)] = 3
    cur.values[CellKey("active", "行政许可", 0)] = 40
    out = cross(text_for(prev, "某某县某某镇人民政府", 2023), text_for(cur, "某某县某某镇人民政府", 2024))
    assert {"X02", "X03"} <= rules(out[1])


def test_copied_text_across_agencies_and_from_last_year():
    story = "本镇坚持以人民为中心的发展思想，围绕中心工作，全面加强政务公开标准化规范化建设，持续完善信息发布审核机制，" * 3
    own = "甲镇依托便民服务中心开展政策宣讲，组织干部学习条例，推动基层公开事项清单落地，群众满意度不断提升。" * 3
    t = random_tables(random.Random(9))
    a = text_for(t, "甲甲镇人民政府", 2024, story)
    b = text_for(t, "乙乙镇人民政府", 2024, story)
    c = text_for(t, "丙丙镇人民政府", 2024, own)
    out = cross(a, b, c)
    assert "X05" in rules(out[0]) and "X05" in rules(out[1]) and "X05" not in rules(out[2])
    assert "Jaccard" in next(f for f in out[0] if f.rule == "X05").message
    out = cross(text_for(t, "甲甲镇人民政府", 2023, story), text_for(t, "甲甲镇人民政府", 2024, story))
    assert {"X04", "X06"} <= rules(out[1]) and "X05" not in rules(out[1])


def test_copies_of_one_agency_s_report_count_only_the_other_agencies():
    """Reports of one agency with one text share one answer (worked out once); a report of no known
    agency has no own reports, so its twin is a copy it names, and it never names itself."""
    story = "全面加强政务公开标准化规范化建设，持续完善信息发布审核机制，推动政策解读与回应关切，依法依规办理依申请公开，" * 3
    t = random_tables(random.Random(9))
    jia, yi = text_for(t, "甲甲镇人民政府", 2024, story), text_for(t, "乙乙镇人民政府", 2024, story)
    nobody = jia.replace("甲甲镇人民政府", "")
    texts = [nobody] * 2 + [jia] * 4 + [yi] * 2
    reports = [analyze_text(text, path=f"r{i}.txt") for i, text in enumerate(texts)]
    assert [r.agency for r in reports[:3]] == [None, None, "甲甲镇人民政府"]
    out = run_cross_checks([(r, None) for r in reports])
    x05 = [next(f.message for f in found if f.rule == "X05") for found in out]
    for i, twin in ((0, 1), (1, 0)):  # its twin and all six of the agencies; all alike, so the first three
        assert "等 7 份报告" in x05[i] and f"r{twin}.txt" in x05[i] and f"r{i}.txt" not in x05[i]
        assert x05[i].count("甲甲镇人民政府") == 2
    for i in range(2, 6):  # 甲's own copies are X04/X08's business: the two of no agency and two 乙
        assert "甲甲镇" not in x05[i] and "r0.txt" in x05[i] and "r1.txt" in x05[i] and "等 4 份报告" in x05[i]
    for i in (6, 7):
        assert "乙乙镇" not in x05[i] and x05[i].count("甲甲镇人民政府") == 1 and "等 6 份报告" in x05[i]


def test_check_cli_runs_cross_checks(tmp_path: Path):
    prev, cur = linked_years()
    cur.values[CellKey(B, "上年结转", 6)] += 1
    cur.values[CellKey(B, "本年新收", 6)] -= 1
    files = []
    for name, t, year in (("a.txt", prev, 2023), ("b.txt", cur, 2024)):
        path = tmp_path / name
        path.write_text(text_for(t, "某某县某某镇人民政府", year), encoding="utf-8")
        files.append(str(path))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *files, "--json"], capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    data = json.loads(done.stdout)
    assert not [f for f in data[0]["findings"] if f["rule"] == "X01"]
    assert [f["cells"] for f in data[1]["findings"] if f["rule"] == "X01"] == [["applications.上年结转[6]"]]


def test_minhash_estimate_tracks_jaccard_and_near_copies_are_found():
    """The signatures must behave like independent permutations: their agreement estimates the
    Jaccard similarity (a weak hash once made unrelated texts agree on most minima)."""
    import numpy as np

    from core.checks.similarity import (
        NearCopies,
        Shingles,
        jaccard,
        shingle_hashes,
        signature,
    )

    rng = random.Random(3)
    words = ["".join(rng.choice("政务公开信息申请办理答复结转行政复议诉讼许可处罚规章") for _ in range(5)) for _ in range(400)]

    def shingle_set(chosen):  # a five-character word is exactly one shingle
        return np.unique(np.concatenate([shingle_hashes(w) for w in chosen]))

    base = shingle_set(words[:200])
    for shared in (60, 140, 190):
        other = shingle_set(words[:shared] + words[200:400 - shared])
        estimate = float(np.mean(signature(base) == signature(other)))
        assert abs(estimate - jaccard(base, other)) < 0.15
    text = "".join(rng.choice("政务公开信息申请办理答复结转行政复议诉讼许可处罚规章年度工作") for _ in range(600))
    near = text[:560] + "本单位另行补充的说明文字"  # a copy with its end changed: similarity ≈ 0.9
    unrelated = "".join(rng.choice("政务公开信息申请办理答复结转行政复议诉讼许可处罚规章年度工作") for _ in range(600))
    copies = NearCopies([Shingles.of(t, signed=True) for t in (text, near, unrelated)])
    assert copies.count(0) == copies.count(1) == 1 and copies.count(2) == 0
    (sim, other), = copies.closest(0, 3)
    assert other == 1 and 0.8 <= sim < 1.0 and copies.is_copy(1, 0) and not copies.is_copy(0, 2)


def test_agency_identity_tolerates_suffixes_and_the_user_can_override_it(tmp_path: Path):
    from core.extraction.agency import same_agency
    from core.review import open_review, refresh_cross_findings

    assert same_agency("重庆市开州区大进镇人民政府", " 重庆市开州区 大进镇政府") == (True, True)
    assert same_agency("某某市交通运输局办公室", "某某市交通运输局") == (True, True)
    assert same_agency("某某县甲镇人民政府", "某某县乙镇人民政府") == (False, False)
    prev, cur = linked_years()
    cur.values[CellKey(B, "上年结转", 0)] += 1  # breaks the link in the first column
    old = analyze_text(text_for(prev, "某某县甲镇人民政府", 2023), path=str(tmp_path / "a.txt"))
    new = analyze_text(text_for(cur, "某某县新甲街道办事处", 2024), path=str(tmp_path / "b.txt"))
    reviews = [open_review(old), open_review(new)]
    refresh_cross_findings(reviews)
    assert "X01" not in rules(reviews[1].cross_findings)  # a renamed agency is not matched by itself
    reviews[1].set_agency("某某县甲镇人民政府")
    refresh_cross_findings(reviews)
    x01 = [f for f in reviews[1].cross_findings if f.rule == "X01"]
    assert len(x01) == 1 and x01[0].severity.value == "error" and not reviews[0].cross_findings


def test_the_agency_index_answers_as_same_agency():
    """Year over year and 内容雷同 look agencies up in an index; it must match what ``same_agency``
    says of every pair (equal keys certain, one key ending the other probable)."""
    from types import SimpleNamespace

    from core.checks.cross import AgencyIndex
    from core.extraction.agency import same_agency

    rng = random.Random(11)
    names = [None, "", "镇", "甲镇", "甲镇人民政府", "某某县甲镇", "某某县甲镇人民政府", "某某市某某县甲镇政府", "乙镇办公室",
             "某某县 甲镇", "某某县乙镇", "县甲镇", "交通运输局", "某某市交通运输局办公室", "某某市交通运输局"]
    names += ["".join(rng.choice("某县市甲乙镇") for _ in range(rng.randint(1, 6))) + rng.choice(("", "人民政府", "政府"))
              for _ in range(60)]
    index = AgencyIndex([SimpleNamespace(agency=n, year=2024) for n in names])
    for i, a in enumerate(names):
        related = dict(index.related(index.keys[i]))
        for j, b in enumerate(names):
            if i == j:
                continue
            same, certain = same_agency(a, b)
            assert (j in index.same(i)) == same, (a, b)
            if same:
                assert related[index.keys[j]] == certain, (a, b)

"""Accuracy of the engine on reports in the forms they really reach an auditor (issue 12).

Every answer key (tests/realistic/keys.py) is published in every form (tests/realistic/forms.py), read
with ``core.api.analyze_file`` and checked with ``core.checks.run_checks``, and compared with its key:

  cells exact / null (a finding names it) / null silent / wrong (a value that differs from the key —
  the worst), parts and tables found, reports with a false error-severity finding on a consistent key,
  and mutations detected (one B or C number +7: an error must name that cell).

Then the form variants and the old layouts, one line per key. Forms needing LibreOffice, pdftoppm or
img2pdf are skipped with a message where those are absent.

Run: python3 benchmarks/accuracy.py [--forms a,b] [--kinds base,mutation,variant,old] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.realistic.forms import FORMS, make, missing_tools  # noqa: E402
from tests.realistic.real import real_cases  # noqa: E402
from tests.realistic.score import Score, read, score  # noqa: E402
from tests.realistic.suite import KINDS, cases  # noqa: E402


def run(form_names: list[str], kinds: tuple[str, ...], workdir: Path) -> tuple[list[dict], list[str]]:
    chosen = cases(kinds)
    rows: list[dict] = []
    skipped: list[str] = []
    for name in form_names:
        form = FORMS[name]
        absent = missing_tools(form)
        if absent:
            skipped.append(f"{name}: skipped, {' '.join(absent)} not installed")
            continue
        keys = [c.key for c in chosen if name in c.forms]
        kind_of = {c.key.name: c.kind for c in chosen}
        t0 = time.perf_counter()
        files = make([form], keys, workdir)  # one directory: a printed PDF is reused by the scan forms
        made = time.perf_counter() - t0
        for key in keys:
            path = files.get((name, key.name))
            if path is None:
                skipped.append(f"{name}/{key.name}: not produced")
                continue
            t1 = time.perf_counter()
            report, findings, reason = read(path)
            elapsed = time.perf_counter() - t1
            s = score(name, key, report, findings, reason)
            rows.append({"kind": kind_of[key.name], "ms": elapsed * 1000, "make_s": made / len(keys), **asdict(s)})
    for r in rows:
        if r["kind"] == "mutation":
            r["detected"] = detected(r, rows)
    if "real" in kinds:
        for via, key, path in real_cases(workdir / "real"):
            t1 = time.perf_counter()
            report, findings, reason = read(path)
            rows.append({"kind": "real", "ms": (time.perf_counter() - t1) * 1000, "make_s": 0.0,
                         **asdict(score(via, key, report, findings, reason))})
    return rows, skipped


def _perfect(r: dict) -> bool:
    return Score(**{k: v for k, v in r.items() if k in Score.__dataclass_fields__}).perfect


def detected(mutant: dict, rows: list[dict]) -> str:
    """"error": an error names the changed cell (and the unchanged report had none there — an engine
    that flags every cell detects nothing); "not assessable": a warning names it, which is right only
    where the form glues that row's digits; "" otherwise."""
    base_name, _, cell = mutant["key"].partition("~")
    base = next((r for r in rows if r["form"] == mutant["form"] and r["key"] == base_name), None)
    if mutant["needs_missing"] or (base is not None and cell in base["error_cells"]):
        return ""
    return "error" if cell in mutant["error_cells"] else "not assessable"


def _mutations(muts: list[dict]) -> str:
    caught = sum(1 for r in muts if r["detected"] == "error")
    return f"{caught}+{sum(1 for r in muts if r['detected'] == 'not assessable')}/{len(muts)}"


def form_table(rows: list[dict]) -> list[str]:
    by_form: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["kind"] in ("base", "mutation"):
            by_form[r["form"]].append(r)
    head = (f"{'form':15s} {'rep':>3s} {'cells':>5s} {'exact':>6s} {'null+f':>6s} {'silent':>6s} {'WRONG':>5s} "
            f"{'parts':>7s} {'tables':>7s} {'falseErr':>8s} {'perfect':>7s} {'unread':>6s} {'mutation e+na':>13s} {'ms/rep':>7s}")
    out = [head, "-" * len(head)]
    for form, items in by_form.items():
        base = [r for r in items if r["kind"] == "base"]
        muts = [r for r in items if r["kind"] == "mutation"]
        cells = sum(r["cells"] for r in base)
        pct = (lambda n: f"{100 * n / cells:5.1f}%") if cells else (lambda n: "   - ")
        out.append(
            f"{form:15s} {len(base):3d} {cells:5d} {pct(sum(r['exact'] for r in base)):>6s} "
            f"{pct(sum(r['null_flagged'] for r in base)):>6s} {pct(sum(r['null_silent'] for r in base)):>6s} "
            f"{sum(r['wrong'] for r in base):5d} "
            f"{sum(r['parts_found'] for r in base):3d}/{sum(r['parts'] for r in base):<3d} "
            f"{sum(r['tables_found'] for r in base):3d}/{sum(r['tables'] for r in base):<3d} "
            f"{sum(1 for r in base if r['false_errors']):8d} {sum(1 for r in base if _perfect(r)):3d}/{len(base):<3d} "
            f"{sum(1 for r in base if not r['readable']):6d} "
            f"{_mutations(muts):>13s} "
            f"{statistics.median([r['ms'] for r in items]):7.1f}")
    return out


def _verdict(r: dict) -> str:
    if not r["readable"]:
        return "unread"
    if _perfect(r):
        return "ok"
    bits = []
    if r["cells"] and r["exact"] != r["cells"]:
        bits.append(f"{r['exact']}/{r['cells']}")
    if r["wrong"]:
        bits.append(f"W{r['wrong']}")
    if r["parts"] and r["parts_found"] != r["parts"]:
        bits.append(f"p{r['parts_found']}")
    if r["false_errors"]:
        bits.append(f"E{len(r['false_errors'])}")
    if r["needs_missing"]:
        bits.append("need")
    if not r["layout_ok"]:
        bits.append(f"L:{r['layout']}")
    return ",".join(bits)


def key_table(rows: list[dict], kind: str) -> list[str]:
    items = [r for r in rows if r["kind"] == kind]
    if not items:
        return []
    forms = list(dict.fromkeys(r["form"] for r in items))
    keys = list(dict.fromkeys(r["key"] for r in items))
    cell = {(r["key"], r["form"]): _verdict(r) for r in items}
    width = max(len(k) for k in keys)
    out = [" " * width + " " + " ".join(f"{f[:13]:>13s}" for f in forms)]
    for k in keys:
        out.append(f"{k:{width}s} " + " ".join(f"{cell.get((k, f), '-')[:13]:>13s}" for f in forms))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated: " + ", ".join(FORMS))
    parser.add_argument("--kinds", default=",".join(KINDS + ("real",)), help="base, mutation, variant, old, real")
    parser.add_argument("--json", action="store_true", help="one JSON object per (form, key) on stdout")
    parser.add_argument("--keep", type=Path, help="write the generated files here (default: a temp dir)")
    args = parser.parse_args()
    forms = [f for f in args.forms.split(",") if f]
    unknown = [f for f in forms if f not in FORMS]
    if unknown:
        parser.error(f"unknown forms: {', '.join(unknown)}")
    kinds = tuple(k for k in args.kinds.split(",") if k)
    with tempfile.TemporaryDirectory() as tmp:
        rows, skipped = run(forms, kinds, args.keep or Path(tmp))
    if args.json:
        json.dump({"rows": rows, "skipped": skipped}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    print("Per form (base keys: 4 samples with tables, sample 001 without, 2 random reports; percentages of "
          "the cells of the base keys):")
    print("\n".join(form_table(rows)))
    for kind, title in (("variant", "Form variants (ok = every cell right, parts found, required findings, no false error)"),
                        ("old", "Old layouts (ok = recognised as old, S04, no 2021-table error)"),
                        ("real", "Real published reports (tests/fixtures/real)")):
        table = key_table(rows, kind)
        if table:
            print(f"\n{title}:\n" + "\n".join(table))
    print("\nmutation e+na/n: caught as an error + reported not assessable (right only for glued rows) / mutants")
    print("legend: n/m cells exact · W wrong cells · pN parts found · EN false errors · need = required "
          "finding missing · L:x layout read as x · unread = file refused")
    for s in skipped:
        print(s)


if __name__ == "__main__":
    main()

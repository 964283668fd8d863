"""Real published reports kept in ``tests/fixtures/real`` with answer keys read by hand (each key file
says where the report came from), and the text forms such files reach collections in: the PDF as
published, ``pdftotext -layout`` and ``pdftotext -raw`` of it, and the raw text with its newlines
deleted. The text forms are made at run time (pdftotext) and never committed."""
from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from tests.engine.test_samples import expected_cells
from tests.realistic.keys import AnswerKey, Part

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"


def real_key(key_file: Path) -> tuple[AnswerKey, Path]:
    data = json.loads(key_file.read_text(encoding="utf-8"))
    active = dict(data["active"])
    active["行政事业性收费"] = Decimal(active["行政事业性收费"])
    values = expected_cells({"active": active, "applications": data["applications"], "review": data["review"]})
    parts = {n: Part(f"part {n}") for n in data["sections"]}
    key = AnswerKey(name=f"real-{key_file.name.split('.')[0]}", agency=data["agency"], year=data["year"], head=(),
                    parts=parts, values=values, layout=data["layout"],
                    allowed_errors=frozenset(data.get("allowed_errors", ())))
    return key, REAL / data["file"]


TEXT_VIAS = ("pdftotext-layout", "pdftotext-raw", "pdftotext-oneline")


def real_case_ids() -> list[tuple[str, str]]:
    """(form, key name) of every real case, without making anything."""
    out = []
    for key_file in sorted(REAL.glob("*.key.json")):
        key, path = real_key(key_file)
        out.append(("pdf", key.name))
        if path.suffix == ".pdf":
            out += [(via, key.name) for via in TEXT_VIAS]
    return out


def real_cases(workdir: Path | None = None) -> list[tuple[str, AnswerKey, Path]]:
    """(form, key, file) for every real report and every text form made from it."""
    out = []
    for key_file in sorted(REAL.glob("*.key.json")):
        key, path = real_key(key_file)
        out.append(("pdf", key, path))
        if workdir is None or path.suffix != ".pdf" or shutil.which("pdftotext") is None:
            continue
        workdir.mkdir(parents=True, exist_ok=True)
        for mode in ("layout", "raw"):
            text = subprocess.run(["pdftotext", f"-{mode}", str(path), "-"], capture_output=True, check=True).stdout
            target = workdir / f"{path.stem}.pdftotext-{mode}.txt"
            target.write_bytes(text)
            out.append((f"pdftotext-{mode}", key, target))
        oneline = workdir / f"{path.stem}.pdftotext-raw-oneline.txt"
        oneline.write_text((workdir / f"{path.stem}.pdftotext-raw.txt").read_text(encoding="utf-8").replace("\n", ""),
                           encoding="utf-8")
        out.append(("pdftotext-oneline", key, oneline))
    return out

"""The cases the harness measures: which keys, in which forms.

- ``base``: the four samples with tables, sample 001 (no tables) and two random reports — every form;
- ``mutation``: each base key with one B and one C number off by 7 — every form;
- ``variant``: the form variants of ``variants`` on sample 002 and a random report — text forms and the
  office PDF;
- ``old``: the pre-2019 and 2019-trial reports — text forms and the office PDF."""
from __future__ import annotations

from dataclasses import dataclass

from tests.realistic.forms import FORMS
from tests.realistic.keys import (
    AnswerKey,
    base_keys,
    mutated,
    mutation_cells,
    random_key,
    sample_key,
)
from tests.realistic.oldformat import old_keys
from tests.realistic.variants import VARIANTS

KINDS = ("base", "mutation", "variant", "old")
LAYOUT_FORMS = tuple(n for n, f in FORMS.items() if f.text is not None) + ("office_pdf",)


@dataclass(frozen=True)
class Case:
    kind: str
    key: AnswerKey
    forms: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.key.name


def variant_keys() -> list[AnswerKey]:
    bases = [sample_key("002"), random_key(7, "002")]
    return [make(base) for make in VARIANTS.values() for base in bases]


def cases(kinds: tuple[str, ...] = KINDS) -> list[Case]:
    out: list[Case] = []
    every = tuple(FORMS)
    base = base_keys()
    if "base" in kinds:
        out += [Case("base", k, every) for k in base]
    if "mutation" in kinds:
        out += [Case("mutation", mutated(k, c), every) for k in base for c in mutation_cells(k)]
    if "variant" in kinds:
        out += [Case("variant", k, LAYOUT_FORMS) for k in variant_keys()]
    if "old" in kinds:
        out += [Case("old", k, LAYOUT_FORMS) for k in old_keys()]
    return out

"""CellValue is made from a draft of the same layout (``make_cell``): it must behave as the frozen
dataclass it is declared as."""
import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest

from core.model import MISSING, CellKind, CellValue, make_cell

SAMPLES = [
    (CellKind.NUMBER, 3, "3", (10, 11), ""),
    (CellKind.NUMBER, Decimal("1.50"), "1.50", (4, 8), ""),
    (CellKind.INVALID, -2, "-2", (0, 2), "负数"),
    (CellKind.AMBIGUOUS, None, "", None, "粘连数字无法唯一拆分"),
]


@pytest.mark.parametrize("fields", SAMPLES)
def test_made_like_the_constructor(fields):
    made, built = make_cell(*fields), CellValue(*fields)
    assert type(made) is CellValue and made == built and hash(made) == hash(built)
    assert dataclasses.astuple(made) == fields
    assert repr(made) == ("CellValue(kind=%r, value=%r, raw=%r, span=%r, note=%r)" % fields)
    assert pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)) == made
    assert copy.copy(made) == made and copy.deepcopy(made) == made
    assert dataclasses.replace(made, note="x") == CellValue(*fields[:4], "x")


def test_defaults_and_frozen():
    assert CellValue(CellKind.EMPTY) == make_cell(CellKind.EMPTY, None, "", None)
    assert not MISSING.is_number and CellValue(CellKind.NUMBER, 0, "0").is_number
    assert CellValue(CellKind.NUMBER, 1, "1") != CellValue(CellKind.NUMBER, 1, "1", (0, 1))
    cell = make_cell(CellKind.NUMBER, 1, "1", (0, 1))
    for name in ("value", "other"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(cell, name, 2)

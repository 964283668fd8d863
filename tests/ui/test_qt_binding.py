"""Guard against a Qt binding that corrupts reference counts: PySide6 6.12.0 decrements True's
count on every signal emit, so a long session (or a big folder) ends in 'bool_dealloc' and an abort."""
from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=0):
        return None


def test_signal_emit_keeps_reference_counts(qapp):
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(True)
    for _ in range(200):
        model.dataChanged.emit(index, index)
    assert sys.getrefcount(True) >= before - 5, "this PySide6 build leaks references on emit; see requirements.txt"

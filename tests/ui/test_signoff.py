"""The window's 复核 hook: signing records the second reviewer in every report of the agency's workbook,
is saved at once, undoes like any edit, and shows in the workbook; the findings panel says the
conclusions in the workbook's words."""
from __future__ import annotations

from openpyxl import load_workbook

from core.review import SignOff, now
from core.review.session import load_entry
from tests.ui.conftest import sample


def test_sign_off_is_recorded_saved_undone_and_exported(window, samples, tmp_path):
    window.open_paths([sample(samples, "002")], wait=True)
    window.select_report(sample(samples, "002"))
    review = window.current
    assert "审阅结论 通过" in window.findings.summary.text()
    window.sign_off([review], SignOff("李复核", now(), "同意"))
    assert review.sign_off.reviewer == "李复核"
    assert load_entry(sample(samples, "002")).review.sign_off.reviewer == "李复核"  # saved at once
    path = tmp_path / "底稿.xlsx"
    assert window.save_workbook([review], str(path))
    wb = load_workbook(path)
    assert "复核人：李复核" in wb["表B"].oddFooter.center.text
    window.undo_action.trigger()
    assert review.sign_off is None
    assert load_entry(sample(samples, "002")).review.sign_off is None


def test_sign_off_dialog_asks_for_a_name(window, samples, monkeypatch, dialogs):
    from ui.signoff_dialog import SignOffDialog

    window.open_paths([sample(samples, "002")], wait=True)
    window.select_report(sample(samples, "002"))
    dialog = SignOffDialog([window.current], window)
    dialog._accept()
    assert dialog.result() != SignOffDialog.DialogCode.Accepted
    assert any("复核人" in text for _, text in dialogs[0])
    dialog.name.setText(" 李复核 ")
    dialog.opinion.setPlainText("同意编制人意见")
    dialog._accept()
    assert dialog.result() == SignOffDialog.DialogCode.Accepted
    signed = dialog.sign_off()
    assert (signed.reviewer, signed.opinion) == ("李复核", "同意编制人意见")

"""Reading a file: the few-system-call read, the control-byte count and the HTML sniffing against the
plain definitions they replace."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from core.errors import ReportError
from core.reading import _HTML_MARKERS, sniff
from core.reading import text as reading


def _reason(path: Path) -> str:
    with pytest.raises(ReportError) as err:
        reading.read_bytes(path)
    return err.value.reason


def test_read_bytes_reads_what_open_reads(tmp_path: Path) -> None:
    rnd = random.Random(2)
    for size in (1, 100, 4095, 4096, 4097, 70000):
        path = tmp_path / f"r{size}.txt"
        path.write_bytes(b"x" + bytes(rnd.randrange(256) for _ in range(size - 1)))
        assert reading.read_bytes(path) == path.read_bytes()
        assert reading.read_bytes(str(path)) == path.read_bytes()


def test_read_bytes_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \t\r\n\x0b\x0c")
    (tmp_path / "folder").mkdir()
    assert _reason(tmp_path / "empty.txt") == "文件是空的（没有任何文字）"
    assert _reason(tmp_path / "blank.txt") == "文件是空的（没有任何文字）"
    assert _reason(tmp_path / "missing.txt") == "文件不存在"
    assert _reason(tmp_path / "empty.txt" / "below.txt") == "文件不存在"
    assert _reason(tmp_path / "folder") == "这是一个文件夹，不是报告文件"
    (tmp_path / "spaced.txt").write_bytes(b" \n x \n")
    assert reading.read_bytes(tmp_path / "spaced.txt") == b" \n x \n"


def test_control_bytes_are_counted_as_deleting_them_counts() -> None:
    rnd = random.Random(9)
    alphabet = bytes(range(0, 40)) + "政府信息".encode()
    for _ in range(5000):
        raw = bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        if rnd.random() < 0.5:
            raw = raw.translate(None, reading.CONTROL_BYTES)  # none of them, the common case
        expected = len(raw) - len(raw.translate(None, reading.CONTROL_BYTES))
        assert reading._control_bytes(raw) == expected


def _is_html_by_definition(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<" in head and (any(m in head for m in _HTML_MARKERS)
                             or any(m in head.replace(b"\x00", b"") for m in _HTML_MARKERS))


def test_html_markers_are_found_in_any_case_as_lowering_finds_them() -> None:
    rnd = random.Random(4)
    pieces = [b"<", b"<html", b"<HTML", b"<Body", b"<tAble", b"<!DOCTYPE html", b"<!doctype HTML", b"<div",
              b"<p>", b"<P ", b"<p", b">", b" ", b"\x00", b"x", b"\xc4\xb3", b"\xe6\x94\xbf"]
    found = 0
    for _ in range(20000):
        data = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 5)))
        expected = _is_html_by_definition(data)
        assert (sniff("a.txt", data) == "html") == expected
        found += expected
    assert 2000 < found < 18000

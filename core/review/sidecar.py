"""Where a review lives on disk: a sidecar file beside the report (or in the app data folder when the
report's folder is read-only), written atomically so a crash never leaves half a file."""
from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path

from core.model import Report
from core.review.overlay import SIDECAR_SUFFIX, Review


def app_data_dir() -> Path:
    """Where sidecars go when the report's own folder is read-only (no Qt here: plain conventions)."""
    if os.name == "nt" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "nianbao-review" / "reviews"


def sidecar_candidates(report_path: str) -> list[Path]:
    p = Path(report_path).resolve()
    # the path as the system holds it, in bytes: its UTF-8 when it is text; a name of bytes that are
    # not UTF-8 (a zip made on a GBK system) has a digest all the same
    digest = hashlib.sha1(os.fsencode(p)).hexdigest()[:16]
    return [p.with_name(p.name + SIDECAR_SUFFIX), app_data_dir() / f"{p.name}.{digest}{SIDECAR_SUFFIX}"]


def temp_path(path: Path) -> Path:
    """A fresh name beside ``path`` for write-then-rename (same folder, so the rename is atomic)."""
    return path.with_name(f".~{secrets.token_hex(6)}-{path.name}")


def atomic_write_text(path: Path, text: str) -> None:
    """Write-then-rename: the file is either the old or the new version, never half of one. The file is
    created with the user's umask (0644 under the usual 022), so a colleague on a shared drive can read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def save_sidecar(review: Review) -> Path:
    """Save beside the report, or in the app data directory when that folder is not writable."""
    data = json.dumps(review.to_dict(), ensure_ascii=False, indent=1)
    last_error: OSError | None = None
    for path in sidecar_candidates(review.report.source.path):
        try:
            atomic_write_text(path, data)
            return path
        except OSError as exc:
            last_error = exc
    assert last_error is not None
    raise last_error


def load_sidecar(review: Review) -> Path | None:
    """Apply the newest readable sidecar, if any. A damaged sidecar is ignored, not fatal."""
    found = []
    for path in sidecar_candidates(review.report.source.path):
        try:
            found.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, path in sorted(found, reverse=True):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        review.apply_dict(data)
        return path
    return None


def open_review(report: Report, reviewer: str = "") -> Review:
    review = Review(report, reviewer=reviewer)
    load_sidecar(review)
    return review

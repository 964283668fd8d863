"""Scanned pages: page image → the same ``PageLayout`` the text layer gives.

The page is rendered at 150 dpi (``pages``). Ruled tables are found from the image's own ruling
lines (OpenCV morphology, then pdfplumber's cell finder over those lines, as for a text PDF). Every
cell is read on its own — the lines of a wrapped label stitched side by side into one strip, so a
label printed one or two characters per line reads as one word; the text outside the tables is cut
into printed lines by its rows of ink. Recognition runs the PP-OCRv4 Chinese recogniser that ships
inside the ``rapidocr-onnxruntime`` wheel (Apache-2.0) on onnxruntime, on the CPU; nothing is
downloaded.

Every character keeps the recogniser's probability, and a character it was not sure of keeps the
other readings it weighed (``Line.doubts``): the cross totals decide later
(``core.extraction.ocr_repair``) instead of this module guessing. In a cell that holds a number,
readings are weighed as digits: an ``o`` where a digit stands is a 0, and the doubt is between digits."""
from __future__ import annotations

import importlib.util
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from core.reading.pages import render
from core.reading.pdf_layout import Line, PageLayout, Table, table_from_cells

RENDER_DPI = 150
SCALE = RENDER_DPI / 72
# Reports are printed on A4: a page whose image declares another size (a scan wrapped at 96 ppi) is
# rendered so its short side has the pixels of A4 at 150 dpi, and sizes in pixels are reckoned on A4.
A4_SHORT_SIDE = 595.0
# Characters recognised with less probability than this keep their alternatives.
UNCERTAIN = 0.9
_MIN_ALTERNATIVE = 0.01
_REC_HEIGHT = 48
MAX_SKEW = 3.0  # degrees: a page fed in at a slant, not one scanned sideways
SPECK_PIXELS = 4  # ink blobs this small (at 150 dpi) are dust, not print
SPECK_CONFIDENCE = 0.75  # a mark outside the tables read with less confidence than this is taken for dirt
_BATCH_PIXELS = 48 * 64 * 48  # about 48 strips of one or two digits per run of the model
REC_MODEL = "ch_PP-OCRv4_rec_infer.onnx"
# Letters the recogniser gives for a digit printed alone in a cell.
_LOOKALIKE = {"o": "0", "O": "0", "〇": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
              "丨": "1", "Z": "2", "z": "2", "S": "5", "s": "5", "b": "6", "B": "8", "g": "9", "q": "9"}
_NUMBER_CHARS = set("0123456789.,") | set(_LOOKALIKE)
# What a speck of dirt beside a digit reads as.
_SPECK_MARKS = set("·.,:：;；'′`\"“”‘’-—_*。，、 ")

_lock = threading.Lock()
_session = None


def model_dir() -> Path:
    """The PP-OCR models inside the installed ``rapidocr-onnxruntime`` wheel (found without
    importing the package, whose own pipeline this module does not use), or in the desktop build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "rapidocr_onnxruntime" / "models"
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    if spec is None or spec.origin is None:
        raise ImportError("rapidocr_onnxruntime")
    return Path(spec.origin).parent / "models"


def _recogniser():
    """The recogniser and its character set (CTC blank first), loaded once per process. Threads
    wait without spinning: the machine is shared with the window and other work."""
    global _session
    with _lock:
        if _session is None:
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.log_severity_level = 3
            opts.intra_op_num_threads = max(1, min(os.cpu_count() or 1, 4))
            opts.inter_op_num_threads = 1
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            session = ort.InferenceSession(str(model_dir() / REC_MODEL), opts, providers=["CPUExecutionProvider"])
            charset = ["", *session.get_modelmeta().custom_metadata_map["character"].splitlines(), " "]
            _session = (session, charset)
        return _session


# --- recognition ------------------------------------------------------------------------------
class Reading:
    """A recognised strip: its text and, per character, its probability and alternatives."""

    __slots__ = ("alternatives", "confidence", "text")

    def __init__(self, text: str, confidence: list[float], alternatives: list[tuple[tuple[str, float], ...]]):
        self.text, self.confidence, self.alternatives = text, confidence, alternatives

    def doubts(self) -> list[tuple[int, float, tuple[tuple[str, float], ...]]]:
        return [(i, c, a) for i, (c, a) in enumerate(zip(self.confidence, self.alternatives)) if c < UNCERTAIN]


def _peaks(probs: np.ndarray) -> list[tuple[int, int]]:
    """(time step, class) of each character of the greedy CTC path, at the step where it peaks."""
    best = probs.argmax(axis=1)
    out: list[tuple[int, int]] = []
    prev = 0
    for t, k in enumerate(best):
        if k != 0 and k != prev:
            out.append((t, int(k)))
        elif k != 0 and probs[t, k] > probs[out[-1][0], k]:
            out[-1] = (t, int(k))
        prev = k
    return out


def _decode(probs: np.ndarray, charset: Sequence[str]) -> Reading:
    chars, conf, alts = [], [], []
    for t, k in _peaks(probs):
        p = float(probs[t, k])
        chars.append(charset[k])
        conf.append(p)
        others: tuple[tuple[str, float], ...] = ()
        if p < UNCERTAIN:
            order = np.argsort(probs[t])[::-1][:4]
            others = tuple((charset[j], float(probs[t, j])) for j in order if j != k and probs[t, j] >= _MIN_ALTERNATIVE)
        alts.append(others)
    return Reading("".join(chars), conf, alts)


def _as_number(probs: np.ndarray, charset: Sequence[str], reading: Reading) -> Reading:
    """A cell that reads as digits (and letters shaped like digits) is weighed as a number: each
    letter's probability goes to its digit, and the doubt left is between digits or "no character".
    Specks of dirt read as marks around the digits (·2. 。0 43 -) are dropped; a point between two
    digits stays (0.9840)."""
    text = reading.text
    if not any(c.isdigit() for c in text) or not set(text) <= _NUMBER_CHARS | _SPECK_MARKS:
        if not text or not set(text) <= _NUMBER_CHARS or not any(c in _LOOKALIKE for c in text):
            return reading
    index = {c: i for i, c in enumerate(charset)}
    chars, conf, alts = [], [], []
    peaks = _peaks(probs)
    for n, (t, k) in enumerate(peaks):
        ch = charset[k]
        if ch in _SPECK_MARKS or ch in ".,":
            between = 0 < n < len(peaks) - 1 and charset[peaks[n - 1][1]].isdigit() and charset[peaks[n + 1][1]].isdigit()
            if ch in ".," and between:
                chars.append(ch)
                conf.append(float(probs[t, k]))
                alts.append(())
            continue
        mass = {d: float(probs[t, index[d]]) for d in "0123456789" if d in index}
        for letter, digit in _LOOKALIKE.items():
            if letter in index:
                mass[digit] += float(probs[t, index[letter]])
        mass[""] = float(probs[t, 0])
        ranked = sorted(mass.items(), key=lambda kv: -kv[1])
        digit, p = next((d, v) for d, v in ranked if d)
        chars.append(digit)
        conf.append(p)
        alts.append(tuple((d, v) for d, v in ranked if d != digit and v >= _MIN_ALTERNATIVE)[:4] if p < UNCERTAIN else ())
    return Reading("".join(chars), conf, alts)


def recognise(strips: list[np.ndarray], numeric: Sequence[bool] = ()) -> list[Reading]:
    """Read gray strips of one text line each. Batched by width: the model's cost grows with the
    padded width, so narrow strips (digits) go many to a run and long lines few. ``numeric[i]``:
    strip ``i`` is a table cell, read as a number when it looks like one."""
    import cv2

    session, charset = _recogniser()
    name = session.get_inputs()[0].name
    out: list[Reading | None] = [None] * len(strips)
    widths = [max(8, int(np.ceil(_REC_HEIGHT * s.shape[1] / max(s.shape[0], 1)))) for s in strips]
    order = sorted(range(len(strips)), key=lambda i: widths[i])
    b = 0
    while b < len(order):
        width = -(-widths[order[b]] // 8) * 8
        size = 1
        while b + size < len(order):
            wider = max(width, -(-widths[order[b + size]] // 8) * 8)
            if (size + 1) * wider * _REC_HEIGHT > _BATCH_PIXELS:
                break
            width, size = wider, size + 1
        idx = order[b:b + size]
        batch = np.zeros((len(idx), 3, _REC_HEIGHT, width), np.float32)
        for j, i in enumerate(idx):
            img = cv2.resize(strips[i], (widths[i], _REC_HEIGHT), interpolation=cv2.INTER_AREA).astype(np.float32)
            batch[j, :, :, :widths[i]] = img / 127.5 - 1.0
        preds = session.run(None, {name: batch})[0]
        for j, i in enumerate(idx):
            reading = _decode(preds[j], charset)
            out[i] = _as_number(preds[j], charset, reading) if i < len(numeric) and numeric[i] else reading
        b += size
    return [r for r in out if r is not None]


# --- ruling lines and cells -------------------------------------------------------------------
def ruling_masks(binary: np.ndarray, unit: float) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling lines: ink runs longer than any stroke of a character."""
    import cv2

    h_len, v_len = max(int(18 * unit), 20), max(int(9 * unit), 12)
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return horizontal, vertical


def _crossed(binary: np.ndarray, horizontal: np.ndarray, x: int, y: int, w: int, h: int) -> bool:
    """Ink on both sides of a vertical segment in a good share of its rows: a stroke of a character
    crossed by its other strokes, not a ruling line (which only text touching it, or the fringe of a
    horizontal line it meets, ever reaches)."""
    rows = slice(y + 3, y + h - 3)
    if rows.stop - rows.start < 2 or x < 5:
        return False
    ink = (binary[rows] > 0) & (horizontal[rows] == 0)
    ink[1:] &= horizontal[y + 3:y + h - 4] == 0   # rows next to a horizontal line: its fringe
    ink[:-1] &= horizontal[y + 4:y + h - 3] == 0
    left = ink[:, x - 5:x - 1].any(axis=1)  # a pixel's gap: the grey fringe of this line is no crossing
    right = ink[:, x + w + 1:x + w + 5].any(axis=1)
    crossing = int((left & right).sum())
    return crossing >= 2 and crossing >= 0.08 * (rows.stop - rows.start)


def table_cells(binary: np.ndarray, horizontal: np.ndarray, vertical: np.ndarray,
                char_gap: float = 20.0) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes (pixels) of each ruled table, from the line masks, by pdfplumber's own cell finder.
    A vertical ruling line ends on the horizontal lines it meets and nothing crosses it between them;
    the long stroke of a character (十, 申, 未) is crossed by the character's other strokes."""
    import cv2
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    edges = []
    for mask, orient in ((horizontal, "h"), (vertical, "v")):
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _area in stats[1:]:
            if orient == "v" and not (horizontal[max(y - 3, 0):y + 4, max(x - 1, 0):x + w + 1].any()
                                      and horizontal[max(y + h - 4, 0):y + h + 3, max(x - 1, 0):x + w + 1].any()):
                continue
            if orient == "v" and _crossed(binary, horizontal, x, y, w, h):
                continue
            if orient == "h":
                mid = float(y + h / 2)
                edges.append({"object_type": "ocr_edge", "orientation": "h", "x0": float(x), "x1": float(x + w),
                              "top": mid, "bottom": mid, "width": float(w), "height": 0.0})
            else:
                mid = float(x + w / 2)
                edges.append({"object_type": "ocr_edge", "orientation": "v", "x0": mid, "x1": mid,
                              "top": float(y), "bottom": float(y + h), "width": 0.0, "height": float(h)})
    if not edges:
        return []
    # a scanned line broken into pieces (blur, compression) is one line again across gaps this wide
    gap = max(3, int(0.6 * char_gap))
    edges = merge_edges(edges, 2, 2, gap, gap)
    cells = intersections_to_cells(edges_to_intersections(edges, 3, 3))
    return [t for t in cells_to_tables(cells) if len(t) >= 4]


def _without_rules(cell: np.ndarray) -> np.ndarray:
    """A cell's ink without the remains of a ruling line the line finder missed: a thin stroke from
    its top edge to its bottom (or side to side) is a line — text never fills a cell edge to edge —
    and would otherwise read as a 1 beside the digits."""
    import cv2

    h, w = cell.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cell.astype(np.uint8), connectivity=8)
    keep = cell.copy()
    for i in range(1, n):
        x, y, cw, ch, _area = stats[i]
        if (ch >= 0.9 * h and cw <= 4 and y <= 1 and y + ch >= h - 1) or \
                (cw >= 0.9 * w and ch <= 4 and x <= 1 and x + cw >= w - 1):
            keep[labels == i] = False
    return keep


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of the True runs of a 1-d mask."""
    padded = np.concatenate(([False], mask, [False]))
    change = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b)) for a, b in zip(change[::2], change[1::2])]


def _bands(ink: np.ndarray, height: float) -> list[tuple[int, int]]:
    """Printed lines in a block of ink: rows with ink, parts of one character (三, the two halves
    of 息) merged back."""
    merged: list[tuple[int, int]] = []
    for a, b in _runs(ink.any(axis=1)):
        if merged and a - merged[-1][1] <= 0.35 * height and b - merged[-1][0] <= 1.3 * height:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [(a, b) for a, b in merged if b - a >= 0.25 * height or ink[a:b].sum() > 6]


def _stitch(gray: np.ndarray, ink: np.ndarray, bands: list[tuple[int, int]]) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The lines of a cell side by side in one strip, and the ink's box (pixels, in the cell)."""
    pieces, boxes = [], []
    for a, b in bands:
        cols = np.flatnonzero(ink[a:b].any(axis=0))
        x0, x1 = int(cols[0]), int(cols[-1]) + 1
        pieces.append(gray[a:b, x0:x1])
        boxes.append((x0, a, x1, b))
    h = max(p.shape[0] for p in pieces)
    margin = max(h // 4, 3)
    gap = np.full((h + 2 * margin, max(h // 2, 4)), 255, np.uint8)
    parts = [gap[:, :margin]]
    for p in pieces:
        canvas = np.full((h + 2 * margin, p.shape[1]), 255, np.uint8)
        top = margin + (h - p.shape[0]) // 2
        canvas[top:top + p.shape[0]] = p
        parts += [canvas, gap]
    parts[-1] = gap[:, :margin]
    box = (min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3])
    return np.hstack(parts), box


def _free_lines(ink: np.ndarray, tables) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of the printed lines outside the ruled tables: rows of ink split into lines,
    a line split where a gap is wider than two characters (a date set to the right, a column)."""
    ink = ink.copy()
    for cells in tables:
        x0, top = int(min(c[0] for c in cells)) - 3, int(min(c[1] for c in cells)) - 3
        x1, bottom = int(max(c[2] for c in cells)) + 4, int(max(c[3] for c in cells)) + 4
        ink[max(top, 0):bottom, max(x0, 0):x1] = False
    heights = [b - a for a, b in _runs(ink.any(axis=1)) if b - a >= 6]
    if not heights:
        return []
    height = float(np.median(heights))
    boxes = []
    for a, b in _bands(ink, height):
        if b - a > 4 * height:
            continue  # a picture or a seal, not a line of text
        groups: list[list[int]] = []
        for x0, x1 in _runs(ink[a:b].any(axis=0)):
            if groups and x0 - groups[-1][1] <= 2 * (b - a):
                groups[-1][1] = x1
            else:
                groups.append([x0, x1])
        boxes += [(x0, a, x1, b) for x0, x1 in groups if ink[a:b, x0:x1].sum() >= 8]
    return boxes


def _line_strip(gray: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    x0, top, x1, bottom = box
    m = max((bottom - top) // 4, 2)
    strip = np.full((bottom - top + 2 * m, x1 - x0 + 2 * m), 255, np.uint8)
    strip[m:m + bottom - top, m:m + x1 - x0] = gray[top:bottom, x0:x1]
    return strip


# --- one page ---------------------------------------------------------------------------------
def skew(binary: np.ndarray) -> float:
    """The page's tilt in degrees (a scan fed in at a slant): the angle at which the rows of ink —
    text lines and ruling lines — are sharpest; coarse steps on a reduced image, then fine steps at
    full size (where a twentieth of a degree still moves a line's end by a pixel). A level page
    gives 0: an angle is only taken when it is clearly sharper than none."""
    import cv2

    def sharpness(img: np.ndarray, angle: float) -> float:
        h, w = img.shape
        turned = cv2.warpAffine(img, cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0), (w, h),
                                flags=cv2.INTER_NEAREST)
        rows = turned.sum(axis=1, dtype=np.float64)
        return float((rows * rows).sum())

    small = cv2.resize(binary, (binary.shape[1] // 3, binary.shape[0] // 3), interpolation=cv2.INTER_AREA)
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=lambda a: sharpness(small, a))
    fine = {float(a): sharpness(binary, a) for a in np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.05)}
    best = max(fine, key=fine.get)
    level = fine.get(0.0) or sharpness(binary, 0.0)
    return round(best, 2) if fine[best] > 1.02 * level else 0.0


def _despeckle(gray: np.ndarray, binary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The page without the specks a scanner's glass and dust leave: dots of a few pixels that touch
    nothing. The smallest mark of print at 150 dpi (a full stop, the dot of 、) is larger."""
    import cv2

    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    small = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] <= SPECK_PIXELS)
    small = small[small > 0]
    if not len(small):
        return gray, binary
    specks = np.isin(labels, small)
    gray, binary = gray.copy(), binary.copy()
    gray[specks] = 255
    binary[specks] = 0
    return gray, binary


def _straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    import cv2

    h, w = gray.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _tilt_back(layout: PageLayout, angle: float, centre: tuple[float, float]) -> None:
    """Boxes found on the straightened image, put back where they are on the page as rendered."""
    a = np.radians(angle)
    cos, sin = float(np.cos(a)), float(np.sin(a))

    def back(box):
        xs, ys = [], []
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            dx, dy = x - centre[0], y - centre[1]
            xs.append(centre[0] + dx * cos - dy * sin)
            ys.append(centre[1] + dx * sin + dy * cos)
        return (min(xs), min(ys), max(xs), max(ys))

    for block in layout.blocks:
        if isinstance(block, Table):
            block.box = back(block.box)
            for cell in block.cells:
                for part in cell.parts:
                    part.box = back(part.box)
        else:
            block.box = back(block.box)
            block.runs = [(s, e, back(b)) for s, e, b in block.runs]


def recognise_image(gray: np.ndarray, number: int, width: float, height: float, scale: float = SCALE) -> PageLayout:
    """One page image (8-bit gray, ``scale`` pixels per point) → its layout, boxes in points on the
    page as rendered. A tilted scan is straightened first and its boxes tilted back at the end."""
    import cv2

    def binarise(img: np.ndarray) -> np.ndarray:
        return cv2.adaptiveThreshold(img, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)

    gray, binary = _despeckle(gray, binarise(gray))
    angle = skew(binary)
    if abs(angle) < 0.05:
        return _layout(gray, binary, number, width, height, scale)
    gray = _straighten(gray, angle)
    layout = _layout(gray, binarise(gray), number, width, height, scale)
    _tilt_back(layout, angle, (gray.shape[1] / 2 / scale, gray.shape[0] / 2 / scale))
    return layout


def _layout(gray: np.ndarray, binary: np.ndarray, number: int, width: float, height: float, scale: float) -> PageLayout:
    import cv2

    unit = min(gray.shape) / A4_SHORT_SIDE  # pixels per point of the printed A4 sheet, for sizes
    horizontal, vertical = ruling_masks(binary, unit)
    lines = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))  # with the fringe a scan leaves
    ink = (binary > 0) & (lines == 0)
    tables = table_cells(binary, horizontal, vertical, 10 * unit)
    pad = max(int(unit), 2)
    cells_ink = []
    for t, cells in enumerate(tables):
        for c, (x0, top, x1, bottom) in enumerate(cells):
            x0, top, x1, bottom = int(x0) + pad, int(top) + pad, int(x1) - pad + 1, int(bottom) - pad + 1
            if x1 > x0 and bottom > top and ink[top:bottom, x0:x1].any():
                cells_ink.append((t, c, x0, top, _without_rules(ink[top:bottom, x0:x1])))
    heights = [b - a for *_, cell in cells_ink for a, b in _runs(cell.any(axis=1)) if b - a >= 6]
    char_h = float(np.median(heights)) if heights else 16.0
    strips, owners = [], []
    for t, c, x0, top, cell in cells_ink:
        bands = _bands(cell, char_h)
        if not bands:
            continue
        strip, (bx0, btop, bx1, bbottom) = _stitch(gray[top:top + cell.shape[0], x0:x0 + cell.shape[1]], cell, bands)
        strips.append(strip)
        owners.append((t, c, ((x0 + bx0) / scale, (top + btop) / scale, (x0 + bx1) / scale, (top + bbottom) / scale)))
    free_boxes = _free_lines(ink, tables)
    strips += [_line_strip(gray, box) for box in free_boxes]
    readings = recognise(strips, [True] * len(owners)) if strips else []
    in_cells: dict[tuple[int, int], list[Line]] = {}
    for (t, c, box), r in zip(owners, readings):
        line = _as_line(r, box, box[3] - box[1])
        if line is not None:
            in_cells[(t, c)] = [line]
    blocks: list[Table | Line] = []
    for t, cells in enumerate(tables):
        boxes = [tuple(v / scale for v in cell) for cell in cells]
        blocks.append(table_from_cells(number, boxes, [in_cells.get((t, c), []) for c in range(len(cells))]))
    runs = []
    for (x0, top, x1, bottom), r in zip(free_boxes, readings[len(owners):]):
        line = _as_line(r, (x0 / scale, top / scale, x1 / scale, bottom / scale), (bottom - top) / scale, free=True)
        if line is not None:
            runs.append(line)
    blocks += _visual_lines(runs)
    blocks.sort(key=lambda b: b.box[1])
    return PageLayout(number, width, height, blocks, ocr=True)


def _as_line(r: Reading, box: tuple[float, float, float, float], size: float, free: bool = False) -> Line | None:
    """A reading as a line of text. Outside the tables (``free``), a mark read with little confidence,
    or a mark doubled (三、、收到 → 三、收到), is taken for a speck and dropped, and a short line of such
    guesses — dirt in a margin — is no line at all."""
    keep = [i for i, (ch, c) in enumerate(zip(r.text, r.confidence))
            if not (free and ch in _SPECK_MARKS and (c < SPECK_CONFIDENCE or (i and r.text[i - 1] == ch in "、，。：；")))]
    chars = "".join(r.text[i] for i in keep).replace("|", "｜").replace("\t", " ")
    text = chars.strip()
    if not text:
        return None
    if free and len(text.replace(" ", "")) <= 4 and sum(r.confidence[i] for i in keep) / len(keep) < SPECK_CONFIDENCE:
        return None
    lead = len(chars) - len(chars.lstrip())
    where = {old: new - lead for new, old in enumerate(keep)}
    doubts = [(where[i], c, a) for i, c, a in r.doubts() if i in where and 0 <= where[i] < len(text)]
    return Line(text, box, size, doubts)


def _visual_lines(runs: list[Line]) -> list[Line]:
    """Runs on the same printed line → one line, a wide gap kept as three spaces."""
    rows: list[list[Line]] = []
    for run in sorted(runs, key=lambda ln: ln.box[1]):
        mid = (run.box[1] + run.box[3]) / 2
        if rows and rows[-1][0].box[1] <= mid <= rows[-1][0].box[3]:
            rows[-1].append(run)
        else:
            rows.append([run])
    out = []
    for row in rows:
        row.sort(key=lambda ln: ln.box[0])
        text, doubts, spans = "", [], []
        for n, run in enumerate(row):
            if n:
                text += "   "
            doubts += [(len(text) + i, c, a) for i, c, a in run.doubts]
            spans.append((len(text), len(text) + len(run.text), run.box))
            text += run.text
        box = (row[0].box[0], min(r.box[1] for r in row), row[-1].box[2], max(r.box[3] for r in row))
        out.append(Line(text, box, max(r.size for r in row), doubts, spans))
    return out


def recognise_pages(data: bytes, pages: Sequence[tuple[int, float, float]], progress) -> tuple[list[PageLayout], list[tuple[int, str]]]:
    """Recognise the given pages ((number from 1, width, height in points)) of a PDF, reporting
    progress after each; a page that fails is reported with its reason, not fatal."""
    from core.reading.progress import ReadCancelled

    layouts: list[PageLayout] = []
    failed: list[tuple[int, str]] = []
    try:
        _recogniser()
    except ImportError:
        return [], [(n, "是扫描图像，但本机未安装文字识别组件（见 README）") for n, _, _ in pages]
    except Exception:  # a broken installation: say so, in plain words, for every page it leaves unread
        return [], [(n, "是扫描图像，文字识别组件无法加载") for n, _, _ in pages]
    progress.report(0, len(pages))
    for done, (n, width, height) in enumerate(pages, start=1):
        if progress.cancelled():
            raise ReadCancelled()
        try:
            image = render(data, n, SCALE * A4_SHORT_SIDE / max(min(width, height), 1.0), gray=True)
            gray = np.frombuffer(image.data, np.uint8).reshape(image.height, image.width)
            layouts.append(recognise_image(gray, n, width, height, image.width / width))
        except MemoryError:
            failed.append((n, "过大，无法识别"))
        except Exception:  # a damaged page image must not lose the other pages
            failed.append((n, "无法识别"))
        progress.report(done, len(pages))
    return layouts, failed

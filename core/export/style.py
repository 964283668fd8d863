"""Semantic colours, defined once: the window and the audit workbook paint the same states the same way."""
from __future__ import annotations

ERROR = "#F4B6B6"        # cell in a failed equation / error finding
WARNING = "#FFE08A"      # blank, placeholder, not assessable
INFO = "#DCE9F7"         # informational finding
CORRECTED = "#FFF59D"    # hand-corrected cell (yellow)
MISSING = "#E0E0E0"      # cell not found in the report
SOURCE_HIGHLIGHT = "#B3D4FC"  # the source text of the selected cell
HEADING = "#D9E2F3"      # table headers and group labels
LABEL = "#F3F6FB"        # row labels of a table (not editable)
OK = "#C6EFCE"

SEVERITY_COLOUR = {"error": ERROR, "warning": WARNING, "info": INFO}


def argb(hex_colour: str) -> str:
    """openpyxl wants 'FFRRGGBB'."""
    return "FF" + hex_colour.lstrip("#").upper()

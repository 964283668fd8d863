"""Stage 5 — what the auditor takes away: the JSON contract of ``check --json`` (``jsonout``), the audit
workbook per agency (``workbook``) and the batch summary (``summary``), plus what the window and the
workbook share so they show the same thing: the form laid out as a grid (``form_grid``), each cell's
state (``cell_status``) and the colours (``style``). Takes reviews (``core.review``); gives files and views."""

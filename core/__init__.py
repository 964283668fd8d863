"""The engine, pure Python (no Qt). Data flows one way through its stages, each a folder:

1. ``reading/``    file → ``SourceDocument`` (decoded text, format, encoding)
2. ``extraction/`` text → ``Report`` (parts, tables, meta; every value with its source span)
3. ``checks/``     ``Report`` → ``Finding``s (one rule catalogue)
4. ``review/``     the auditor's corrections and verdicts on top, saved in a sidecar
5. ``export/``     JSON, audit workbooks, the batch summary, and the grid/colours the window shares

``model`` (the dataclasses), ``template`` (the official form as data), ``equations`` (its cross totals) and
``messages`` (finding texts in Chinese and English) are shared by every stage;
``api`` (one report) and ``batch`` (many) run the stages; ``cli/`` is the headless command line.
"""

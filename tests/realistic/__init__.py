"""Accuracy harness (issue 12, part 6): answer keys re-published in the forms real reports reach an
auditor in — crawler text with no line structure, PDF-converter markdown, office-printed and scanned
PDFs, real variants of the form and the older layouts — so tests and ``benchmarks/accuracy.py`` can
say, per form, how many cells come back exact, null or wrong.

``keys`` holds the answer keys, ``document`` lays a key out as the official form (the grid with its
merged cells, as the agencies' Word template has it), ``variants`` and ``oldformat`` change that form
the way real reports do, and ``crawler``, ``converter`` and ``office`` serialise it; ``forms`` is the
registry, ``score`` compares a reading with its key."""

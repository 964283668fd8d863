"""Stage 2 — finding the parts and the cells. Takes a ``SourceDocument`` (the text as read, with offsets);
gives a ``Report``: agency, year and layout (``meta``), the six part headings (``sections``), and the
three tables read against the template (``tokens`` → ``tables``), every value with the span of text it
came from. The narrative's numbers and dates (``narrative``) are read here too, for the checks."""

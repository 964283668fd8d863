"""Stage 0 — collecting reports from agency websites. Takes addresses (a report page or an attachment);
gives an evidence folder: the bytes exactly as served and an index of every download (``evidence``),
fetched politely (``client``), with a report page's attachments found on it (``page``) and one
address's failure never stopping the others (``collector``). The reports in the folder then go through
the other stages like any files, and the checks read their evidence (D02, D04, D05).

Nothing is imported here: loading a report looks up its evidence (``evidence``) without paying for
the HTTP client."""

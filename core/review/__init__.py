"""Stage 4 — the auditor's work on top of the engine: hand corrections, verdicts and the 复核 sign-off
as an overlay on a ``Report`` (``overlay``), the words a report is concluded with (``conclusion``), kept in
a sidecar file that survives a crash (``sidecar``), and the set of reports loaded together (``session``).
Takes a ``Report``; gives the values, findings and conclusions the views and the workbook show."""
from core.review.conclusion import STALE, VERDICTS, Conclusion
from core.review.overlay import (
                                 SIDECAR_SUFFIX,
                                 Correction,
                                 Review,
                                 SignOff,
                                 TrailEvent,
                                 VerdictEntry,
                                 now,
                                 parse_input,
                                 refresh_cross_findings,
                                 text_hash,
                                 value_text,
)
from core.review.sidecar import (
                                 app_data_dir,
                                 atomic_write_text,
                                 load_sidecar,
                                 open_review,
                                 save_sidecar,
                                 sidecar_candidates,
)

__all__ = ["SIDECAR_SUFFIX", "STALE", "VERDICTS", "Conclusion", "Correction", "Review", "SignOff", "TrailEvent",
           "VerdictEntry", "now", "parse_input", "refresh_cross_findings", "text_hash", "value_text", "app_data_dir",
           "atomic_write_text", "load_sidecar", "open_review", "save_sidecar", "sidecar_candidates"]

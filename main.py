"""年报审阅 — start the reviewer window, or run a headless command (check, export).

The CLI path never imports Qt, so batch work starts fast and runs on machines without a display."""
from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    from core.cli.main import COMMANDS

    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help") or _mistyped_command(argv[0])):
        from core.cli.main import main as cli_main

        return cli_main(argv)  # an unknown command ends here as an argument error with the usage
    from ui.display import EXIT_NO_DISPLAY, HEADLESS_HINT, missing_display

    problem = missing_display()
    if problem:
        print(f"{problem}\n{HEADLESS_HINT}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from ui.app import run_app

    return run_app(argv)


def _mistyped_command(arg: str) -> bool:
    """A bare word that is no file or folder ('chek') is a command misspelt, not a report to open."""
    return not arg.startswith("-") and not os.path.exists(arg) and not os.path.splitext(arg)[1] \
        and os.sep not in arg and "/" not in arg


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the batch export's worker processes, in a frozen Windows build
    sys.exit(main(sys.argv[1:]))

"""年报审阅 — start the reviewer window, or run a headless command (check, export).

The CLI path never imports Qt, so batch work starts fast and runs on machines without a display."""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from core.cli.main import COMMANDS

    if argv and argv[0] in COMMANDS or argv[:1] in (["-h"], ["--help"]):
        from core.cli.main import main as cli_main

        return cli_main(argv)
    from ui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the batch export's worker processes, in a frozen Windows build
    sys.exit(main(sys.argv[1:]))

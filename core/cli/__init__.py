"""Command-line entry points (no Qt: the CLI must start fast and run without a display)."""

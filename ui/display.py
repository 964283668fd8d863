"""Before the window: is there a desktop to show it on? Qt aborts (exit 134) when it cannot open a
display; we say what is wrong and that the headless commands still work, and exit 2.

``missing_display`` reads the environment only (no Qt import), so it is cheap to ask first;
``fatal_handler`` catches Qt's own fatal message when the platform plugin fails anyway (a display
that does not answer, missing system libraries)."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager

HEADLESS_HINT = ("窗口需要图形桌面；在没有桌面的机器上（SSH 会话、服务器）可使用命令行：\n"
                 "  python3 main.py check FILE... [--json]\n"
                 "  python3 main.py export INPUT... --out DIR\n"
                 "The window needs a desktop; without one use the commands above (check, export).")
EXIT_NO_DISPLAY = 2


def missing_display(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """The reason there is no display, or None when there may be one."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin")) or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "年报审阅：没有可用的图形桌面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。"
    return None


@contextmanager
def fatal_handler():
    """While the application object is made, turn Qt's fatal 'no platform plugin' into a message
    and exit status 2 instead of an abort."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind, _context, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            sys.stderr.write("年报审阅：无法打开窗口：Qt 无法加载图形平台插件。\n"
                             "Linux 上请检查 DISPLAY 是否指向可用的桌面，以及 README 列出的系统库是否已安装"
                             "（ldd 可列出 Qt xcb 插件缺少的库）。\n"
                             f"（Qt: {' '.join(message.split())}）\n{HEADLESS_HINT}\n")
            sys.stderr.flush()
            os._exit(EXIT_NO_DISPLAY)
        sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)

"""Typed settings over QSettings, so every key has one spelling and one type."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _str(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._s.value(key, default))
        except (TypeError, ValueError):
            return default

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"window/splitter/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"window/splitter/{name}", value)

    @property
    def recent_files(self) -> list[str]:
        value = self._s.value("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files if p != path]
        self._s.setValue("recent/files", files[:MAX_RECENT])

    def clear_recent(self) -> None:
        self._s.setValue("recent/files", [])

    @property
    def language(self) -> str:
        return self._str("ui/language", "zh_CN")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def reviewer(self) -> str:
        return self._str("review/reviewer")

    @reviewer.setter
    def reviewer(self, value: str) -> None:
        self._s.setValue("review/reviewer", value)

    @property
    def last_dir(self) -> str:
        return self._str("paths/last_dir")

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self._s.setValue("paths/last_dir", value)

    @property
    def text_zoom(self) -> int:
        return self._int("ui/text_zoom", 0)

    @text_zoom.setter
    def text_zoom(self, value: int) -> None:
        self._s.setValue("ui/text_zoom", value)

    def sync(self) -> None:
        self._s.sync()

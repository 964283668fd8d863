"""Collecting tests talk only to local sites started here; proxies from the environment are switched
off so not even a proxy is contacted."""
from __future__ import annotations

import pytest

from tests.collect.site import Site


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setenv("no_proxy", "*")


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def other_site():
    """A second platform: another port on 127.0.0.1 is another site."""
    s = Site()
    yield s
    s.close()

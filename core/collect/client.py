"""Polite HTTP for collecting reports (httpx): a real User-Agent, timeouts, retries with back-off, at
most a few requests at a time per host and a pause between them, redirects followed one hop at a time
(so every hop is checked against robots.txt and recorded), and robots.txt honoured unless the user
turns it off. Every failure becomes a ``FetchError`` with a Chinese reason an auditor can act on."""
from __future__ import annotations

import socket
import ssl
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from core.version import APP_NAME_EN, version

Cancelled = Callable[[], bool]
ROBOTS_AGENT = "NianbaoReviewer"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 10
MAX_RETRY_AFTER = 30.0


def user_agent() -> str:
    return f"Mozilla/5.0 (compatible; {ROBOTS_AGENT}/{version()}; {APP_NAME_EN}; government report review)"


@dataclass
class FetchOptions:
    timeout: float = 20.0          # seconds for connecting, and for each read
    deadline: float = 180.0        # seconds for one whole download, however slowly it trickles
    retries: int = 2               # further attempts after a timeout, a dropped connection, 429 or 5xx
    backoff: float = 1.0           # first pause before a retry; doubles each time
    per_host: int = 2              # requests in flight to one host
    delay: float = 1.0             # seconds between the starts of two requests to one host
    robots: bool = True            # honour robots.txt
    jobs: int = 4                  # addresses worked on at once
    max_bytes: int = 100 * 1024 * 1024
    user_agent: str = field(default_factory=user_agent)


class FetchError(Exception):
    """A download that failed; ``reason`` is Chinese and names the problem, never a library class."""

    def __init__(self, url: str, reason: str, response: Response | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.response = url, reason, response


class Cancel(Exception):
    """The user cancelled while this download was under way."""


@dataclass
class Response:
    """One download as served: what was asked, where it ended up, and the bytes untouched."""

    url: str
    final_url: str
    redirects: tuple[str, ...]
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    time: str  # when the response began, ISO 8601 with the zone

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


def status_reason(status: int) -> str:
    if status == 404 or status == 410:
        return f"网页不存在（HTTP {status}），可能已被删除或网址有误"
    if status in (401, 403):
        return f"服务器拒绝访问（HTTP {status}）"
    if status == 429:
        return "服务器限制访问频率（HTTP 429），请稍后再试或加大请求间隔"
    if status >= 500:
        return f"服务器出错（HTTP {status}），请稍后再试"
    return f"服务器返回 HTTP {status}"


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _network_reason(exc: httpx.HTTPError, host: str, options: FetchOptions) -> tuple[str, bool]:
    """(Chinese reason, worth retrying)."""
    if isinstance(exc, httpx.TimeoutException):
        return f"连接或读取超时（{options.timeout:g} 秒内无响应）", True
    if _caused_by(exc, socket.gaierror) or "Name or service not known" in str(exc) \
            or "getaddrinfo" in str(exc) or "nodename nor servname" in str(exc):
        return f"无法解析域名 {host}（网址有误，或网络/DNS 不通）", False
    if _caused_by(exc, ssl.SSLError):
        return f"与 {host} 建立 HTTPS 安全连接失败（证书无效或不受信任）", False
    if isinstance(exc, httpx.ConnectError):
        return f"无法连接到 {host}（服务器未响应或拒绝连接）", True
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return f"与 {host} 的连接中断", True
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "网址须以 http:// 或 https:// 开头", False
    return f"下载失败（{host}）", False


def _sleep(seconds: float, cancelled: Cancelled | None) -> None:
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        if cancelled and cancelled():
            raise Cancel()
        time.sleep(min(left, 0.1))


class _HostGate:
    """At most ``limit`` requests in flight to one host, starts at least ``delay`` seconds apart."""

    def __init__(self, limit: int, delay: float) -> None:
        self._slots = threading.Semaphore(max(1, limit))
        self._lock = threading.Lock()
        self._next = 0.0
        self._delay = delay

    @contextmanager
    def turn(self, cancelled: Cancelled | None):
        while not self._slots.acquire(timeout=0.1):
            if cancelled and cancelled():
                raise Cancel()
        try:
            with self._lock:
                start = max(self._next, time.monotonic())
                self._next = start + self._delay
            _sleep(start - time.monotonic(), cancelled)
            yield
        finally:
            self._slots.release()


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Client:
    """One per collecting run, shared by its threads (httpx.Client is thread-safe)."""

    def __init__(self, options: FetchOptions, transport: httpx.BaseTransport | None = None) -> None:
        self.options = options
        self._http = httpx.Client(timeout=httpx.Timeout(options.timeout), follow_redirects=False,
                                  transport=transport,
                                  headers={"User-Agent": options.user_agent,
                                           "Accept": "text/html,application/pdf,application/msword,"
                                                     "application/vnd.openxmlformats-officedocument."
                                                     "wordprocessingml.document;q=0.9,*/*;q=0.8",
                                           "Accept-Language": "zh-CN,zh;q=0.9",
                                           # uncompressed, so the bytes kept are the bytes sent
                                           "Accept-Encoding": "identity"})
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _gate(self, netloc: str) -> _HostGate:
        with self._lock:
            return self._gates.setdefault(netloc, _HostGate(self.options.per_host, self.options.delay))

    def allowed(self, url: str, cancelled: Cancelled | None = None) -> bool:
        """robots.txt's verdict for our agent (fetched once per site). A site without one, or whose
        robots.txt cannot be fetched, allows everything; 401/403 on robots.txt forbids everything,
        as urllib.robotparser reads it."""
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            site_lock = self._robots_locks.setdefault(site, threading.Lock())
        with site_lock:  # one fetch of robots.txt per site, however many threads ask
            if site not in self._robots:
                self._robots[site] = self._read_robots(site, cancelled)
            parser = self._robots[site]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, site: str, cancelled: Cancelled | None) -> RobotFileParser | None:
        parser = RobotFileParser(site + "/robots.txt")
        try:
            with self._gate(urlsplit(site).netloc).turn(cancelled):
                r = self._http.get(site + "/robots.txt", follow_redirects=True)
        except httpx.HTTPError:
            return None
        if r.status_code in (401, 403):
            parser.disallow_all = True
        elif r.status_code >= 400:
            return None
        else:
            parser.parse(r.content.decode("utf-8", "replace").splitlines())
        return parser

    def get(self, url: str, cancelled: Cancelled | None = None) -> Response:
        """Download ``url``, following redirects; retries transient failures with back-off. A
        response of 400 or more is raised as a ``FetchError`` carrying the response (the caller keeps
        its bytes as evidence too)."""
        try:
            parts = urlsplit(url)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        except ValueError:  # an unclosed [ in the host, say
            valid = False
        if not valid:
            raise FetchError(url, "网址无效：须以 http:// 或 https:// 开头，并包含网站域名")
        hops: list[str] = []
        current = url
        while True:
            if not self.allowed(current, cancelled):
                raise FetchError(url, f"网站的 robots.txt 不允许抓取 {current}（如确有授权，可关闭 robots.txt 检查）")
            response = self._attempts(url, current, cancelled)
            location = response.header("location")
            if 300 <= response.status < 400 and location:
                hops.append(current)
                if len(hops) > MAX_REDIRECTS:
                    raise FetchError(url, f"重定向次数过多（超过 {MAX_REDIRECTS} 次）")
                current = urljoin(current, location.strip())
                continue
            done = Response(url, current, tuple(hops), response.status, response.headers, response.body, response.time)
            if done.status >= 400:
                raise FetchError(url, status_reason(done.status), done)
            return done

    def _attempts(self, url: str, target: str, cancelled: Cancelled | None) -> Response:
        host = urlsplit(target).netloc
        last = ""
        for attempt in range(self.options.retries + 1):
            if attempt:
                _sleep(self.options.backoff * 2 ** (attempt - 1), cancelled)
            try:
                with self._gate(host).turn(cancelled):
                    response = self._once(url, target, cancelled)
            except httpx.InvalidURL:
                raise FetchError(url, f"网址无效：{target}") from None
            except httpx.HTTPError as exc:
                last, retry = _network_reason(exc, urlsplit(target).hostname or host, self.options)
                if not retry:
                    raise FetchError(url, last) from None
                continue
            if response.status in RETRY_STATUS and attempt < self.options.retries:
                wait = _retry_after(response.header("retry-after"))
                if wait:
                    _sleep(min(wait, MAX_RETRY_AFTER), cancelled)
                last = status_reason(response.status)
                continue
            return response
        tries = self.options.retries + 1
        raise FetchError(url, f"{last}；共尝试 {tries} 次" if tries > 1 else last)

    def _once(self, url: str, target: str, cancelled: Cancelled | None) -> Response:
        started, when = time.monotonic(), now()
        with self._http.stream("GET", target) as r:
            chunks, size = [], 0
            for chunk in r.iter_bytes():  # HTTP compression undone: the document itself
                if cancelled and cancelled():
                    raise Cancel()
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise FetchError(url, f"文件过大（超过 {self.options.max_bytes // (1024 * 1024)} MB），未下载")
                if time.monotonic() - started > self.options.deadline:
                    raise FetchError(url, f"下载太慢（{self.options.deadline:g} 秒内未完成）")
                chunks.append(chunk)
            return Response(url, target, (), r.status_code, tuple(r.headers.multi_items()), b"".join(chunks), when)


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own back-off

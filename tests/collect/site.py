"""A local web site for the collecting tests: ``http.server`` on 127.0.0.1 at a random port, in a
thread, serving what the test puts in ``routes``. No test reaches any other address."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Page | list[Page]] = {}  # a list is served in turn, its last page thereafter
        self.hits: list[tuple[str, str, float]] = []  # (path, User-Agent, time.monotonic() on arrival)
        self.active = self.most_active = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802  (http.server's name)
                with site._lock:
                    site.hits.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                    site.active += 1
                    site.most_active = max(site.most_active, site.active)
                    page = site.routes.get(self.path) or Page("<html><body>404 Not Found</body></html>".encode(), 404)
                    if isinstance(page, list):
                        page = page.pop(0) if len(page) > 1 else page[0]
                if page.delay:
                    time.sleep(page.delay)
                with site._lock:
                    # counted as in flight until just before the body goes out: the client cannot
                    # have finished with a request, and so started another, before that
                    site.active -= 1
                try:
                    self.send_response(page.status)
                    self.send_header("Content-Type", page.content_type)
                    self.send_header("Content-Length", str(len(page.body)))
                    for k, v in page.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(page.body)
                except OSError:
                    pass  # the client gave up waiting (the timeout test)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str, **kwargs) -> str:
        self.routes[path] = Page(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Page(b"", status, headers={"Location": to})
        return self.url(path)

    def paths_hit(self) -> list[str]:
        return [h[0] for h in self.hits]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

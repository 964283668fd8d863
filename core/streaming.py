"""Running one function over many reports without holding them: in worker processes once the batch
is large enough, results in argument order with only a few chunks in flight (``ordered_map``), and
whatever must wait for the end of the batch parked in a temporary file (``Spill``, ``Parked``). ``check`` and
``export`` both stream this way; ``concurrent.futures`` and ``tempfile`` load only when a batch
needs them."""
from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

PARALLEL_FROM = 40  # below this, starting the worker processes costs more than they save
CHUNK = 8  # reports a worker takes at a time
T = TypeVar("T")
R = TypeVar("R")


def workers_for(count: int, jobs: int | None) -> int:
    """Processes for ``count`` reports: as many as asked (``--jobs``), else every core once the batch
    is large enough to pay for them."""
    if count < 2:
        return 1
    if jobs is not None:
        return max(1, jobs)
    return (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` processes, results in argument order. Only a few chunks are
    in flight at a time, so neither the items nor the results pile up in memory."""
    if workers <= 1:
        yield from map(fn, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    source = iter(items)
    pool = ProcessPoolExecutor(workers)
    try:
        pending: deque = deque()

        def submit() -> bool:
            chunk = list(islice(source, CHUNK))
            if chunk:
                pending.append(pool.submit(_run_chunk, fn, chunk))
            return bool(chunk)

        for _ in range(3 * workers):
            if not submit():
                break
        while pending:
            done = pending.popleft().result()
            submit()
            yield from done
    finally:
        pool.shutdown(cancel_futures=True)


class Parked:
    """A value a batch may move to disk (``Spill.park``) and read back when it is needed: the big
    part of a report's cross-check state (its shingles, its prose)."""

    __slots__ = ("_value", "_spill", "_ref")

    def __init__(self, value: Any) -> None:
        self._value, self._spill, self._ref = value, None, None

    @property
    def value(self) -> Any:
        return self._value if self._spill is None else self._decode(self._spill.get_bytes(self._ref))

    def _encode(self) -> Any:
        """The value as a bytes-like object (``Spill.put_bytes``)."""
        return pickle.dumps(self._value, protocol=pickle.HIGHEST_PROTOCOL)

    def _decode(self, data: bytes) -> Any:
        return pickle.loads(data)


WRITE_AT = 1 << 18  # bytes gathered before they go to the file: a write for some five reports, not four a report


class Spill:
    """Objects parked in a temporary file until the end of the batch; memory keeps their offsets. What
    is put gathers in memory and is written in one go once ``WRITE_AT`` bytes are waiting (the last
    bytes before a read that needs them)."""

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile(prefix="nianbao-batch-")
        self._written = 0  # bytes in the file
        self._waiting: list[Any] = []  # bytes-like objects put since, in order
        self._end = 0  # bytes put in all

    def put(self, obj: Any) -> tuple[int, int]:
        return self.put_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def put_bytes(self, data: Any) -> tuple[int, int]:
        """Park a bytes-like object (held, not copied, until it is written: it must not change)."""
        size = memoryview(data).nbytes
        ref = (self._end, size)
        self._waiting.append(data)
        self._end += size
        if self._end - self._written >= WRITE_AT:
            self._write()
        return ref

    def _write(self) -> None:
        self._file.seek(self._written)  # a read may have moved the position
        self._file.write(b"".join(self._waiting))
        self._written = self._end
        self._waiting.clear()

    def get_bytes(self, ref: tuple[int, int]) -> bytes:
        if ref[0] + ref[1] > self._written:
            self._write()
        self._file.seek(ref[0])
        return self._file.read(ref[1])

    def get(self, ref: tuple[int, int]) -> Any:
        return pickle.loads(self.get_bytes(ref))

    def park(self, parked: Parked) -> None:
        """Move a value to disk; it reads itself back from here."""
        if parked._spill is None:
            parked._ref, parked._spill = self.put_bytes(parked._encode()), self
            parked._value = None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()



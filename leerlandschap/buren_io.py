"""Reading a neighbour's bytes within time and size, for buren_fetch.py.

- Clocked: a socket whose every read may wait only for the time left, and that stops a trickle (an answer that has
  started but keeps less than a minimum pace), so no server holds a reader past its deadline;
- Unpacker: a gzip or deflate body unpacked a little at a time, never past a cap: a gzip bomb stops where the cap is.
"""
from __future__ import annotations

import io
import socket
import time
import typing
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class Clocked:
    """A connection's socket whose every read may wait only for the time left: a trickle ends at the deadline.

    http.client reads the status line, the headers and the body through `makefile`, which calls `recv_into` here.
    """

    def __init__(self, sock: socket.socket, deadline: float, min_rate: int, rate_after: float, too_thin: Exception):
        self._sock, self._deadline = sock, deadline
        self._min_rate, self._rate_after, self._too_thin = min_rate, rate_after, too_thin
        self._io_refs = 0
        self._closed = False
        self._first = 0.0  # when the first byte came
        self._received = 0

    def __getattr__(self, name: str) -> Any:  # everything else is the socket's own, whatever its type
        return getattr(self._sock, name)

    def recv_into(self, buffer: WriteableBuffer, nbytes: int = 0, flags: int = 0) -> int:
        now = time.monotonic()
        if self._first and now - self._first > self._rate_after and self._received < self._min_rate * (now - self._first):
            raise self._too_thin  # a trickle: it would only spend the budget
        left = self._deadline - now
        if left <= 0:
            raise TimeoutError("budget spent")
        self._sock.settimeout(left)
        count = self._sock.recv_into(buffer, nbytes, flags)
        self._first = self._first or time.monotonic()
        self._received += count
        return count

    def makefile(self, mode: str = "rb", buffering: int | None = None) -> io.BufferedReader:
        """What http.client reads a response from (it asks for "rb"); its reads come back to `recv_into`."""
        self._io_refs += 1
        return io.BufferedReader(socket.SocketIO(typing.cast(socket.socket, self), "rb"))

    def _decref_socketios(self) -> None:  # the socket stays open while a response still reads from it (as in socket.py)
        self._io_refs = max(0, self._io_refs - 1)
        if self._closed and not self._io_refs:
            self._sock.close()

    def close(self) -> None:
        self._closed = True
        if not self._io_refs:
            self._sock.close()


class UnpackError(Exception):
    """A Dutch sentence: the body is packed but broken, or stops halfway."""


class Unpacker:
    """gzip or deflate, unpacked a little at a time: never more than `room` bytes per call."""

    def __init__(self, encoding: str, name: str):
        self.encoding, self.name = encoding, name
        self.engine: zlib._Decompress | None = None
        self.done = False  # the stream has ended: what follows is ignored

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        try:
            if self.done:
                return b""
            if self.engine is None and data:
                zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0
                self.engine = zlib.decompressobj(31 if self.encoding != "deflate" else 15 if zlib_header else -15)
            while data and self.engine is not None and len(out) <= room:
                piece = self.engine.decompress(data, room + 1 - len(out))  # max_length >= 1: 0 would mean no limit
                out += piece
                if self.engine.eof:  # gzip may have more members; anything after a deflate stream is ignored
                    data = self.engine.unused_data
                    self.engine = zlib.decompressobj(31) if data and self.encoding != "deflate" else None
                    self.done = self.engine is None and self.encoding == "deflate"
                else:
                    tail = self.engine.unconsumed_tail
                    if not piece and tail == data:
                        break  # nothing taken: wait for more
                    data = tail
        except zlib.error:
            raise UnpackError(f"{self.name} is ingepakt ({self.encoding}) maar kapot") from None
        return bytes(out)

    def check_complete(self) -> None:
        if self.engine is not None and not self.engine.eof:
            raise UnpackError(f"{self.name} is ingepakt ({self.encoding}) maar houdt halverwege op")

"""The solution's output as a harness passes it on: to stderr as it comes, and cut into each test's share."""
import os
import select
import threading


class SolutionOutput:
    """The solution's stdout and stderr: passed on to stderr as it comes (candidate output, never an event),
    and cut into each test's share at the markers the tests' process has the solution's process write as
    each test ends, before that test's event: so each event carries what the solution printed for it,
    however far the relay lags behind. A marker is never passed on; output before the first test's
    (while modules load) goes with the first test."""

    KEEP_BYTES = 8192

    def __init__(self, stream, marker):
        self._fd = stream.fileno()
        os.set_blocking(self._fd, False)
        self._marker = marker.encode()
        self._lock = threading.Lock()
        self._pending = b""
        self._current = bytearray()
        self._done = []
        self._open = True

    def _add(self, data):
        if data:
            os.write(2, data)
            self._current += data[:max(0, self.KEEP_BYTES - len(self._current))]

    def _consume(self, chunk):
        *ended, rest = (self._pending + chunk).split(self._marker)
        for part in ended:
            self._add(part)
            self._done.append(bytes(self._current))
            self._current.clear()
        # A marker may straddle two reads: hold back what could be its beginning.
        cut = len(rest) - (len(self._marker) - 1) if chunk else len(rest)
        self._add(rest[:max(0, cut)])
        self._pending = rest[max(0, cut):]

    def _read_ready(self):
        while self._open:
            try:
                chunk = os.read(self._fd, 65536)
            except BlockingIOError:
                return
            if not chunk:
                self._open = False
            self._consume(chunk)

    def pass_on(self):
        while self._open:
            select.select([self._fd], [], [])
            with self._lock:
                self._read_ready()

    def take(self):
        """What the solution printed for the test whose event comes now, as text (None if nothing)."""
        with self._lock:
            self._read_ready()
            data = self._done.pop(0) if self._done else b""
            return data.decode("utf-8", "replace") if data else None

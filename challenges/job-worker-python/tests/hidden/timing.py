"""The tests' fake clock and their wait for what the workers do on their own threads."""
import threading
import time


class FakeClock:
    """The queue's clock: it moves only when a test advances it, so timeouts and backoff never really wait."""

    def __init__(self, now=1000.0):
        self.now, self.lock = now, threading.Lock()

    def time(self):
        with self.lock:
            return self.now

    def advance(self, seconds):
        with self.lock:
            self.now += seconds


def wait_until(condition, timeout=5.0):
    """Polls for what the workers do on their own threads; the margin is for a loaded machine."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True

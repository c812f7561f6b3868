"""Writes the contract's events: the nonce, one space, one JSON object, one line each."""
import json
import os
import subprocess

LIMIT_BYTES = 4096
MARK = "… [truncated]"


def truncate(text):
    """Cuts text to 4 KiB of UTF-8, ending with the mark when it was cut; None stays None."""
    if text is None:
        return None
    data = text.encode("utf-8", "replace")
    if len(data) <= LIMIT_BYTES:
        return text
    keep = LIMIT_BYTES - len(MARK.encode("utf-8"))
    return data[:keep].decode("utf-8", "ignore") + MARK


class EventWriter:
    def __init__(self, nonce, fd):
        # Line-buffered: every event must leave the sandbox as it happens, before a later test can hang.
        self._out = os.fdopen(fd, "w", encoding="utf-8", buffering=1)
        self._nonce = nonce

    def test(self, name, status, message, output, duration_ms):
        """Writes a test event; returns the test as the result document lists it."""
        test = {
            "name": name,
            "status": status,
            "message": truncate(message),
            "output": truncate(output),
            "durationMs": duration_ms,
        }
        self._write({"type": "test", "test": test})
        return test

    def result(self, status, message, tests, error_kind=None):
        """`error_kind` (with status error): `compile` or `load`, docs/runner-contract.md."""
        kind = {"errorKind": error_kind} if error_kind in ("compile", "load") else {}
        self._write({"type": "result", "result": {
            "version": 1, "status": status, "message": truncate(message), **kind, "tests": tests,
        }})

    def _write(self, event):
        self._out.write(f"{self._nonce} {json.dumps(event)}\n")
        self._out.flush()


def receive_submission():
    """Unpacks the submission from stdin into /work (sandboxes/base/receive) and returns the nonce.

    The nonce reaches this process through a pipe, never its environment, so no process can read
    it back from /proc/<pid>/environ.
    """
    done = subprocess.run(["/opt/assay/receive"], stdin=0, stdout=subprocess.PIPE, check=True)
    return done.stdout.decode().strip()

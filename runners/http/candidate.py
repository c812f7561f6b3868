"""The candidate's server: started as the candidate user, its output passed on, its readiness awaited."""
import http.client
import os
import signal
import subprocess
import threading
import time

from users import BASE_ENV, CANDIDATE_UID, as_user, kill_everything_of

TAIL_BYTES = 4096
TAIL_LINES = 30
PROBE_INTERVAL_S = 0.05


class CandidateServer:
    def __init__(self, command, solution_dir, port, extra_env):
        env = {"PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra_env, **BASE_ENV, "PORT": str(port)}
        self._port = port
        self._tail = bytearray()
        self._lock = threading.Lock()
        # Its own session (and so process group), so that it can be killed as a whole.
        self._proc = subprocess.Popen(
            as_user(CANDIDATE_UID, solution_dir, command), env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        self._pump = threading.Thread(target=self._pass_output_on, daemon=True)
        self._pump.start()

    def _pass_output_on(self):
        """Copies the server's output, as it comes, to stderr: candidate output, never an event."""
        stream = self._proc.stdout
        while chunk := stream.read1(65536):
            os.write(2, chunk)
            with self._lock:
                self._tail += chunk
                del self._tail[:-TAIL_BYTES]

    def output_tail(self):
        with self._lock:
            text = self._tail.decode("utf-8", "replace")
        lines = text.splitlines()[-TAIL_LINES:]
        return "\n".join(lines) if lines else "(no output)"

    def wait_ready(self, path, timeout_s):
        """None once GET `path` gets any HTTP response; else why the server never got ready."""
        deadline = time.monotonic() + timeout_s
        while True:
            code = self._proc.poll()
            if code is not None:
                self._pump.join(1)  # its last words
                return f"the server exited ({_exit_text(code)}) before it was ready"
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return (f"the server did not answer GET {path} on port {self._port} "
                        f"within {timeout_s:g} s")
            if self._answers(path, min(1.0, remaining)):
                return None
            time.sleep(min(PROBE_INTERVAL_S, max(0.0, deadline - time.monotonic())))

    def _answers(self, path, timeout_s):
        conn = http.client.HTTPConnection("127.0.0.1", self._port, timeout=timeout_s)
        try:
            conn.request("GET", path)
            conn.getresponse().read()
            return True
        except (OSError, http.client.HTTPException):
            return False
        finally:
            conn.close()

    def stop(self):
        """Kills the server's process group, then anything else the candidate user still runs."""
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except OSError:
            pass
        kill_everything_of(CANDIDATE_UID)
        self._proc.wait()
        self._pump.join(1)


def _exit_text(code):
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"

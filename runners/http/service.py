"""The challenge's `tests/service.json`: how to start the candidate's server and when it is ready.

    {
      "port": 8080,
      "readyPath": "/healthz",
      "readyTimeoutMs": 5000,
      "testTimeoutMs": 3000,
      "env": {"SESSION_SECRET": "…"},
      "start": [
        {"entry": "app.py", "command": ["python3", "app.py"]},
        {"entry": "server.js", "command": ["node", "server.js"]}
      ]
    }

`start` is tried in order: the first entry file found in the solution picks the command, which runs in
/work/solution. `readyPath` defaults to "/", `readyTimeoutMs` to 5000;
`testTimeoutMs` (default 3000) bounds each phase (setup, call, teardown) of each test; `env` (default none) adds variables
to the server's environment, which otherwise holds only PATH, HOME, LANG and PORT (which `env` cannot
change), PYTHONUNBUFFERED=1 and PYTHONDONTWRITEBYTECODE=1.
"""
import json
import os
from dataclasses import dataclass


class ServiceError(Exception):
    """The service cannot be started: the message is for the candidate (or the challenge's author)."""


@dataclass(frozen=True)
class Service:
    port: int
    ready_path: str
    ready_timeout_s: float
    test_timeout_s: float
    env: dict
    start: list  # of (entry, command)

    def command_for(self, solution_dir):
        """The command of the first start entry whose file the solution has."""
        for entry, command in self.start:
            if os.path.isfile(os.path.join(solution_dir, entry)):
                return command
        names = " or ".join(entry for entry, _ in self.start)
        raise ServiceError(f"the solution has no server to start: expected {names}")


def load_service(path):
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
    except (OSError, ValueError) as err:
        raise ServiceError(f"the challenge's tests/service.json cannot be read: {err}") from err
    problems = []
    port = raw.get("port")
    if not isinstance(port, int) or not 1024 <= port <= 65535:
        problems.append("port must be an integer from 1024 to 65535")
    ready_path = raw.get("readyPath", "/")
    if not isinstance(ready_path, str) or not ready_path.startswith("/"):
        problems.append("readyPath must be a path starting with /")
    timeout_ms = raw.get("readyTimeoutMs", 5000)
    if not isinstance(timeout_ms, int) or not 100 <= timeout_ms <= 60000:
        problems.append("readyTimeoutMs must be an integer from 100 to 60000")
    test_timeout_ms = raw.get("testTimeoutMs", 3000)
    if not isinstance(test_timeout_ms, int) or not 100 <= test_timeout_ms <= 60000:
        problems.append("testTimeoutMs must be an integer from 100 to 60000")
    env = raw.get("env", {})
    if not isinstance(env, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
        problems.append("env must map names to strings")
    start = raw.get("start")
    valid_start = isinstance(start, list) and len(start) > 0 and all(
        isinstance(s, dict) and isinstance(s.get("entry"), str) and isinstance(s.get("command"), list)
        and len(s["command"]) > 0 and all(isinstance(a, str) for a in s["command"])
        for s in start)
    if not valid_start:
        problems.append('start must be a non-empty list of {"entry": file, "command": [program, args…]}')
    if problems:
        raise ServiceError("the challenge's tests/service.json is invalid: " + "; ".join(problems))
    return Service(port, ready_path, timeout_ms / 1000, test_timeout_ms / 1000, env, [(s["entry"], s["command"]) for s in start])

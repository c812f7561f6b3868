"""Runs the hidden tests as the harness user and relays their events, with the real nonce, to stdout.

The test process gets a token of its own instead of the nonce: the nonce never leaves this process.
"""
import json
import os
import secrets
import subprocess

from users import BASE_ENV, HARNESS_UID, as_user

PYTEST_MAIN = "/opt/assay/runner/pytest_main.py"


def run_hidden_tests(events, tests_dir, home, base_url, test_timeout_s, services_env):
    """Relays the test events up to the first result; returns (got_result, tests, exit_code) once the test
    process ends. `home` is the tests' own HOME, with their TMPDIR in it; `services_env` says where the
    services are (assay_services.py)."""
    token = secrets.token_hex(24)
    env = {**services_env, **BASE_ENV, "HOME": home, "TMPDIR": os.path.join(home, "tmp"), "ASSAY_NONCE": token,
           "ASSAY_BASE_URL": base_url, "ASSAY_TEST_TIMEOUT_S": str(test_timeout_s)}
    # stderr is dropped: pytest's crash reports would show the hidden tests' source in the run's log.
    proc = subprocess.Popen(
        as_user(HARNESS_UID, tests_dir, ["/usr/bin/python3", "-IB", PYTEST_MAIN]), env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    prefix = f"{token} ".encode()
    tests, got_result = [], False
    for line in proc.stdout:
        if not line.startswith(prefix):
            continue
        event = _parse(line[len(prefix):])
        if event is None or got_result:
            continue  # the result document ends the report (docs/runner-contract.md)
        if event["type"] == "test":
            t = event["test"]
            tests.append(events.test(t["name"], t["status"], t.get("message"), t.get("output"), t.get("durationMs")))
        else:
            got_result = True
            r = event["result"]
            events.result(r["status"], r.get("message"), tests)
    return got_result, tests, proc.wait()


def _parse(data):
    try:
        event = json.loads(data)
    except ValueError:
        return None
    if event.get("type") == "test" and isinstance(event.get("test"), dict):
        return event
    if event.get("type") == "result" and isinstance(event.get("result"), dict):
        return event
    return None

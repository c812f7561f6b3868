"""Passes the tests' process's events on with the run's nonce: that process only ever knew a token."""
import json


def relay_events(events, stream, token, settle=lambda: None, solution_output=lambda: None):
    """Re-emits each event the stream carries under `token`; returns (got_result, tests) at its end.
    `settle` runs just before the result goes out: after the result the container ends.
    `solution_output` gives what the solution printed since the last test: it goes with the next one."""
    prefix = f"{token} ".encode()
    tests = []
    for line in stream:
        event = _event(line[len(prefix):]) if line.startswith(prefix) else None
        if event is None:
            continue
        if "test" in event:
            t = event["test"]
            output = "".join(text for text in (solution_output(), t.get("output")) if isinstance(text, str)) or None
            tests.append(events.test(t.get("name"), t.get("status"), t.get("message"), output, t.get("durationMs")))
        else:
            r = event["result"]
            settle()
            events.result(r.get("status"), r.get("message"), tests, r.get("errorKind"))
            return True, tests
    return False, tests


def _event(data):
    try:
        event = json.loads(data)
    except ValueError:
        return None
    wanted = {"test": "test", "result": "result"}.get(event.get("type")) if isinstance(event, dict) else None
    return event if wanted and isinstance(event.get(wanted), dict) else None

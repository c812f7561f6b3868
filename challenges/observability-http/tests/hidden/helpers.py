"""What the tests share: users and orders with fresh names, the service's log read from where a test began,
and a parser of Prometheus's text format."""
import json
import os
import re
import stat
import time
import uuid

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
LOG_FILE = os.environ.get("LOG_FILE", "/tmp/orders-service.log")  # the server's LOG_FILE (service.json)
TIMEOUT_S = 5
LOG_WAIT_S = 1  # a request's lines are written before its response: this is only a margin
MAX_LOG_BYTES = 8 << 20
CARD = "4111111111111111"
FAILING_CARD = "4111111111110000"  # the gateway times out on it (gateway.py)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def url(path):
    return BASE + path


def fresh(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def fresh_request_id():
    return f"t-{uuid.uuid4()}"


def call(method, path, request_id=None, token=None, **kwargs):
    headers = dict(kwargs.pop("headers", {}))
    if request_id is not None:
        headers["X-Request-Id"] = request_id
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, url(path), headers=headers, timeout=TIMEOUT_S, **kwargs)


def signup(password=None):
    """A new user: (username, password)."""
    username, password = fresh("user"), password or "pw-" + uuid.uuid4().hex
    r = call("POST", "/signup", json={"username": username, "password": password})
    assert r.status_code == 201, f"POST /signup: expected 201, got {r.status_code}: {r.text[:300]}"
    return username, password


def login(username, password, request_id=None):
    r = call("POST", "/login", request_id, json={"username": username, "password": password})
    assert r.status_code == 200, f"POST /login: expected 200, got {r.status_code}: {r.text[:300]}"
    return r.json()["token"]


def new_user_token():
    return login(*signup())


def place_order(token, card=CARD, request_id=None, item="tea", quantity=1):
    return call("POST", "/orders", request_id, token, json={"item": item, "quantity": quantity, "card_number": card})


def response_id(response, what="the response"):
    rid = response.headers.get("X-Request-Id")
    assert rid, f"{what} ({response.status_code}) has no X-Request-Id"
    return rid


def assert_status(response, status, what="the response"):
    assert response.status_code == status, \
        f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"


class Log:
    """The lines the service writes to its log from the moment this is made (so a test reads its own)."""

    def __init__(self):
        self._start = len(self._read(0))

    @staticmethod
    def _read(start):
        # Never through a link, and only a regular file: the log is the server's, and a failure message
        # may quote it. (The tests' own files are in directories the server cannot reach, so the server
        # cannot make one of them appear here either.)
        try:
            fd = os.open(LOG_FILE, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except FileNotFoundError:
            return b""
        except OSError as err:
            raise AssertionError(f"LOG_FILE ({LOG_FILE}) cannot be read: {err.strerror}") from None
        try:
            assert stat.S_ISREG(os.fstat(fd).st_mode), f"LOG_FILE ({LOG_FILE}) is not a regular file"
            data = os.pread(fd, MAX_LOG_BYTES, start)
        finally:
            os.close(fd)
        return data

    def text(self, until_request=None):
        """Everything written since, once the request line of `until_request` (a request id) is there."""
        deadline = time.monotonic() + LOG_WAIT_S
        while True:
            data = self._read(self._start).decode("utf-8", "replace")
            if until_request is None or _has_request_line(data, until_request):
                return data
            if time.monotonic() > deadline:
                raise AssertionError(f"the log has no line with msg \"request\" and request_id {until_request!r}"
                                     f" within {LOG_WAIT_S} s of its response")
            time.sleep(0.05)

    def records(self, until_request, strict=True):
        """The lines written since, parsed: each must be a JSON object, or (not `strict`) is left out."""
        records = []
        for n, line in enumerate(self.text(until_request).splitlines(), 1):
            record = _parse(line)
            if record is None and line.strip() and strict:
                raise AssertionError(f"log line {n} of this test is not a JSON object: {line[:200]!r}")
            if record is not None:
                records.append(record)
        return records


def _parse(line):
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _has_request_line(text, request_id):
    return any((r := _parse(line)) is not None and r.get("msg") == "request" and r.get("request_id") == request_id
               for line in text.splitlines())


def lines_of(records, request_id):
    return [r for r in records if r.get("request_id") == request_id]


def request_line(records, request_id):
    lines = [r for r in lines_of(records, request_id) if r.get("msg") == "request"]
    assert len(lines) == 1, f"expected one request line for request {request_id}, found {len(lines)}"
    return lines[0]


# Prometheus's text format: `name{label="value",…} value`, comments and # HELP / # TYPE lines.
SAMPLE = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?[ \t]+(\S+)(?:[ \t]+-?[0-9]+)?")
LABEL = re.compile(r'[ \t]*([a-zA-Z_][a-zA-Z0-9_]*)[ \t]*=[ \t]*"((?:[^"\\\n]|\\.)*)"[ \t]*(?:,|$)')


def scrape():
    """GET /metrics: (response, {(name, frozenset of label pairs): value}, the set of # TYPE lines)."""
    r = call("GET", "/metrics")
    assert_status(r, 200, "GET /metrics")
    samples, types = {}, set()
    for n, line in enumerate(r.text.splitlines(), 1):
        if line.startswith("#"):
            if line.startswith("# TYPE "):
                types.add(" ".join(line.split()[2:]))
            continue
        if not line.strip():
            continue
        m = SAMPLE.fullmatch(line)
        assert m, f"line {n} of /metrics is not a sample: {line[:200]!r}"
        labels = _labels(m.group(2) or "", n)
        try:
            value = float(m.group(3))
        except ValueError:
            raise AssertionError(f"line {n} of /metrics has no number for its value: {line[:200]!r}") from None
        key = (m.group(1), frozenset(labels.items()))
        assert key not in samples, f"line {n} of /metrics repeats a series: {line[:200]!r}"
        samples[key] = value
    return r, samples, types


def _labels(text, n):
    labels, pos = {}, 0
    while pos < len(text):
        m = LABEL.match(text, pos)
        assert m and m.end() > pos, f"line {n} of /metrics has malformed labels: {text[:200]!r}"
        labels[m.group(1)] = re.sub(r"\\(.)", lambda e: "\n" if e.group(1) == "n" else e.group(1), m.group(2))
        pos = m.end()
    return labels


def value(samples, name, **labels):
    """A series' value, 0 when the scrape does not have it (yet)."""
    return samples.get((name, frozenset(labels.items())), 0)


def changed(before, after):
    """The series whose value a test's traffic changed (or created)."""
    return {key: v - before.get(key, 0) for key, v in after.items() if v != before.get(key, 0)}


def buckets(samples, route):
    """The duration histogram's buckets of `route`: {upper bound: cumulative count}."""
    found = {}
    for (name, labels), v in samples.items():
        labels = dict(labels)
        if name == "http_request_duration_seconds_bucket" and labels.get("route") == route and "le" in labels:
            try:
                found[float(labels["le"])] = v
            except ValueError:
                raise AssertionError(f"a bucket of {route} has le={labels['le']!r}, not a number") from None
    return found

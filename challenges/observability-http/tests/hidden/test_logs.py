"""The log is one JSON object per line, with the common fields, and one request line per request."""
import time
from datetime import datetime, timedelta, timezone

from helpers import (FAILING_CARD, Log, assert_status, call, fresh, fresh_request_id, lines_of, new_user_token,
                     place_order, request_line, response_id)

LEVELS = {"debug", "info", "warning", "error"}


def check_common_fields(record):
    for field in ("ts", "level", "msg", "request_id"):
        assert field in record, f"a log line has no {field!r}: {str(record)[:300]}"
    assert record["level"] in LEVELS, f"level must be one of {sorted(LEVELS)}, got {record['level']!r}"
    assert isinstance(record["msg"], str), f"msg must be a string, got {record['msg']!r}"
    try:
        ts = datetime.fromisoformat(str(record["ts"]).replace("Z", "+00:00"))
    except ValueError:
        raise AssertionError(f"ts must be an ISO 8601 time, got {record['ts']!r}") from None
    assert ts.utcoffset() == timedelta(0), f"ts must be in UTC (Z or +00:00), got {record['ts']!r}"
    assert abs(ts - datetime.now(timezone.utc)) < timedelta(minutes=5), f"ts is not the time of writing: {record['ts']!r}"


def test_lines_are_json_objects_with_the_common_fields():
    token = new_user_token()
    log = Log()
    ids = [fresh_request_id() for _ in range(4)]
    call("GET", "/orders", ids[0], token)
    call("GET", "/orders", ids[1])
    call("POST", "/login", ids[2], json={"username": fresh("nobody"), "password": "whatever-it-is"})
    place_order(token, request_id=ids[3])
    records = log.records(ids[-1])
    assert records, "the requests of this test wrote no log lines"
    for record in records:
        check_common_fields(record)


def test_one_request_line_per_request():
    token = new_user_token()
    log = Log()
    order = place_order(token, request_id=fresh_request_id())
    assert_status(order, 201, "POST /orders")
    sent = [
        ("GET", f"/orders/{order.json()['id']}", token, "/orders/{id}", 200),
        ("GET", "/orders/987654321", token, "/orders/{id}", 404),
        ("GET", "/orders", None, "/orders", 401),
        ("GET", f"/{fresh('nowhere')}/{fresh('at-all')}", None, "unmatched", 404),
        ("GET", "/healthz", None, "/healthz", 200),
    ]
    ids = []
    for method, path, tok, route, status in sent:
        r = call(method, path, fresh_request_id(), tok)
        assert_status(r, status, f"{method} {path}")
        ids.append(response_id(r))
    records = log.records(ids[-1])
    request_line(records, response_id(order))
    for rid, (method, path, _tok, route, status) in zip(ids, sent):
        line = request_line(records, rid)
        got = {k: line.get(k) for k in ("method", "route", "status")}
        assert got == {"method": method, "route": route, "status": status}, \
            f"the request line of {method} {path}: expected method, route and status " \
            f"{ {'method': method, 'route': route, 'status': status} }, got {got}"
        assert isinstance(line.get("duration_ms"), (int, float)) and not isinstance(line.get("duration_ms"), bool), \
            f"duration_ms must be a number, got {line.get('duration_ms')!r}"


def test_duration_ms_measures_the_request():
    token = new_user_token()
    log = Log()
    rid = fresh_request_id()
    started = time.monotonic()
    assert_status(place_order(token, request_id=rid), 201, "POST /orders")
    elapsed_ms = (time.monotonic() - started) * 1000
    quick = fresh_request_id()
    call("GET", "/healthz", quick)
    records = log.records(quick)
    took = request_line(records, rid).get("duration_ms")
    # The gateway alone takes 100 ms; the server cannot take longer than the client waited.
    assert isinstance(took, (int, float)) and 100 <= took <= elapsed_ms + 50, \
        f"POST /orders (the gateway takes 100 ms; the client waited {elapsed_ms:.0f} ms): duration_ms is {took!r}"
    quick_took = request_line(records, quick).get("duration_ms")
    assert isinstance(quick_took, (int, float)) and quick_took >= 0, f"GET /healthz: duration_ms is {quick_took!r}"


def test_exceptions_are_logged_as_one_json_line():
    token = new_user_token()
    log = Log()
    rid = fresh_request_id()
    r = place_order(token, FAILING_CARD, rid)
    assert_status(r, 500, "POST /orders with a card the gateway fails on")
    assert r.json() == {"error": "internal error"}
    records = log.records(rid)
    for record in records:
        check_common_fields(record)
    line = request_line(records, rid)
    assert (line.get("level"), line.get("status")) == ("error", 500), \
        f"the request line of a 500 has level error and status 500, got {line.get('level')!r}, {line.get('status')!r}"
    failures = [x for x in lines_of(records, rid) if x.get("level") == "error" and isinstance(x.get("exception"), str)]
    assert failures and any("GatewayError" in x["exception"] and "Traceback" in x["exception"] for x in failures), \
        "the exception is logged at level error, its type, message and traceback in the field exception"

"""Every request goes by an id: the client's when it is well formed, else a fresh uuid4, echoed and logged."""
import socket
import uuid

from helpers import (BASE, FAILING_CARD, UUID4, WELL_FORMED_ID, Log, assert_status, call, fresh, fresh_request_id,
                     lines_of, new_user_token, place_order, request_line, response_id)

WELL_FORMED = ["a", "x" * 128, str(uuid.uuid4()), "req-1.2_3:4", "ABCdef0123456789"]
MALFORMED = ["", "x" * 129, "has space", "semi;colon", "<script>alert(1)</script>", 'quo"te', "comma,list",
             "tab\there", "caf\u00e9", "slash/path"]


def test_echoes_a_well_formed_id():
    for rid in WELL_FORMED:
        r = call("GET", "/healthz", rid)
        assert_status(r, 200, f"GET /healthz with X-Request-Id {rid!r}")
        assert response_id(r) == rid, f"X-Request-Id {rid!r} came back as {r.headers['X-Request-Id']!r}"
    r = call("GET", "/healthz", headers={"x-request-id": "lower-case-name"})
    assert response_id(r) == "lower-case-name", "header names are case-insensitive"


def test_generates_a_uuid4_when_absent():
    log = Log()
    ids = [response_id(call("GET", "/healthz")) for _ in range(3)]
    for rid in ids:
        assert UUID4.fullmatch(rid), f"a generated X-Request-Id must be a uuid4 in its canonical form, got {rid!r}"
    assert len(set(ids)) == 3, "every request gets its own id"
    records = log.records(ids[-1])
    for rid in ids:
        request_line(records, rid)


def send_raw(lines):
    """Sends a request written by hand (for what requests refuses to send); the response's head."""
    host, port = BASE.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return data.split(b"\r\n\r\n")[0].decode("latin-1")


def test_replaces_a_malformed_id():
    log = Log()
    given = []
    for rid in MALFORMED:
        r = call("GET", "/healthz", rid)
        assert_status(r, 200, f"GET /healthz with X-Request-Id {rid!r}")
        got = response_id(r, f"the response to X-Request-Id {rid!r}")
        assert got != rid and WELL_FORMED_ID.fullmatch(got), \
            f"X-Request-Id {rid!r} is not well formed: expected a generated id instead, got {got!r}"
        given.append(got)
    # A value folded over two lines carries a line break: it must never come back in a header.
    head = send_raw(["GET /healthz HTTP/1.1", "Host: localhost", "X-Request-Id: folded", "\tInjected: yes",
                     "Connection: close"])
    assert head.startswith("HTTP/1.1 200") or head.startswith("HTTP/1.0 200"), \
        f"a folded X-Request-Id: expected 200, got {head.splitlines()[0] if head else 'no answer'!r}"
    assert "\ninjected:" not in head.lower(), "a line of the request id came back as a header of its own"
    ids = [line.split(":", 1)[1].strip() for line in head.split("\r\n") if line.lower().startswith("x-request-id:")]
    assert len(ids) == 1 and WELL_FORMED_ID.fullmatch(ids[0]) and ids[0] != "folded", \
        f"a folded X-Request-Id: expected a generated id instead, got {ids!r}"
    given.append(ids[0])
    records = log.records(given[-1])
    for rid in given:
        request_line(records, rid)
    logged = {r.get("request_id") for r in records}
    assert logged <= set(given), f"a log line of this test has a request id the responses did not: {logged - set(given)}"


def test_error_responses_carry_the_id():
    token = new_user_token()
    cases = {
        "an unknown path": lambda rid: call("GET", f"/{fresh('nowhere')}", rid),
        "an unknown order": lambda rid: call("GET", "/orders/999999999", rid, token),
        "no token": lambda rid: call("GET", "/orders", rid),
        "an invalid order": lambda rid: call("POST", "/orders", rid, token, json={"item": ""}),
        "a failing payment": lambda rid: place_order(token, FAILING_CARD, rid),
    }
    for what, send in cases.items():
        rid = fresh_request_id()
        r = send(rid)
        assert r.status_code >= 400, f"{what}: expected an error, got {r.status_code}"
        assert r.headers.get("X-Request-Id") == rid, \
            f"{what} ({r.status_code}): X-Request-Id {rid!r} came back as {r.headers.get('X-Request-Id')!r}"
        response_id(send(None), f"{what} without an X-Request-Id")


def test_every_line_of_a_request_carries_its_id():
    token = new_user_token()
    log = Log()
    first, second, failing = fresh_request_id(), fresh_request_id(), fresh_request_id()
    assert_status(place_order(token, request_id=first), 201, "POST /orders")
    assert_status(place_order(token, request_id=second), 201, "POST /orders")
    assert_status(place_order(token, FAILING_CARD, failing), 500, "POST /orders with a failing card")
    records = log.records(failing)
    unrelated = [r for r in records if r.get("request_id") not in (first, second, failing)]
    assert not unrelated, f"this test made only three requests, yet a line has request_id " \
                          f"{unrelated[0].get('request_id')!r}: {str(unrelated[0])[:200]}"
    for rid, what in ((first, "an order created"), (second, "an order created"), (failing, "a failed payment")):
        assert len(lines_of(records, rid)) >= 2, f"{what} logs its own line and the request line, each with the id"

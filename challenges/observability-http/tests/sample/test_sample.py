"""Sample tests: start your server with the environment of service.json, e.g.

    LOG_FILE=/tmp/orders-service.log python3 app.py

then run pytest here (with the same LOG_FILE if you chose another). Set ASSAY_BASE_URL if your server is not on
http://127.0.0.1:8080.
"""
from helpers import Log, assert_status, call, fresh_request_id, new_user_token, place_order, request_line, scrape, value


def test_an_incoming_request_id_is_echoed_and_logged():
    log = Log()
    rid = fresh_request_id()
    r = call("GET", "/healthz", rid)
    assert_status(r, 200, "GET /healthz")
    assert r.headers.get("X-Request-Id") == rid
    line = request_line(log.records(rid), rid)
    assert (line["method"], line["route"], line["status"]) == ("GET", "/healthz", 200)


def test_an_order_is_counted_under_its_route():
    token = new_user_token()
    _, before, _ = scrape()
    assert_status(place_order(token), 201, "POST /orders")
    _, after, _ = scrape()
    labels = {"method": "POST", "route": "/orders", "status": "201"}
    assert value(after, "http_requests_total", **labels) - value(before, "http_requests_total", **labels) == 1

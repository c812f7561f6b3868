"""GET /metrics: requests counted by method, route template and status, and a duration histogram by route."""
import time

from helpers import (FAILING_CARD, assert_status, buckets, call, changed, fresh, fresh_request_id, new_user_token,
                     place_order, response_id, scrape, value)

BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, float("inf")]
ROUTES = {"/healthz", "/signup", "/login", "/orders", "/orders/{id}", "/metrics", "unmatched"}


def test_metrics_is_prometheus_text():
    rid = fresh_request_id()
    r = call("GET", "/metrics", rid)
    assert_status(r, 200, "GET /metrics")
    assert r.headers.get("Content-Type", "").startswith("text/plain"), \
        f"GET /metrics: expected text/plain, got {r.headers.get('Content-Type')!r}"
    assert response_id(r) == rid, "GET /metrics echoes X-Request-Id too"
    _, before, types = scrape()
    _, after, _ = scrape()
    for t in ("http_requests_total counter", "http_request_duration_seconds histogram"):
        assert t in types, f"/metrics has no line # TYPE {t}"
    scraped = value(after, "http_requests_total", method="GET", route="/metrics", status="200") \
        - value(before, "http_requests_total", method="GET", route="/metrics", status="200")
    assert scraped == 1, f"between two scrapes, the second counts the first (GET /metrics 200 once), got {scraped:g}"


def test_counts_by_method_route_and_status():
    token = new_user_token()
    created = place_order(token)
    assert_status(created, 201, "POST /orders")
    order_path = f"/orders/{created.json()['id']}"
    _, before, _ = scrape()
    sent = [("POST", "/orders", token, {"item": "tea", "quantity": 1, "card_number": "4111111111111111"}),
            ("POST", "/orders", token, {"item": "tea", "quantity": 1, "card_number": FAILING_CARD}),
            ("POST", "/orders", token, {"item": ""}),
            ("GET", "/orders", None, None),
            ("GET", order_path, token, None),
            ("GET", order_path, token, None),
            ("GET", "/orders/123456789", token, None),
            ("GET", "/healthz", None, None),
            ("GET", "/" + fresh("nowhere"), None, None)]
    for method, path, tok, body in sent:
        call(method, path, token=tok, json=body)
    _, after, _ = scrape()
    expected = {("POST", "/orders", "201"): 1, ("POST", "/orders", "500"): 1, ("POST", "/orders", "400"): 1,
                ("GET", "/orders", "401"): 1, ("GET", "/orders/{id}", "200"): 2, ("GET", "/orders/{id}", "404"): 1,
                ("GET", "/healthz", "200"): 1, ("GET", "unmatched", "404"): 1, ("GET", "/metrics", "200"): 1}
    got = {(dict(labels)["method"], dict(labels)["route"], dict(labels)["status"]): n
           for (name, labels), n in changed(before, after).items()
           if name == "http_requests_total" and {"method", "route", "status"} <= dict(labels).keys()}
    assert got == expected, "http_requests_total{method, route, status} after this test's requests: expected " \
                            f"increases {sorted(expected.items())}, got {sorted(got.items())}"


def test_route_labels_are_templates():
    token = new_user_token()
    paths = []
    for _ in range(3):
        r = place_order(token)
        assert_status(r, 201, "POST /orders")
        paths.append(f"/orders/{r.json()['id']}")
    _, before, _ = scrape()
    for path in paths:
        assert_status(call("GET", path, token=token), 200, f"GET {path}")
    strays = ["/" + fresh("nowhere"), "/orders/" + fresh("x"), "/" + fresh("deep") + "/" + fresh("er")]
    for path in strays:
        assert_status(call("GET", path), 404, f"GET {path}")
    _, after, _ = scrape()
    routes = {dict(labels).get("route") for (name, labels) in changed(before, after)}
    assert routes <= ROUTES, f"a route label must be one of {sorted(ROUTES)}: this test's requests made " \
                             f"{sorted(str(r) for r in routes - ROUTES)}"
    for path in paths + strays:
        assert not any(path in str(v) for (_, labels) in after for _, v in labels), \
            f"a label of /metrics holds the path {path} (a label per path is unbounded)"
    assert value(after, "http_requests_total", method="GET", route="/orders/{id}", status="200") \
        - value(before, "http_requests_total", method="GET", route="/orders/{id}", status="200") == 3
    assert value(after, "http_requests_total", method="GET", route="unmatched", status="404") \
        - value(before, "http_requests_total", method="GET", route="unmatched", status="404") == 3


def test_duration_histogram_per_route():
    token = new_user_token()
    _, before, _ = scrape()
    started = time.monotonic()
    for _ in range(2):
        assert_status(place_order(token), 201, "POST /orders")
    elapsed_s = time.monotonic() - started
    _, after, _ = scrape()
    was, now = buckets(before, "/orders"), buckets(after, "/orders")
    assert sorted(now) == BOUNDS, f"the buckets of route /orders: expected le {BOUNDS}, got {sorted(now)}"
    counts = [now[b] for b in BOUNDS]
    assert counts == sorted(counts), f"buckets are cumulative (each counts every request up to its bound): {counts}"
    total = value(after, "http_request_duration_seconds_count", route="/orders")
    assert total == now[float("inf")], f"_count {total:g} differs from the +Inf bucket {now[float('inf')]:g}"
    grew = {b: now[b] - was.get(b, 0) for b in BOUNDS}
    # Each order takes the gateway's 100 ms: none is within 50 ms, both are within +Inf.
    assert grew[0.05] == 0 and grew[float("inf")] == 2, \
        f"two POST /orders of at least 100 ms each: the buckets grew by {grew}"
    took = value(after, "http_request_duration_seconds_sum", route="/orders") \
        - value(before, "http_request_duration_seconds_sum", route="/orders")
    assert 0.2 <= took <= elapsed_s + 0.1, \
        f"_sum grew by {took:g} s for two orders of 100 ms or more that the client waited {elapsed_s:.3f} s for"

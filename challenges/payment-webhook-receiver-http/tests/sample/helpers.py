"""What the tests share: orders with fresh ids, events signed as Paystream signs them, and common checks."""
import hashlib
import hmac
import json
import os
import time
import uuid

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
SECRET = b"whsec_3b7e91c04d2a8f65e1c9"  # the WEBHOOK_SECRET the server gets (service.json)
TIMEOUT_S = 5


def url(path):
    return BASE + path


def new_id(prefix):
    return f"{prefix}_{uuid.uuid4().hex}"


def create_order(amount=5000):
    order_id = new_id("ord")
    r = requests.post(url("/orders"), json={"id": order_id, "amountCents": amount}, timeout=TIMEOUT_S)
    assert r.status_code == 201, r.text
    return order_id


def read_order(order_id):
    r = requests.get(url(f"/orders/{order_id}"), timeout=TIMEOUT_S)
    assert r.status_code == 200, r.text
    return r.json()


def event(event_type, order_id, event_id=None, **data):
    return {"id": event_id or new_id("evt"), "type": event_type, "created": int(time.time()), "data": {"orderId": order_id, **data}}


def signature(body, t, secret=SECRET):
    return hmac.new(secret, f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def signed_header(body, age_s=0, secret=SECRET):
    """The header Paystream sends for `body`, signed `age_s` seconds ago (negative: in the future)."""
    t = int(time.time()) - age_s
    return f"t={t},v1={signature(body, t, secret)}"


def post(body, header):
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers["Paystream-Signature"] = header
    return requests.post(url("/webhooks/paystream"), data=body, headers=headers, timeout=TIMEOUT_S)


def deliver(evt, age_s=0):
    """Delivers `evt` as Paystream does: serialised, signed `age_s` seconds ago."""
    body = json.dumps(evt).encode()
    return post(body, signed_header(body, age_s))


def assert_received(response, duplicate=False):
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text[:300]}"
    assert response.json() == {"received": True, "duplicate": duplicate}


def assert_status(response, status, what="the response"):
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"


def assert_problem(response, status, what="the response"):
    """The status and an RFC 9457 body. The other tests check the status alone, so that an error body in
    another format costs only the test of the format."""
    assert_status(response, status, what)
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and "detail" in body

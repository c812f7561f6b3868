"""Each event is applied once, and an order's status only ever moves forwards."""
import json

import requests

from helpers import (TIMEOUT_S, assert_problem, assert_received, assert_status, create_order, deliver, event, new_id, post,
                     read_order, signed_header, url)


def test_creates_and_reads_orders():
    order_id = new_id("ord")
    r = requests.post(url("/orders"), json={"id": order_id, "amountCents": 2500}, timeout=TIMEOUT_S)
    assert r.status_code == 201, r.text
    expected = {"id": order_id, "amountCents": 2500, "status": "pending", "refundedCents": 0}
    assert r.json() == expected
    assert read_order(order_id) == expected
    assert_status(requests.get(url(f"/orders/{new_id('ord')}"), timeout=TIMEOUT_S), 404)
    assert_status(requests.post(url("/orders"), json={"id": order_id, "amountCents": 1}, timeout=TIMEOUT_S), 409)
    for invalid in ({"id": new_id("ord")}, {"id": new_id("ord"), "amountCents": 0}, {"id": "", "amountCents": 5},
                    {"id": new_id("ord"), "amountCents": "5"}):
        assert_status(requests.post(url("/orders"), json=invalid, timeout=TIMEOUT_S), 400)


def test_applies_payment_and_refund_events():
    order_id = create_order(5000)
    assert_received(deliver(event("payment.processing", order_id)))
    assert read_order(order_id)["status"] == "processing"
    assert_received(deliver(event("payment.succeeded", order_id)))
    assert read_order(order_id)["status"] == "paid"
    assert_received(deliver(event("refund.succeeded", order_id, amountCents=1500)))
    assert_received(deliver(event("refund.succeeded", order_id, amountCents=2000)))
    assert read_order(order_id) == {"id": order_id, "amountCents": 5000, "status": "refunded", "refundedCents": 3500}


def test_processes_a_duplicate_event_once():
    order_id = create_order(5000)
    refund = event("refund.succeeded", order_id, amountCents=1200)
    assert_received(deliver(refund, age_s=20))
    # Paystream's retries: the same event, signed afresh each time.
    assert_received(deliver(refund, age_s=10), duplicate=True)
    assert_received(deliver(refund, age_s=0), duplicate=True)
    assert read_order(order_id)["refundedCents"] == 1200


def test_a_rejected_event_does_not_use_up_its_id():
    order_id = create_order(5000)
    refund = event("refund.succeeded", order_id, amountCents=700)
    body = json.dumps(refund).encode()
    assert post(body, signed_header(body, secret=b"whsec_not-the-secret")).status_code == 401
    assert post(body, signed_header(body, age_s=900)).status_code == 401
    assert_received(deliver(refund))
    assert read_order(order_id)["refundedCents"] == 700


def test_never_moves_an_order_backwards():
    order_id = create_order(5000)
    assert_received(deliver(event("payment.succeeded", order_id)))
    assert_received(deliver(event("payment.processing", order_id)))  # delivered late
    assert read_order(order_id)["status"] == "paid"
    assert_received(deliver(event("refund.succeeded", order_id, amountCents=5000)))
    assert_received(deliver(event("payment.succeeded", order_id)))
    assert_received(deliver(event("payment.processing", order_id)))
    assert read_order(order_id)["status"] == "refunded"


def test_acknowledges_unknown_event_types():
    order_id = create_order(5000)
    assert_received(deliver(event("payout.paid", order_id)))
    assert_received(deliver(event("customer.updated", new_id("ord"))))
    assert read_order(order_id) == {"id": order_id, "amountCents": 5000, "status": "pending", "refundedCents": 0}


def test_errors_are_problem_documents():
    order_id = create_order(5000)
    body = json.dumps(event("refund.succeeded", order_id, amountCents=100)).encode()
    header = signed_header(body)
    assert_problem(post(body, None), 401, "an unsigned delivery")
    assert_received(post(body, header))
    assert_problem(post(body, header), 409, "a replayed delivery")
    assert_problem(requests.get(url(f"/orders/{new_id('ord')}"), timeout=TIMEOUT_S), 404, "an unknown order")
    assert_problem(requests.post(url("/orders"), json={"id": new_id("ord")}, timeout=TIMEOUT_S), 400, "an invalid order")

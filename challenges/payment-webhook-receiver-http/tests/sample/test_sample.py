"""Sample tests: start your server with the environment of service.json, e.g.

    WEBHOOK_SECRET=whsec_3b7e91c04d2a8f65e1c9 python3 app.py

then run pytest here. Set ASSAY_BASE_URL if your server is not on http://127.0.0.1:8080.
"""
import json

from helpers import assert_problem, assert_received, create_order, deliver, event, post, read_order


def test_a_signed_payment_marks_the_order_paid():
    order_id = create_order()
    assert_received(deliver(event("payment.succeeded", order_id)))
    assert read_order(order_id)["status"] == "paid"


def test_an_unsigned_event_is_refused():
    order_id = create_order()
    assert_problem(post(json.dumps(event("payment.succeeded", order_id)).encode(), None), 401)
    assert read_order(order_id)["status"] == "pending"

"""Only Paystream's own, fresh, first deliveries are accepted."""
import json

from helpers import (assert_status, assert_received, create_order, deliver, event, new_id, post, read_order, signature,
                     signed_header)


def test_accepts_a_correctly_signed_event():
    order_id = create_order()
    assert_received(deliver(event("payment.succeeded", order_id)))
    assert read_order(order_id)["status"] == "paid"


def test_verifies_the_raw_body():
    order_id = create_order()
    # Not how json.dumps would write it: a receiver that re-serialises the JSON signs other bytes.
    body = ('{\n  "type" : "payment.succeeded",\n  "id":"' + new_id("evt") + '",\n'
            '  "data": {"orderId": "' + order_id + '", "note": "caf\u00e9 \\u00e9"}\n}').encode()
    assert_received(post(body, signed_header(body)))
    assert read_order(order_id)["status"] == "paid"


def test_rejects_a_wrong_signature():
    order_id = create_order()
    body = json.dumps(event("payment.succeeded", order_id)).encode()
    other = json.dumps(event("refund.succeeded", order_id, amountCents=5000)).encode()
    t = int(signed_header(body).split(",")[0][2:])
    forgeries = {
        "signed with another secret": signed_header(body, secret=b"whsec_not-the-secret"),
        "the signature of another body": f"t={t},v1={signature(other, t)}",
        "the timestamp changed after signing": f"t={t - 30},v1={signature(body, t)}",
        "one hex digit changed": f"t={t},v1={signature(body, t)[:-1]}{'0' if signature(body, t)[-1] != '0' else '1'}",
    }
    for what, header in forgeries.items():
        assert_status(post(body, header), 401, what)
    assert read_order(order_id)["status"] == "pending", "a forged event changed the order"


def test_rejects_a_missing_or_malformed_signature_header():
    order_id = create_order()
    body = json.dumps(event("payment.succeeded", order_id)).encode()
    good = signed_header(body)
    t, v1 = good.split(",")
    for header in (None, "", "garbage", t, v1, f"{t},v1=", f"t=,{v1}", f"t=soon,{v1}"):
        assert_status(post(body, header), 401, f"Paystream-Signature {header!r}")
    assert read_order(order_id)["status"] == "pending", "an unsigned event changed the order"


def test_rejects_stale_events():
    order_id = create_order()
    assert_status(deliver(event("payment.succeeded", order_id), age_s=600), 401)
    assert_status(deliver(event("payment.succeeded", order_id), age_s=3 * 86400), 401)
    assert read_order(order_id)["status"] == "pending", "a stale event changed the order"


def test_rejects_events_signed_in_the_future():
    order_id = create_order()
    assert_status(deliver(event("payment.succeeded", order_id), age_s=-600), 401)
    assert read_order(order_id)["status"] == "pending", "an event signed in the future changed the order"


def test_accepts_events_within_the_tolerance():
    order_id = create_order()
    assert_received(deliver(event("payment.processing", order_id), age_s=120))
    assert_received(deliver(event("payment.succeeded", order_id), age_s=-120))
    assert read_order(order_id)["status"] == "paid"


def test_rejects_a_replayed_delivery():
    order_id = create_order(5000)
    body = json.dumps(event("refund.succeeded", order_id, amountCents=1000)).encode()
    header = signed_header(body)
    assert_received(post(body, header))
    assert_status(post(body, header), 409)
    assert read_order(order_id)["refundedCents"] == 1000

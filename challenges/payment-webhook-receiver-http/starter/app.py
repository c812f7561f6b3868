"""Orders shop's receiver of Paystream's payment webhooks: applies every event it is sent to its order."""
import json
import os
import threading

from flask import Flask, jsonify, request

WEBHOOK_SECRET = os.environ["WEBHOOK_SECRET"].encode()
STATUSES = ("pending", "processing", "paid", "refunded")
TARGET = {"payment.processing": "processing", "payment.succeeded": "paid", "refund.succeeded": "refunded"}

app = Flask(__name__)
lock = threading.Lock()
orders = {}


class Problem(Exception):
    def __init__(self, status, title, detail):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@app.errorhandler(Problem)
def problem_response(err):
    response = jsonify(type="about:blank", title=err.title, status=err.status, detail=err.detail)
    response.status_code = err.status
    response.content_type = "application/problem+json"
    return response


def bad_request(detail):
    return Problem(400, "Bad Request", detail)


def is_positive_int(value):
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def parse_event(raw_body):
    try:
        event = json.loads(raw_body)
    except ValueError:
        raise bad_request("the body must be JSON") from None
    if not isinstance(event, dict):
        raise bad_request("an event is a JSON object")
    data = event.get("data")
    if not (isinstance(event.get("id"), str) and event["id"] and isinstance(event.get("type"), str)
            and isinstance(data, dict) and isinstance(data.get("orderId"), str)):
        raise bad_request("an event is {id, type, data: {orderId, ...}}")
    if event["type"] == "refund.succeeded" and not is_positive_int(data.get("amountCents")):
        raise bad_request("a refund event's data.amountCents must be a positive integer")
    return event


def apply(event):
    order = orders.get(event["data"]["orderId"])
    target = TARGET.get(event["type"])
    if order is None or target is None:
        return
    if event["type"] == "refund.succeeded":
        order["refundedCents"] += event["data"]["amountCents"]
    order["status"] = target


@app.post("/webhooks/paystream")
def webhook():
    event = parse_event(request.get_data())
    with lock:
        apply(event)
    return {"received": True, "duplicate": False}


# --- orders --------------------------------------------------------------------------------------

@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/orders")
def create_order():
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or set(body) != {"id", "amountCents"}:
        raise bad_request("an order is {id, amountCents}")
    if not (isinstance(body["id"], str) and 1 <= len(body["id"]) <= 64) or not is_positive_int(body["amountCents"]):
        raise bad_request("id is a string of 1 to 64 characters and amountCents a positive integer")
    with lock:
        if body["id"] in orders:
            raise Problem(409, "Conflict", "an order with this id exists")
        order = orders[body["id"]] = {"id": body["id"], "amountCents": body["amountCents"], "status": "pending", "refundedCents": 0}
        return order, 201


@app.get("/orders/<order_id>")
def read_order(order_id):
    with lock:
        order = orders.get(order_id)
        if order is None:
            raise Problem(404, "Not Found", "no such order")
        return dict(order)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

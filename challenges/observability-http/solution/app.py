"""Orders API: sign up, log in, place orders paid by card; every request has an id, a JSON log line and metrics."""
import logging
import os
import re
import secrets
import threading
import time

from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import InternalServerError
from werkzeug.security import check_password_hash, generate_password_hash

import gateway
from json_logs import event, log_to
from metrics import Metrics
from redaction import mask_card
from request_id import request_id_for

log_to(os.environ["LOG_FILE"])
log = logging.getLogger("orders")

USERNAME = re.compile(r"[a-z0-9_]{3,32}")
CARD_NUMBER = re.compile(r"[0-9]{13,19}")

app = Flask(__name__)
lock = threading.Lock()
users = {}  # username -> password hash
sessions = {}  # token -> username
orders = {}  # id -> order, with its owner
next_order_id = 1
metrics = Metrics()
# A Flask rule's <converter:name> is the template's {name}.
RULE_PARAMETER = re.compile(r"<(?:[^<>:]+:)?([^<>]+)>")


def error(status, message):
    response = jsonify(error=message)
    response.status_code = status
    return response


@app.errorhandler(404)
def not_found(_err):
    return error(404, "not found")


@app.errorhandler(InternalServerError)
def internal_error(_err):
    return error(500, "internal error")


@app.before_request
def start_request():
    g.request_id = request_id_for(request.headers.get("X-Request-Id"))
    g.started = time.perf_counter()


def route_template():
    """The route the request matched, as a template (bounded: one per route), or "unmatched"."""
    rule = request.url_rule
    return RULE_PARAMETER.sub(r"{\1}", rule.rule) if rule is not None else "unmatched"


@app.after_request
def finish_request(response):
    seconds = time.perf_counter() - g.started
    route = route_template()
    level = logging.ERROR if response.status_code >= 500 else logging.INFO
    event(log, level, "request", method=request.method, route=route, status=response.status_code,
          duration_ms=round(seconds * 1000, 3))
    metrics.observe(request.method, route, response.status_code, seconds)
    response.headers["X-Request-Id"] = g.request_id
    return response


def json_body():
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def current_user():
    """The user whose token the request bears, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    with lock:
        user = sessions.get(token) if scheme == "Bearer" else None
    if user is None:
        log.warning("rejected a request without a valid token")
    return user


def public(order):
    return {k: order[k] for k in ("id", "item", "quantity", "card_last4")}


@app.get("/metrics")
def scrape():
    return Response(metrics.exposition(), content_type="text/plain; version=0.0.4; charset=utf-8")


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)


@app.post("/signup")
def signup():
    body = json_body()
    username, password = body.get("username"), body.get("password")
    if not (isinstance(username, str) and USERNAME.fullmatch(username)
            and isinstance(password, str) and len(password) >= 8):
        return error(400, "a username of 3 to 32 characters a-z, 0-9 or _ and a password of 8 or more characters")
    hashed = generate_password_hash(password, method="pbkdf2:sha256:20000")
    with lock:
        if username in users:
            return error(409, "that username is taken")
        users[username] = hashed
    event(log, logging.INFO, "signed up", user=username)
    return jsonify(username=username), 201


@app.post("/login")
def login():
    body = json_body()
    username, password = body.get("username"), body.get("password")
    with lock:
        hashed = users.get(username) if isinstance(username, str) else None
    if hashed is None or not isinstance(password, str) or not check_password_hash(hashed, password):
        event(log, logging.WARNING, "login failed", user=username)
        return error(401, "wrong username or password")
    token = secrets.token_hex(20)
    with lock:
        sessions[token] = username
    event(log, logging.INFO, "logged in", user=username)
    return jsonify(token=token)


@app.post("/orders")
def create_order():
    global next_order_id
    user = current_user()
    if user is None:
        return error(401, "log in first")
    body = json_body()
    item, quantity, card = body.get("item"), body.get("quantity"), body.get("card_number")
    if not (isinstance(item, str) and 1 <= len(item) <= 100
            and isinstance(quantity, int) and not isinstance(quantity, bool) and 1 <= quantity <= 100
            and isinstance(card, str) and CARD_NUMBER.fullmatch(card)):
        return error(400, "an order is {item, quantity (1 to 100), card_number (13 to 19 digits)}")
    charge_id = gateway.charge(card, quantity)
    with lock:
        order = {"id": next_order_id, "item": item, "quantity": quantity, "card_last4": card[-4:],
                 "owner": user, "charge": charge_id}
        orders[order["id"]] = order
        next_order_id += 1
    event(log, logging.INFO, "order created", order_id=order["id"], user=user, card=mask_card(card))
    return jsonify(public(order)), 201


@app.get("/orders")
def list_orders():
    user = current_user()
    if user is None:
        return error(401, "log in first")
    with lock:
        mine = [public(o) for o in orders.values() if o["owner"] == user]
    return jsonify(orders=mine)


@app.get("/orders/<int:id>")
def read_order(id):
    user = current_user()
    if user is None:
        return error(401, "log in first")
    with lock:
        order = orders.get(id)
    if order is None or order["owner"] != user:
        return error(404, "no such order")
    return jsonify(public(order))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))

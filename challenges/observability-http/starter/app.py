"""Orders API: sign up, log in, place orders paid by card. It works, but nobody can tell what it does."""
import logging
import os
import re
import secrets
import threading

from flask import Flask, jsonify, request
from werkzeug.exceptions import InternalServerError
from werkzeug.security import check_password_hash, generate_password_hash

import gateway

logging.basicConfig(filename=os.environ.get("LOG_FILE"), level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("orders")

USERNAME = re.compile(r"[a-z0-9_]{3,32}")
CARD_NUMBER = re.compile(r"[0-9]{13,19}")

app = Flask(__name__)
lock = threading.Lock()
users = {}  # username -> password hash
sessions = {}  # token -> username
orders = {}  # id -> order, with its owner
next_order_id = 1


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
def log_request():
    log.info("%s %s headers=%s body=%s", request.method, request.path, dict(request.headers),
             request.get_data(as_text=True))


def json_body():
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def current_user():
    """The user whose token the request bears, or None."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    with lock:
        user = sessions.get(token) if scheme == "Bearer" else None
    if user is None:
        log.warning("rejected token %s", token)
    return user


def public(order):
    return {k: order[k] for k in ("id", "item", "quantity", "card_last4")}


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
    log.info("signed up %s with password %s", username, password)
    return jsonify(username=username), 201


@app.post("/login")
def login():
    body = json_body()
    username, password = body.get("username"), body.get("password")
    with lock:
        hashed = users.get(username) if isinstance(username, str) else None
    if hashed is None or not isinstance(password, str) or not check_password_hash(hashed, password):
        log.warning("login failed for %s with password %s", username, password)
        return error(401, "wrong username or password")
    token = secrets.token_hex(20)
    with lock:
        sessions[token] = username
    log.info("logged in %s, token %s", username, token)
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
    log.info("order %s created for %s, card %s", order["id"], user, card)
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

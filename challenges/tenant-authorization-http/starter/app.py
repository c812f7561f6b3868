"""Invoices API: users log in for a signed session token and keep their own invoices."""
import base64
import binascii
import hashlib
import hmac
import json
import os
import sqlite3
import time

from flask import Flask, g, jsonify, request

DB_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "invoices.db")
SESSION_SECRET = os.environ["SESSION_SECRET"].encode()
ADMIN_KEY = os.environ["ADMIN_KEY"]

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, password TEXT NOT NULL);
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id INTEGER NOT NULL REFERENCES users(id),
  customer TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  status TEXT NOT NULL
);
"""

DEFAULT_TTL_S = 3600
STATUSES = ("draft", "sent", "paid")
COLUMNS = {"customer": "customer", "amountCents": "amount_cents", "status": "status", "ownerId": "owner_id"}

app = Flask(__name__)


# --- storage ---------------------------------------------------------------------------------------

def init_db():
    if os.path.exists(DB_PATH):
        os.remove(DB_PATH)
    with sqlite3.connect(DB_PATH) as db:
        db.executescript(SCHEMA)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


# --- errors ----------------------------------------------------------------------------------------

class Problem(Exception):
    def __init__(self, status, title, detail, headers=None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers or {}


@app.errorhandler(Problem)
def problem_response(err):
    response = jsonify(type="about:blank", title=err.title, status=err.status, detail=err.detail)
    response.status_code = err.status
    response.content_type = "application/problem+json"
    response.headers.update(err.headers)
    return response


def bad_request(detail):
    return Problem(400, "Bad Request", detail)


def unauthorized(detail):
    return Problem(401, "Unauthorized", detail)


NOT_FOUND = Problem(404, "Not Found", "no such invoice")


def json_object():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise bad_request("the body must be a JSON object")
    return data


# --- tokens: base64url(payload) "." base64url(HMAC-SHA256(payload)) ---------------------------------

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload):
    return hmac.new(SESSION_SECRET, payload, hashlib.sha256).digest()


def issue_token(user_id, ttl_s):
    expires = time.time() + ttl_s
    payload = json.dumps({"sub": user_id, "exp": expires}, separators=(",", ":")).encode()
    return f"{b64(payload)}.{b64(sign(payload))}", expires


def user_from_token(token):
    try:
        payload_part, signature_part = token.split(".")
        payload = unb64(payload_part)
        if b64(sign(payload)) != signature_part:
            return None
        return int(json.loads(payload)["sub"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


# --- routes ----------------------------------------------------------------------------------------

@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/users")
def register():
    data = json_object()
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not 3 <= len(username) <= 64:
        raise bad_request("username must be a string of 3 to 64 characters")
    if not isinstance(password, str) or len(password) < 8:
        raise bad_request("password must be a string of at least 8 characters")
    db = get_db()
    try:
        cur = db.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, password))
        db.commit()
    except sqlite3.IntegrityError:
        raise Problem(409, "Conflict", "that username is taken") from None
    return jsonify(id=cur.lastrowid, username=username), 201


@app.post("/login")
def login():
    data = json_object()
    username, password = data.get("username"), data.get("password")
    ttl = int(data.get("ttlSeconds", DEFAULT_TTL_S))
    row = get_db().execute("SELECT id, password FROM users WHERE username = ?", (username,)).fetchone()
    if not row or row["password"] != password:
        raise unauthorized("wrong username or password")
    token, expires = issue_token(row["id"], ttl)
    return {"token": token, "expiresAt": int(expires)}


def current_user():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized("a bearer token is required")
    user_id = user_from_token(token.strip())
    if user_id is None:
        raise unauthorized("the token is invalid or expired")
    row = get_db().execute("SELECT id, username FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        raise unauthorized("the token is invalid or expired")
    return row


@app.get("/me")
def me():
    user = current_user()
    return {"id": user["id"], "username": user["username"]}


def invoice_json(row):
    return {"id": row["id"], "customer": row["customer"], "amountCents": row["amount_cents"],
            "status": row["status"], "ownerId": row["owner_id"]}


def validated_fields(data, partial):
    data = {k: v for k, v in data.items() if k in COLUMNS}
    if not partial:
        data = {"status": "draft", **data}
        missing = {"customer", "amountCents"} - set(data)
        if missing:
            raise bad_request(f"missing fields: {', '.join(sorted(missing))}")
    if "customer" in data and (not isinstance(data["customer"], str) or not data["customer"].strip()):
        raise bad_request("customer must be a non-empty string")
    amount = data.get("amountCents", 1)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise bad_request("amountCents must be a positive integer")
    if "status" in data and data["status"] not in STATUSES:
        raise bad_request(f"status must be one of: {', '.join(STATUSES)}")
    return data


def find_invoice(invoice_id):
    row = get_db().execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    if row is None:
        raise NOT_FOUND
    return row


@app.post("/invoices")
def create_invoice():
    user = current_user()
    data = validated_fields(json_object(), partial=False)
    db = get_db()
    cur = db.execute("INSERT INTO invoices (owner_id, customer, amount_cents, status) VALUES (?, ?, ?, ?)",
                     (user["id"], data["customer"], data["amountCents"], data["status"]))
    db.commit()
    return jsonify(invoice_json(find_invoice(cur.lastrowid))), 201


@app.get("/invoices")
def list_invoices():
    user = current_user()
    rows = get_db().execute("SELECT * FROM invoices WHERE owner_id = ? ORDER BY id", (user["id"],))
    return {"invoices": [invoice_json(r) for r in rows]}


@app.get("/invoices/<int:invoice_id>")
def get_invoice(invoice_id):
    current_user()
    return invoice_json(find_invoice(invoice_id))


@app.patch("/invoices/<int:invoice_id>")
def update_invoice(invoice_id):
    current_user()
    find_invoice(invoice_id)
    data = validated_fields(json_object(), partial=True)
    db = get_db()
    for field, value in data.items():
        db.execute(f"UPDATE invoices SET {COLUMNS[field]} = ? WHERE id = ?", (value, invoice_id))
    db.commit()
    return invoice_json(find_invoice(invoice_id))


@app.delete("/invoices/<int:invoice_id>")
def delete_invoice(invoice_id):
    current_user()
    find_invoice(invoice_id)
    db = get_db()
    db.execute("DELETE FROM invoices WHERE id = ?", (invoice_id,))
    db.commit()
    return "", 204


@app.get("/admin/users/<username>/credential")
def credential(username):
    if not hmac.compare_digest(request.headers.get("X-Admin-Key", "").encode(), ADMIN_KEY.encode()):
        raise Problem(403, "Forbidden", "a valid X-Admin-Key header is required")
    row = get_db().execute("SELECT username, password FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise Problem(404, "Not Found", "no such user")
    return {"username": row["username"], "passwordHash": row["password"]}


if __name__ == "__main__":
    init_db()
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

"""Invoices API: salted scrypt password hashes, HMAC-signed expiring tokens, per-user invoices."""
import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
import time
from collections import defaultdict, deque

from flask import Flask, g, jsonify, request

DB_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "invoices.db")
SESSION_SECRET = os.environ["SESSION_SECRET"].encode()
ADMIN_KEY = os.environ["ADMIN_KEY"]

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL);
CREATE TABLE invoices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id INTEGER NOT NULL REFERENCES users(id),
  customer TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  status TEXT NOT NULL
);
"""

SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
DEFAULT_TTL_S, MAX_TTL_S = 3600, 86400
STATUSES = ("draft", "sent", "paid")
INVOICE_FIELDS = {"customer", "amountCents", "status"}
MAX_FAILURES, FAILURE_WINDOW_S = 5, 60

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
    return Problem(401, "Unauthorized", detail, {"WWW-Authenticate": 'Bearer realm="invoices"'})


NOT_FOUND = Problem(404, "Not Found", "no such invoice")


def json_object():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise bad_request("the body must be a JSON object")
    return data


# --- passwords -------------------------------------------------------------------------------------

def hash_password(password):
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(stored, password):
    _, n, r, p, salt, digest = stored.split("$")
    expected = bytes.fromhex(digest)
    actual = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                            dklen=len(expected))
    return hmac.compare_digest(actual, expected)


# A hash to check when the user does not exist, so that both cases take as long.
DUMMY_HASH = hash_password(secrets.token_hex(8))


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
        # Compare the encoded signature too: base64 decoding ignores a last character's spare bits.
        if not hmac.compare_digest(b64(sign(payload)), signature_part):
            return None
        claims = json.loads(payload)
        if not isinstance(claims, dict) or float(claims["exp"]) <= time.time():
            return None
        return int(claims["sub"])
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


# --- login throttling ------------------------------------------------------------------------------

class LoginThrottle:
    """At most MAX_FAILURES failed logins per username in any FAILURE_WINDOW_S seconds."""

    def __init__(self):
        self._failures = defaultdict(deque)
        self._lock = threading.Lock()

    def retry_after(self, username):
        """Seconds until the next attempt is allowed; 0 if it is allowed now."""
        with self._lock:
            failures = self._prune(username)
            if len(failures) < MAX_FAILURES:
                return 0
            return max(1, int(failures[0] + FAILURE_WINDOW_S - time.monotonic()) + 1)

    def failed(self, username):
        with self._lock:
            self._prune(username).append(time.monotonic())

    def _prune(self, username):
        failures = self._failures[username]
        while failures and failures[0] <= time.monotonic() - FAILURE_WINDOW_S:
            failures.popleft()
        return failures


throttle = LoginThrottle()


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
        cur = db.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)",
                         (username, hash_password(password)))
        db.commit()
    except sqlite3.IntegrityError:
        raise Problem(409, "Conflict", "that username is taken") from None
    return jsonify(id=cur.lastrowid, username=username), 201


@app.post("/login")
def login():
    data = json_object()
    username, password = data.get("username"), data.get("password")
    ttl = data.get("ttlSeconds", DEFAULT_TTL_S)
    if not isinstance(username, str) or not isinstance(password, str):
        raise bad_request("username and password must be strings")
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= MAX_TTL_S:
        raise bad_request(f"ttlSeconds must be an integer from 1 to {MAX_TTL_S}")
    wait = throttle.retry_after(username)
    if wait:
        raise Problem(429, "Too Many Requests", "too many failed logins; try again later",
                      {"Retry-After": str(wait)})
    row = get_db().execute("SELECT id, password_hash FROM users WHERE username = ?", (username,)).fetchone()
    valid = check_password(row["password_hash"] if row else DUMMY_HASH, password)
    if not row or not valid:
        throttle.failed(username)
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
    unknown = set(data) - INVOICE_FIELDS
    if unknown:
        raise bad_request(f"unknown or read-only fields: {', '.join(sorted(unknown))}")
    if not partial:
        data = {"status": "draft", **data}
        missing = INVOICE_FIELDS - set(data)
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


def own_invoice(invoice_id, user):
    """The user's invoice, or 404 whether it does not exist or belongs to someone else."""
    row = get_db().execute("SELECT * FROM invoices WHERE id = ? AND owner_id = ?",
                           (invoice_id, user["id"])).fetchone()
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
    return jsonify(invoice_json(own_invoice(cur.lastrowid, user))), 201


@app.get("/invoices")
def list_invoices():
    user = current_user()
    rows = get_db().execute("SELECT * FROM invoices WHERE owner_id = ? ORDER BY id", (user["id"],))
    return {"invoices": [invoice_json(r) for r in rows]}


@app.get("/invoices/<int:invoice_id>")
def get_invoice(invoice_id):
    return invoice_json(own_invoice(invoice_id, current_user()))


@app.patch("/invoices/<int:invoice_id>")
def update_invoice(invoice_id):
    user = current_user()
    data = validated_fields(json_object(), partial=True)
    columns = {"customer": "customer", "amountCents": "amount_cents", "status": "status"}
    db = get_db()
    for field, value in data.items():
        db.execute(f"UPDATE invoices SET {columns[field]} = ? WHERE id = ?", (value, invoice_id))
    db.commit()
    row = get_db().execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
    if row is None:
        raise NOT_FOUND
    return invoice_json(row)


@app.delete("/invoices/<int:invoice_id>")
def delete_invoice(invoice_id):
    current_user()
    db = get_db()
    if db.execute("DELETE FROM invoices WHERE id = ?", (invoice_id,)).rowcount == 0:
        raise NOT_FOUND
    db.commit()
    return "", 204


@app.get("/admin/users/<username>/credential")
def credential(username):
    if not hmac.compare_digest(request.headers.get("X-Admin-Key", "").encode(), ADMIN_KEY.encode()):
        raise Problem(403, "Forbidden", "a valid X-Admin-Key header is required")
    row = get_db().execute("SELECT username, password_hash FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        raise Problem(404, "Not Found", "no such user")
    return {"username": row["username"], "passwordHash": row["password_hash"]}


if __name__ == "__main__":
    init_db()
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

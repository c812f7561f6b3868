"""What the tests share: users made on the fly, clients holding their tokens, and common checks."""
import hashlib
import os
import uuid

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
ADMIN_KEY = "admin-debug-key-5d1c"  # the ADMIN_KEY the server gets (service.json)
TIMEOUT_S = 5


def url(path):
    return BASE + path


class User:
    """A freshly registered user, logged in; `call` sends its bearer token."""

    def __init__(self, password=None):
        self.username = "u" + uuid.uuid4().hex[:12]
        self.password = password or "pw-" + uuid.uuid4().hex
        r = requests.post(url("/users"), json={"username": self.username, "password": self.password}, timeout=TIMEOUT_S)
        assert r.status_code == 201, r.text
        self.id = r.json()["id"]
        self.token = login(self.username, self.password).json()["token"]

    def call(self, method, path, token=None, **kwargs):
        headers = {"Authorization": f"Bearer {token or self.token}"}
        return requests.request(method, url(path), headers=headers, timeout=TIMEOUT_S, **kwargs)

    def invoice(self, customer="ACME Ltd", amount=12500, **extra):
        r = self.call("POST", "/invoices", json={"customer": customer, "amountCents": amount, **extra})
        assert r.status_code == 201, r.text
        return r.json()


def login(username, password, **extra):
    return requests.post(url("/login"), json={"username": username, "password": password, **extra}, timeout=TIMEOUT_S)


def with_auth(header):
    return requests.get(url("/invoices"), headers={"Authorization": header} if header is not None else {}, timeout=TIMEOUT_S)


def credential(username, admin_key=ADMIN_KEY):
    headers = {"X-Admin-Key": admin_key} if admin_key is not None else {}
    return requests.get(url(f"/admin/users/{username}/credential"), headers=headers, timeout=TIMEOUT_S)


def assert_problem(response, status):
    assert response.status_code == status, f"expected {status}, got {response.status_code}: {response.text[:300]}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and "detail" in body


def assert_unauthorized(response):
    assert_problem(response, 401)
    assert response.headers.get("WWW-Authenticate", "").lower().startswith("bearer"), "401 without a Bearer challenge"


def verify_stored_password(stored, password):
    """Checks a stored credential in one of the formats of the statement; True if `password` matches."""
    parts = stored.split("$")
    method = parts[0].split(":")
    if parts[0] == "scrypt" and len(parts) == 6:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
        iterations = int(parts[1])
        salt, digest = bytes.fromhex(parts[2]), bytes.fromhex(parts[3])
    elif len(parts) == 3 and method[0] in ("pbkdf2", "scrypt"):
        # werkzeug.security.generate_password_hash's format: the salt is text, used as its UTF-8 bytes.
        salt, digest = parts[1].encode(), bytes.fromhex(parts[2])
        if method[0] == "pbkdf2" and len(method) == 3 and method[1] == "sha256":
            iterations = int(method[2])
        elif method[0] == "scrypt" and len(method) == 4:
            n, r, p = (int(x) for x in method[1:])
        else:
            raise AssertionError(f"unsupported werkzeug method: {parts[0][:40]!r}")
    else:
        raise AssertionError(f"stored credential is in none of the formats of the statement: {stored[:80]!r}")
    if method[0] == "scrypt":
        assert n >= 2 ** 14 and r >= 8 and p >= 1, f"scrypt parameters too weak: n={n} r={r} p={p}"
        actual = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(digest), maxmem=2 ** 27)
    else:
        assert iterations >= 600_000, f"pbkdf2 iterations too few: {iterations}"
        actual = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations, dklen=len(digest))
    assert len(salt) >= 16 and len(digest) >= 32, "salt must be at least 16 bytes and the hash at least 32"
    return actual == digest

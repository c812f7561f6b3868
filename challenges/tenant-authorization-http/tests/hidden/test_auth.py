import time

import requests

from helpers import (ADMIN_KEY, User, assert_problem, assert_unauthorized, credential, login, url,
                     verify_stored_password, with_auth)

B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def flip(token, i):
    """The token with character i changed in its top bit, so base64 decoding sees a different value too."""
    c = token[i]
    new = B64URL[B64URL.index(c) ^ 32] if c in B64URL else "A"
    return token[:i] + new + token[i + 1:]


def test_registers_and_logs_in():
    user = User()
    r = user.call("GET", "/invoices")
    assert r.status_code == 200 and r.json() == {"invoices": []}
    assert_problem(requests.post(url("/users"), json={"username": user.username, "password": "another-password"}), 409)
    assert_problem(requests.post(url("/users"), json={"username": "shortpw", "password": "1234567"}), 400)
    r = login(user.username, user.password)
    assert r.status_code == 200 and isinstance(r.json()["token"], str)


def test_rejects_bad_credentials(alice):
    user = alice
    # /login takes no bearer token, so its 401 needs no WWW-Authenticate challenge.
    assert_problem(login(user.username, "not-the-password"), 401)
    assert_problem(login("nobody-" + user.username, user.password), 401)


def test_requires_a_bearer_token():
    for header in (None, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"):
        assert_unauthorized(with_auth(header))


def test_rejects_tampered_tokens(alice, bob):
    token = alice.token
    n = len(token)
    variants = [flip(token, i) for i in sorted({0, n // 3, n // 2, 2 * n // 3, n - 1})]
    variants += [token[:-2], token + "A", token[: n // 2], "x.y", "null"]
    if "." in token and "." in bob.token:
        # Bob's signature on alice's claims, and the other way round.
        a, b = token.split("."), bob.token.split(".")
        variants += [".".join(a[:-1] + b[-1:]), ".".join(b[:-1] + a[-1:])]
    for variant in variants:
        assert variant != token
        assert_unauthorized(alice.call("GET", "/invoices", token=variant))
    assert alice.call("GET", "/invoices").status_code == 200


def test_rejects_expired_tokens(alice):
    user = alice
    for ttl in (0, -1, "60", 10 ** 9):
        assert_problem(login(user.username, user.password, ttlSeconds=ttl), 400)
    # Nothing here has to happen within a token's lifetime, however slow the machine: a 1 s token is used
    # only once 4.2 s have passed since its login returned (so since the server issued it: past an expiry
    # rounded up to the next second plus the 2 s of skew the statement allows), and a 60 s one shows that
    # a chosen lifetime is honoured.
    short = login(user.username, user.password, ttlSeconds=1).json()["token"]
    issued_by = time.monotonic()
    lasting = login(user.username, user.password, ttlSeconds=60).json()["token"]
    assert user.call("GET", "/invoices", token=lasting).status_code == 200
    time.sleep(max(0.0, issued_by + 4.2 - time.monotonic()))
    assert_unauthorized(user.call("GET", "/invoices", token=short))
    assert user.call("GET", "/invoices", token=lasting).status_code == 200


def test_stores_passwords_salted_and_slowly_hashed():
    password = "correct horse battery staple"
    first, second = User(password), User(password)
    stored = [credential(u.username) for u in (first, second)]
    assert all(r.status_code == 200 for r in stored), [r.text for r in stored]
    hashes = [r.json()["passwordHash"] for r in stored]
    assert password not in hashes[0]
    assert hashes[0] != hashes[1], "the same password must not be stored the same way twice (salt it)"
    assert verify_stored_password(hashes[0], password)
    assert not verify_stored_password(hashes[0], password + "!")


def test_admin_endpoint_needs_the_admin_key(alice):
    user = alice
    for key in (None, "", "wrong", ADMIN_KEY + "x"):
        assert_problem(credential(user.username, admin_key=key), 403)
    assert_problem(credential("nobody-" + user.username), 404)


def test_rate_limits_failed_logins_per_user(alice):
    target, bystander = User(), alice
    for _ in range(5):
        assert_problem(login(target.username, "wrong-password"), 401)
    r = login(target.username, target.password)
    assert r.status_code == 429, f"expected 429 after 5 failures, got {r.status_code}"
    assert int(r.headers["Retry-After"]) > 0
    assert login(bystander.username, bystander.password).status_code == 200
    # Tokens issued before the lockout still work.
    assert target.call("GET", "/invoices").status_code == 200

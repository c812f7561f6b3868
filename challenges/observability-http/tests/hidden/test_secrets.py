"""No password, token or card number ever reaches the log: not in a field, a message or a traceback."""
import json
import secrets

from helpers import (FAILING_CARD, Log, assert_status, call, fresh_request_id, login, place_order,
                     request_line, signup)


def strings_in(value):
    """Every string of a parsed log line, keys included: a secret JSON-escaped in the file is one here."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)
    elif isinstance(value, str):
        yield value


def assert_not_logged(log, last_request, secret, what):
    """The lines since `log` began, once `last_request` is logged, checked for `secret` as written and as
    JSON would escape it. (Lines that are not JSON cost the tests of the format, not these.)"""
    text = log.text(last_request)
    records = log.records(last_request, strict=False)
    found = secret in text or any(secret in s for r in records for s in strings_in(r))
    assert not found, f"{what} is in the log"
    return records


def test_passwords_are_never_logged():
    password = "pw-" + secrets.token_hex(12)
    log = Log()
    username, _ = signup(password)
    wrong = "pw-" + secrets.token_hex(12)
    assert_status(call("POST", "/login", json={"username": username, "password": wrong}), 401, "a wrong password")
    rid = fresh_request_id()
    login(username, password, rid)
    assert_not_logged(log, rid, password, "the password given at sign-up and log-in")
    assert_not_logged(log, rid, wrong, "a wrong password tried at log-in")


def test_tokens_are_never_logged():
    username, password = signup()
    log = Log()
    rid = fresh_request_id()
    token = login(username, password, rid)
    forged = secrets.token_hex(20)
    assert_status(call("GET", "/orders", token=token), 200, "GET /orders with the token")
    assert_status(place_order(token), 201, "POST /orders with the token")
    assert_status(call("GET", "/orders", token=forged), 401, "GET /orders with a forged token")
    last = fresh_request_id()
    assert_status(call("GET", "/orders", last, headers={"Authorization": f"Basic {forged}x"}), 401,
                  "GET /orders with a Basic Authorization header")
    request_line(assert_not_logged(log, last, token, "a token /login issued (or sent in Authorization)"), rid)
    assert_not_logged(log, last, forged, "the value of an Authorization header")


def test_card_numbers_are_masked():
    token = login(*signup())
    log = Log()
    card = "5" + "".join(secrets.choice("0123456789") for _ in range(14)) + "4"
    rid = fresh_request_id()
    assert_status(place_order(token, card, rid), 201, "POST /orders")
    assert_status(call("POST", "/orders", token=token, json={"item": "", "quantity": 1, "card_number": card}), 400,
                  "an invalid order with a card number")
    last = fresh_request_id()
    assert_status(call("POST", f"/orders?card={card}", last, token, data=json.dumps({"note": card})), 400,
                  "a card number in the query and a body that is not an order")
    records = assert_not_logged(log, last, card, "a card number")
    assert_not_logged(log, last, card[:-4], "the first digits of a card number")
    created = [r for r in records if r.get("msg") == "order created"]
    masked = "*" * (len(card) - 4) + card[-4:]
    assert created and created[0].get("card") == masked, \
        f"the order created line has the card masked to its last four digits ({masked}), got " \
        f"{created[0].get('card') if created else 'no such line'}"


def test_exception_logs_are_redacted():
    token = login(*signup())
    log = Log()
    rid = fresh_request_id()
    assert_status(place_order(token, FAILING_CARD, rid), 500, "POST /orders with a card the gateway fails on")
    assert_not_logged(log, rid, FAILING_CARD, "the card number of a failed payment")
    masked = "*" * (len(FAILING_CARD) - 4) + FAILING_CARD[-4:]
    assert masked in log.text(rid), f"the exception's message is logged, with the card masked ({masked})"

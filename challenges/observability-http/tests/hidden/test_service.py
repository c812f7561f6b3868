"""The orders API still works as the starter's did."""
from helpers import CARD, assert_status, call, login, new_user_token, place_order, signup


def test_signup_login_and_orders():
    username, password = signup()
    token = login(username, password)
    r = place_order(token, item="green tea", quantity=2)
    assert_status(r, 201, "POST /orders")
    order = r.json()
    assert {k: order[k] for k in ("item", "quantity", "card_last4")} == {"item": "green tea", "quantity": 2,
                                                                         "card_last4": CARD[-4:]}
    r = call("GET", f"/orders/{order['id']}", token=token)
    assert_status(r, 200, "GET /orders/{id}")
    assert r.json() == order
    r = call("GET", "/orders", token=token)
    assert_status(r, 200, "GET /orders")
    assert r.json() == {"orders": [order]}


def test_orders_are_private_and_need_a_token():
    owner, other = new_user_token(), new_user_token()
    r = place_order(owner)
    assert_status(r, 201, "POST /orders")
    order_id = r.json()["id"]
    assert_status(call("GET", f"/orders/{order_id}", token=other), 404, "another user's order")
    assert_status(call("GET", f"/orders/{order_id}"), 401, "no token")
    assert_status(call("GET", "/orders", token="not-a-token"), 401, "a wrong token")
    assert_status(place_order(None), 401, "an order without a token")
    r = call("POST", "/login", json={"username": signup()[0], "password": "wrong password"})
    assert_status(r, 401, "a wrong password")

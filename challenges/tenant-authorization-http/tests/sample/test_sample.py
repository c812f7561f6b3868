"""Sample tests: start your server with the environment of service.json, e.g.

    SESSION_SECRET=dev-secret ADMIN_KEY=admin-debug-key-5d1c python3 app.py

then run pytest here. Set ASSAY_BASE_URL if your server is not on http://127.0.0.1:8080.
"""
from helpers import User, assert_problem, assert_unauthorized, with_auth


def test_a_user_sees_their_own_invoice():
    user = User()
    invoice = user.invoice("ACME Ltd", 12500)
    assert user.call("GET", f"/invoices/{invoice['id']}").json() == invoice


def test_another_users_invoice_is_not_found(alice, bob):
    theirs = bob.invoice()
    assert_problem(alice.call("GET", f"/invoices/{theirs['id']}"), 404)


def test_requests_without_a_token_are_401():
    assert_unauthorized(with_auth(None))

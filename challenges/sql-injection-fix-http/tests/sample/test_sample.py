"""Sample tests: start your server (python3 app.py), then run pytest here.

Set ASSAY_BASE_URL if your server is not on http://127.0.0.1:8080.
"""
from helpers import Api, assert_no_leak, assert_problem


def test_creates_and_finds_a_note(alice, marker):
    alice.create(f"Standup {marker}", "notes from the standup", tags=[marker])
    assert alice.titles(q="standup", tag=marker) == [f"Standup {marker}"]


def test_unknown_sort_column_is_a_400_problem(alice):
    assert_problem(alice.get("/notes", params={"sort": "owner_id"}), 400)


def test_other_users_notes_stay_hidden(alice):
    assert_no_leak(alice.get("/notes", params={"q": "' OR '1'='1"}))


def test_requests_without_a_key_are_401():
    assert_problem(Api(None).get("/notes"), 401)

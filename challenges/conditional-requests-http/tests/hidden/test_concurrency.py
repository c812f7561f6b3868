"""Writes need If-Match with the current ETag: no lost updates, no blind overwrites."""
from helpers import User, assert_problem, assert_status, etag_of, if_match


def test_creates_and_reads_documents():
    user = User()
    created = user.call("POST", "/documents", json={"title": "Plan", "body": "Ship it."})
    assert created.status_code == 201, created.text
    document = created.json()
    assert document == {"id": document["id"], "title": "Plan", "body": "Ship it.", "version": 1}
    assert user.read(document["id"]).json() == document
    assert user.call("GET", "/documents").json() == {"documents": [document]}
    assert_status(user.read(10 ** 9), 404)
    for invalid in ({"title": "", "body": ""}, {"title": "x"}, {"title": 5, "body": ""}, {"title": "x", "body": "", "id": 9}):
        assert_status(user.call("POST", "/documents", json=invalid), 400, f"POST {invalid}")
    anonymous = User()
    anonymous.token = ""
    assert_status(anonymous.call("GET", "/documents"), 401)


def test_another_users_document_is_not_found():
    alice, bob = User(), User()
    document = alice.create()
    etag = etag_of(alice.read(document["id"]))
    assert_status(bob.read(document["id"]), 404, "reading another user's document")
    assert_status(bob.put(document["id"], "mine now", **if_match(etag)), 404, "replacing another user's document")
    assert_status(bob.call("DELETE", f"/documents/{document['id']}", headers=if_match(etag)), 404, "deleting it")
    assert bob.call("GET", "/documents").json() == {"documents": []}
    assert alice.read(document["id"]).json() == document


def test_update_with_the_current_etag_succeeds():
    user = User()
    document = user.create("Plan", "Ship it.")
    etag = etag_of(user.read(document["id"]))
    response = user.put(document["id"], "Plan", "Ship it today.", **if_match(f'"stale", {etag}'))
    assert response.status_code == 200, response.text
    assert response.json() == {"id": document["id"], "title": "Plan", "body": "Ship it today.", "version": 2}
    assert etag_of(response) == etag_of(user.read(document["id"])), "the PUT's ETag is not the new version's"
    assert_status(user.put(document["id"], "", **if_match(etag_of(response))), 400, "an empty title")


def test_update_without_if_match_is_428():
    user = User()
    document = user.create("Plan", "Ship it.")
    assert_status(user.put(document["id"], "Overwritten", "blindly"), 428, "a PUT without If-Match")
    assert user.read(document["id"]).json() == document


def test_update_with_a_stale_etag_is_412():
    user = User()
    document = user.create("Plan", "Ship it.")
    etag = etag_of(user.read(document["id"]))
    # Two editors read the same version; the first to save wins, the second must re-read.
    first = user.put(document["id"], "Plan", "Ship it on Monday.", **if_match(etag))
    assert first.status_code == 200, first.text
    assert_status(user.put(document["id"], "Plan", "Ship it on Tuesday.", **if_match(etag)), 412, "a PUT with a stale ETag")
    assert user.read(document["id"]).json()["body"] == "Ship it on Monday."


def test_a_weak_etag_never_satisfies_if_match():
    user = User()
    document = user.create()
    etag = etag_of(user.read(document["id"]))
    assert_status(user.put(document["id"], "Changed", **if_match(f"W/{etag}")), 412, "If-Match with a weak tag")
    assert user.read(document["id"]).json() == document


def test_delete_needs_a_matching_if_match():
    user = User()
    document = user.create("Plan", "Ship it.")
    path = f"/documents/{document['id']}"
    stale = etag_of(user.read(document["id"]))
    current = etag_of(user.put(document["id"], "Plan", "Ship it later.", **if_match(stale)))
    assert_status(user.call("DELETE", path), 428, "a DELETE without If-Match")
    assert_status(user.call("DELETE", path, headers=if_match(stale)), 412, "a DELETE with a stale ETag")
    assert user.read(document["id"]).status_code == 200, "the document went before a matching If-Match"
    assert user.call("DELETE", path, headers=if_match(current)).status_code == 204
    assert_status(user.read(document["id"]), 404, "a deleted document")


def test_errors_are_problem_documents():
    user, anonymous = User(), User()
    anonymous.token = ""
    document = user.create()
    stale = etag_of(user.read(document["id"]))
    current = etag_of(user.put(document["id"], "Changed", **if_match(stale)))
    assert_problem(anonymous.call("GET", "/documents"), 401, "no token")
    assert_problem(user.read(10 ** 9), 404, "an unknown document")
    assert_problem(user.put(document["id"], "Again"), 428, "a PUT without If-Match")
    assert_problem(user.put(document["id"], "Again", **if_match(stale)), 412, "a PUT with a stale ETag")
    assert_problem(user.put(document["id"], "", **if_match(current)), 400, "an empty title")

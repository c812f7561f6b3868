"""Strong ETags, 304s for what the client has, and per-user responses kept out of shared caches."""
from helpers import User, assert_not_modified, assert_private, assert_status, etag_of


def test_documents_carry_a_strong_etag():
    user = User()
    created = user.call("POST", "/documents", json={"title": "Plan", "body": "Ship it."})
    assert created.status_code == 201, created.text
    document_id = created.json()["id"]
    first, second = user.read(document_id), user.read(document_id)
    assert first.status_code == 200 and first.json() == created.json()
    assert etag_of(first) == etag_of(second) == etag_of(created), "one representation, one ETag"


def test_etag_changes_with_the_representation():
    user = User()
    document = user.create("Plan", "Ship it.")
    seen = [etag_of(user.read(document["id"]))]
    for title, body in (("Plan B", "Ship it."), ("Plan B", "Ship it on Friday."), ("Plan", "Ship it.")):
        etag = etag_of(user.put(document["id"], title, body, **{"If-Match": seen[-1]}))
        assert etag_of(user.read(document["id"])) == etag
        assert etag not in seen, f"{title!r}/{body!r} got an ETag an earlier version had"
        seen.append(etag)


def test_if_none_match_gets_304():
    user = User()
    document = user.create()
    etag = etag_of(user.read(document["id"]))
    assert_not_modified(user.read(document["id"], **{"If-None-Match": etag}))


def test_304_repeats_the_caching_headers():
    user = User()
    document = user.create()
    etag = etag_of(user.read(document["id"]))
    response = user.read(document["id"], **{"If-None-Match": etag})
    assert_not_modified(response)
    assert etag_of(response) == etag
    assert_private(response)


def test_stale_if_none_match_gets_the_document():
    user = User()
    document = user.create("Plan", "Ship it.")
    old = etag_of(user.read(document["id"]))
    new = etag_of(user.put(document["id"], "Plan", "Ship it tomorrow.", **{"If-Match": old}))
    response = user.read(document["id"], **{"If-None-Match": old})
    assert response.status_code == 200, f"expected 200, got {response.status_code}"
    assert response.json()["body"] == "Ship it tomorrow."
    assert etag_of(response) == new


def test_if_none_match_takes_lists_weak_tags_and_a_star():
    user = User()
    document = user.create()
    etag = etag_of(user.read(document["id"]))
    for header in (f'"not-it", {etag}', f"{etag},\"not-it\"", f"W/{etag}", "*"):
        response = user.read(document["id"], **{"If-None-Match": header})
        assert response.status_code == 304, f"If-None-Match: {header}: expected 304, got {response.status_code}"
    response = user.read(document["id"], **{"If-None-Match": '"not-it", W/"nor-this"'})
    assert response.status_code == 200, f"no tag matches, yet {response.status_code}"


def test_per_user_responses_are_private():
    user = User()
    document = user.create()
    assert_private(user.read(document["id"]))
    assert_private(user.call("GET", "/documents"))


def test_list_etag_tracks_the_documents():
    user = User()
    first = user.create("One", "1")
    one = etag_of(user.call("GET", "/documents"))
    assert_not_modified(user.call("GET", "/documents", headers={"If-None-Match": one}))
    user.create("Two", "2")
    two = user.call("GET", "/documents", headers={"If-None-Match": one})
    assert two.status_code == 200 and [d["title"] for d in two.json()["documents"]] == ["One", "Two"]
    user.put(first["id"], "One", "changed", **{"If-Match": etag_of(user.read(first["id"]))})
    changed = user.call("GET", "/documents", headers={"If-None-Match": etag_of(two)})
    assert changed.status_code == 200, "the list's ETag did not change when a document in it did"
    assert changed.json()["documents"][0]["body"] == "changed"


def test_no_304_for_another_users_document():
    alice, bob = User(), User()
    document = alice.create()
    etag = etag_of(alice.read(document["id"]))
    assert_status(bob.read(document["id"], **{"If-None-Match": etag}), 404, "another user's document, its ETag sent")
    assert_status(bob.read(document["id"], **{"If-None-Match": "*"}), 404, "another user's document, If-None-Match: *")

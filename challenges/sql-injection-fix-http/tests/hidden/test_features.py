from helpers import assert_problem


def test_creates_and_lists_own_notes(alice, bob, marker):
    created = alice.create(f"Standup {marker}", "notes from the standup", tags=[marker, "work"])
    assert created["title"] == f"Standup {marker}" and created["tags"] == sorted([marker, "work"])
    assert created["archived"] is False and isinstance(created["id"], int)
    bob.create(f"Bob private {marker}", tags=[marker])
    r = alice.get("/notes", params={"tag": marker})
    assert r.status_code == 200
    assert [n["id"] for n in r.json()["notes"]] == [created["id"]]
    assert alice.get(f"/notes/{created['id']}").json()["body"] == "notes from the standup"


def test_lists_no_other_users_notes(alice, bob, marker):
    mine = alice.create(f"Mine {marker}", tags=[marker])
    bob.create(f"Bob private {marker}", "SECRET-LISTING", tags=[marker])
    for params in ({}, {"tag": marker}, {"q": marker}, {"q": "SECRET-LISTING"}):
        r = alice.get("/notes", params=params)
        assert r.status_code == 200 and "SECRET-LISTING" not in r.text, f"{params} shows another user's note"
    assert [n["id"] for n in alice.get("/notes", params={"tag": marker}).json()["notes"]] == [mine["id"]]


def test_search_matches_title_or_body_case_insensitively(alice, marker):
    alice.create("Groceries", "milk, eggs", tags=[marker])
    alice.create("Weekend", "buy MILK for the cake", tags=[marker])
    alice.create("Milkshake recipe", "", tags=[marker])
    alice.create("Taxes", "nothing to see", tags=[marker])
    assert sorted(alice.titles(q="milk", tag=marker)) == ["Groceries", "Milkshake recipe", "Weekend"]
    assert alice.titles(q="TAXES", tag=marker) == ["Taxes"]


def test_filters_by_tag_and_archived(alice, marker):
    alice.create("one", tags=[marker, f"work-{marker}"])
    alice.create("two", tags=[marker, f"home-{marker}"])
    alice.create("three", tags=[marker, f"home-{marker}"], archived=True)
    assert sorted(alice.titles(tag=f"home-{marker}")) == ["three", "two"]
    assert sorted(alice.titles(tag=marker, archived="false")) == ["one", "two"]
    assert alice.titles(tag=marker, archived="true") == ["three"]
    r = alice.post("/notes/search", json={"tags": [f"work-{marker}", f"home-{marker}"], "archived": False})
    assert r.status_code == 200
    assert sorted(n["title"] for n in r.json()["notes"]) == ["one", "two"]


def test_sorts_by_allowlisted_columns_in_both_orders(alice, marker):
    for title in ("banana", "apple", "cherry"):
        alice.create(title, tags=[marker])
    assert alice.titles(tag=marker) == ["cherry", "apple", "banana"]
    assert alice.titles(tag=marker, sort="createdAt", order="asc") == ["banana", "apple", "cherry"]
    assert alice.titles(tag=marker, sort="title", order="asc") == ["apple", "banana", "cherry"]
    assert alice.titles(tag=marker, sort="title", order="desc") == ["cherry", "banana", "apple"]
    r = alice.post("/notes/search", json={"tags": [marker], "sort": "title", "order": "asc", "limit": 2})
    assert [n["title"] for n in r.json()["notes"]] == ["apple", "banana"]


def test_rejects_unknown_sort_column_with_a_problem(alice):
    for sort in ("body", "owner_id", "api_key", "title; DROP TABLE notes", "created_at"):
        assert_problem(alice.get("/notes", params={"sort": sort}), 400)
    assert_problem(alice.post("/notes/search", json={"sort": "owner_id"}), 400)


def test_rejects_invalid_order_and_limit(alice, marker):
    for _ in range(3):
        alice.create("x", tags=[marker])
    assert_problem(alice.get("/notes", params={"order": "sideways"}), 400)
    for limit in ("0", "101", "abc", "-1", "1.5"):
        assert_problem(alice.get("/notes", params={"limit": limit}), 400)
    assert len(alice.titles(tag=marker, limit="2")) == 2


def test_text_with_quotes_round_trips(alice, marker):
    title = "O'Brien's \"quarterly\" review -- 100%"
    body = "it's; DROP TABLE notes; -- \\ done"
    created = alice.create(title, body, tags=[marker, "rock 'n' roll"])
    fetched = alice.get(f"/notes/{created['id']}").json()
    assert (fetched["title"], fetched["body"]) == (title, body)
    assert fetched["tags"] == sorted([marker, "rock 'n' roll"])
    assert alice.titles(q="O'Brien's", tag=marker) == [title]
    assert alice.titles(tag="rock 'n' roll") == [title]

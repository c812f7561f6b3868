from helpers import KEYS, Api, assert_no_leak, assert_problem

# Each closes the string it lands in and widens the WHERE clause, or comments the owner check out.
LEAKY_TEXT = [
    "x') OR 1=1 --",
    "x%') OR owner_id = 2 --",
    "' OR '1'='1",
    "') UNION SELECT id, owner_id, title, body, archived, created_at FROM notes --",
]


def test_search_injection_does_not_leak_other_users_notes(alice):
    for q in LEAKY_TEXT:
        r = alice.get("/notes", params={"q": q})
        assert_no_leak(r)
        assert r.json()["notes"] == []


def test_tag_filter_injection(alice):
    for tag in LEAKY_TEXT + ["x')) OR 1=1 --"]:
        r = alice.get("/notes", params={"tag": tag})
        assert_no_leak(r)
        assert r.json()["notes"] == []


def test_order_by_injection_is_rejected(alice):
    # Blind injection through ORDER BY: the order of the rows would answer the question.
    oracle = "(CASE WHEN (SELECT substr(api_key, 1, 1) FROM users WHERE id = 2) = 'b' THEN title ELSE created_at END)"
    for params in ({"sort": oracle}, {"sort": "title--"}, {"order": "desc, (SELECT 1)"}, {"order": "asc LIMIT 100"}):
        assert_problem(alice.get("/notes", params=params), 400)
    assert_problem(alice.post("/notes/search", json={"order": "desc; DELETE FROM notes"}), 400)


def test_json_body_injection(alice):
    for body in ({"q": "x') OR 1=1 --"}, {"tags": ["x') OR 1=1 --"]}, {"tags": ["a", "b') OR ('1'='1"]}):
        r = alice.post("/notes/search", json=body)
        assert_no_leak(r)
        assert r.json()["notes"] == []
    for body in ({"q": ["' OR 1=1 --"]}, {"tags": "x') OR 1=1 --"}, {"limit": "1 OR 1=1"}, {"q": {"$ne": ""}}):
        assert_problem(alice.post("/notes/search", json=body), 400)


def test_api_key_injection_is_unauthorized():
    for key in ("' OR '1'='1", "' OR id = 2 --", "x' UNION SELECT 2 --"):
        assert_problem(Api(key).get("/notes"), 401)
    assert_problem(Api(None).get("/notes"), 401)
    assert Api(KEYS["alice"]).get("/notes").status_code == 200


def test_note_id_injection_is_not_found(alice):
    # Notes 1 and 2 are bob's, 3 is carol's.
    for path in ("/notes/1", "/notes/3", "/notes/1 OR 1=1", "/notes/0 UNION SELECT * FROM notes", "/notes/99999999999999999999999"):
        r = alice.get(path)
        assert "SECRET-" not in r.text
        assert_problem(r, 404)


def test_like_wildcards_match_literally(alice, marker):
    for title in ("100% done", "1000 done", "a_b", "axb"):
        alice.create(title, tags=[marker])
    assert alice.titles(q="100%", tag=marker) == ["100% done"]
    assert alice.titles(q="%", tag=marker) == ["100% done"]
    assert alice.titles(q="a_b", tag=marker) == ["a_b"]


def test_payloads_never_cause_server_errors(alice, bob, carol):
    payloads = ["'", '"', "--", ";", "')", "\\", "%", "' OR '1'='1", "1; DROP TABLE notes", "1); DELETE FROM notes; --"]
    for value in payloads:
        for name in ("q", "tag", "sort", "order", "limit", "archived"):
            r = alice.get("/notes", params={name: value})
            assert r.status_code in (200, 400), f"{name}={value!r} got {r.status_code}"
        # As carol, so that no other test's search can find these notes.
        r = carol.post("/notes", json={"title": value, "body": value, "tags": [value]})
        assert r.status_code == 201, f"creating a note titled {value!r} got {r.status_code}"
    r = bob.get("/notes")
    assert r.status_code == 200 and r.text.count("SECRET-BOB") == 2

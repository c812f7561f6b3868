"""State changes only through form posts that carry the session's own CSRF token, from a session cookie
scripts cannot read and other sites do not send."""
from http.cookies import SimpleCookie

from helpers import Browser, assert_status, comment_id


def test_every_form_carries_the_sessions_token():
    alice, bob = Browser().login(), Browser().login()
    alice.posted("mine")
    forms = alice.board().find_all("form")
    assert len(forms) == 2, f"{len(forms)} forms on a board with one comment of one's own"
    tokens = set()
    for form in forms:
        assert form.attrs.get("method", "").lower() == "post", f"a form with method {form.attrs.get('method')!r}"
        hidden = [i for i in form.find_all("input", type="hidden") if i.attrs.get("name") == "csrf_token"]
        assert len(hidden) == 1 and len(hidden[0].attrs.get("value") or "") >= 16, f"the form to {form.attrs.get('action')} has no csrf_token"
        tokens.add(hidden[0].attrs["value"])
    assert len(tokens) == 1, "one session, one token"
    theirs = bob.board().find_all("input", type="hidden")[0].attrs["value"]
    assert theirs not in tokens, "two sessions got the same token"


def test_a_post_without_the_token_is_refused():
    user = Browser().login()
    assert_status(user.request("POST", f"/channels/{user.channel}/comments", data={"text": "forged"}), 403, "no csrf_token")
    assert_status(user.request("POST", f"/channels/{user.channel}/comments", data={"text": "forged", "csrf_token": "x" * 43}),
                  403, "a wrong csrf_token")
    assert user.board().find_all("li", class_="comment") == [], "a forged comment was stored"
    comment = comment_id(user.posted("keep me"))
    assert_status(user.request("POST", f"/comments/{comment}/delete"), 403, "a delete without csrf_token")
    assert len(user.board().find_all("li", class_="comment")) == 1, "a forged delete went through"


def test_a_token_from_another_session_is_refused():
    victim, attacker = Browser().login(), Browser().login()
    token = attacker.board().find_all("input", type="hidden")[0].attrs["value"]
    response = victim.request("POST", f"/channels/{victim.channel}/comments", data={"text": "forged", "csrf_token": token})
    assert_status(response, 403, "the attacker's own token in the victim's session")
    assert victim.board().find_all("li", class_="comment") == [], "a forged comment was stored"


def test_a_get_changes_nothing():
    user = Browser().login()
    comment = comment_id(user.posted("keep me"))
    assert_status(user.request("GET", f"/comments/{comment}/delete"), 405, "GET of the delete path")
    assert_status(user.request("GET", f"/channels/{user.channel}/comments", params={"text": "by GET"}), 405, "GET of the post path")
    assert [comment_id(c) for c in user.board().find_all("li", class_="comment")] == [comment], "a GET changed the board"


def test_authors_delete_their_own_comments():
    user = Browser().login()
    kept, gone = comment_id(user.posted("keep")), comment_id(user.posted("delete me"))
    response = user.submit(user.board(), f"/comments/{gone}/delete")
    assert_status(response, 303, "deleting one's own comment")
    assert response.headers["Location"].endswith(f"/channels/{user.channel}")
    assert [comment_id(c) for c in user.board().find_all("li", class_="comment")] == [kept]
    token = user.board().find_all("input", type="hidden")[0].attrs["value"]
    assert_status(user.request("POST", f"/comments/{10 ** 9}/delete", data={"csrf_token": token}), 404, "an unknown comment")


def test_another_authors_comment_cannot_be_deleted():
    alice, bob = Browser().login(), Browser().login()
    bob.channel = alice.channel
    kept = comment_id(alice.posted("keep"))
    page = bob.board()
    assert page.find_all("form", action=f"/comments/{kept}/delete") == [], "a delete form on another's comment"
    token = page.find_all("input", type="hidden")[0].attrs["value"]
    assert_status(bob.request("POST", f"/comments/{kept}/delete", data={"csrf_token": token}), 403, "deleting another's comment")
    assert [comment_id(c) for c in alice.board().find_all("li", class_="comment")] == [kept]


def test_the_session_cookie_is_httponly_secure_and_samesite():
    user = Browser()
    response = user.request("POST", "/login", data={"name": user.name})
    assert_status(response, 303, "login")
    headers = [h for h in response.raw.headers.getlist("Set-Cookie") if h.strip().lower().startswith("session=")]
    assert len(headers) == 1, f"Set-Cookie: {response.raw.headers.getlist('Set-Cookie')}"
    morsel = SimpleCookie(headers[0])["session"]
    assert morsel["httponly"], f"not HttpOnly: {headers[0]}"
    assert morsel["secure"], f"not Secure: {headers[0]}"
    assert morsel["samesite"].lower() in ("lax", "strict"), f"SameSite is {morsel['samesite']!r}: {headers[0]}"
    assert morsel["path"] == "/", f"Path is {morsel['path']!r}"
    assert len(morsel.value) >= 22 and morsel.value != user.name, "the session id is guessable"
    again = Browser(user.name).login()
    assert again.cookies["session"] != morsel.value, "two logins got the same session id"


def test_sign_in_and_validation():
    anonymous = Browser()
    for path in ("/", f"/channels/{anonymous.channel}"):
        response = anonymous.request("GET", path)
        assert_status(response, 303, f"GET {path} without a session")
        assert response.headers["Location"].endswith("/login")
    for name in ("", "n" * 41):
        assert_status(anonymous.request("POST", "/login", data={"name": name}), 400, f"a name of {len(name)} characters")
    user = Browser().login()
    assert user.request("GET", "/").headers["Location"].endswith("/channels/general")
    for text, website in (("", ""), ("t" * 2001, ""), ("ok", "https://e.com/" + "p" * 490)):
        assert_status(user.post(text, website), 400, f"a comment of {len(text)} characters with a website of {len(website)}")
    assert_status(user.request("GET", "/channels/Not_A_Channel"), 404, "a channel name with capitals")
    assert user.board().find_all("li", class_="comment") == []

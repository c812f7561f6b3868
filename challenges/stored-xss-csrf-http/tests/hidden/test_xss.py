"""Stored values come back in the page as the same text, in every context, and never as markup or script."""
import json

from helpers import Browser, assert_status, comment_id, fresh, parse

POLICY = {"default-src": ["'self'"], "script-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"],
          "frame-ancestors": ["'none'"], "form-action": ["'self'"]}


def blob(page):
    scripts = page.find_all("script", id="board-data")
    assert len(scripts) == 1, f"{len(scripts)} <script id=\"board-data\"> elements"
    return scripts[0]


def test_board_shows_comments_and_their_authors():
    alice, bob = Browser().login(), Browser().login()
    bob.channel = alice.channel
    alice.posted("Deploy at noon.", "https://status.example.com/deploys")
    bob.posted("Fine by me.")
    page = alice.board()
    items = page.find_all("li", class_="comment")
    assert [i.find_all("p", class_="text")[0].text() for i in items] == ["Deploy at noon.", "Fine by me."]
    assert [i.find_all("span", class_="author")[0].text() for i in items] == [alice.name, bob.name]
    assert [i.find_all("span", class_="author")[0].attrs.get("title") for i in items] == [alice.name, bob.name]
    links = items[0].find_all("a", class_="website")
    assert [a.attrs.get("href") for a in links] == ["https://status.example.com/deploys"]
    assert items[1].find_all("a", class_="website") == [], "a comment without a website has no link"
    assert page.find_all("p", class_="whoami")[0].find_all("b")[0].text() == alice.name


def test_comment_text_is_text():
    user = Browser().login()
    payload = "<img src=x onerror=alert(1)> <b>bold</b> &amp; Tom & \"Jerry\" 'quoted' <!-- -->"
    comment = user.posted(payload)
    text = comment.find_all("p", class_="text")[0]
    assert text.text() == payload, f"the comment reads {text.text()!r}"
    assert list(text.walk()) == [], f"the comment's text became markup: <{'>, <'.join(e.tag for e in text.walk())}>"


def test_names_are_text_in_attributes_and_content():
    user = Browser(fresh("q onclick=f() \"'<i>")).login()
    page = parse(user.request("GET", f"/channels/{user.channel}"))
    assert page.find_all("p", class_="whoami")[0].find_all("b")[0].text() == user.name
    author = user.posted("hello").find_all("span", class_="author")[0]
    assert author.attrs == {"class": "author", "title": user.name}, f"the author's span has attributes {author.attrs}"
    assert author.text() == user.name and list(author.walk()) == []


def test_links_are_http_only():
    user = Browser().login()
    for website in ("javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                    "vbscript:msgbox(1)", "//evil.example.com/", "/relative"):
        assert_status(user.post("link", website), 400, f"a website {website!r}")
    assert user.board().find_all("li", class_="comment") == [], "a refused comment was stored"
    tricky = "HTTPS://example.com/?q=\"><b>x</b>&a=1"
    link = user.posted("see", tricky).find_all("a", class_="website")
    assert [a.attrs.get("href") for a in link] == [tricky]
    assert [a.text() for a in link] == [tricky] and list(link[0].walk()) == []


def test_the_script_blob_cannot_be_closed():
    user = Browser().login()
    user.posted("</script><script>alert(1)</script><!-- <script>")
    page = user.board()
    scripts = page.find_all("script")
    assert [s.attrs for s in scripts] == [{"id": "board-data", "type": "application/json"}], \
        f"the page has scripts {[s.attrs for s in scripts]}"
    assert "<" not in scripts[0].raw, f"the blob holds a <: {scripts[0].raw[:300]!r}"


def test_the_script_blob_holds_the_data():
    user = Browser().login()
    text = "Tom & \"Jerry\" <3 </b> \\ 'single' \u00e9\u2028"
    first = comment_id(user.posted("Deploy at noon.", "https://status.example.com/?a=1&b=2"))
    second = comment_id(user.posted(text))
    assert json.loads(blob(user.board()).raw) == {"channel": user.channel, "user": user.name, "comments": [
        {"id": first, "author": user.name, "text": "Deploy at noon.", "website": "https://status.example.com/?a=1&b=2"},
        {"id": second, "author": user.name, "text": text, "website": ""},
    ]}


def test_pages_carry_the_content_security_policy():
    user = Browser()
    for response in (user.request("GET", "/login"), user.login().request("GET", f"/channels/{user.channel}")):
        header = response.headers.get("Content-Security-Policy")
        assert header, f"no Content-Security-Policy on GET {response.request.path_url}"
        policy = {d.split()[0].lower(): d.split()[1:] for d in header.split(";") if d.strip()}
        assert policy == POLICY, f"Content-Security-Policy: {header!r}"

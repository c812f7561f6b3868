"""What the tests share: a browser-like client of its own per user, and the HTML as a parser reads it."""
import os
import uuid
from html.parser import HTMLParser
from http.cookies import SimpleCookie

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
TIMEOUT_S = 5
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.raw = tag, attrs, parent, [], ""

    def walk(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def find_all(self, tag, **attrs):
        return [e for e in self.walk() if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class Tree(HTMLParser):
    """The elements as a browser's tokenizer sees them: attributes and text decoded, a <script>'s content raw."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = self.open = Element("#document", {}, None)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {}, self.open)
        for name, value in attrs:
            element.attrs.setdefault(name, value)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open = self.open.parent

    def handle_endtag(self, tag):
        node = self.open
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.open = node.parent

    def handle_data(self, data):
        self.open.children.append(data)
        self.open.raw += data


def parse(response):
    assert response.status_code == 200, f"expected 200, got {response.status_code}: {response.text[:300]}"
    assert response.headers.get("content-type", "").startswith("text/html"), response.headers.get("content-type")
    return Tree(response.text).root


def fresh(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Browser:
    """One user's browser: keeps its session cookie by hand (requests would not send a Secure cookie over
    http), never follows redirects, and posts forms with the fields the page puts in them."""

    def __init__(self, name=None):
        self.cookies = {}
        self.name = name or fresh("user")
        self.channel = fresh("chan")

    def request(self, method, path, **kwargs):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        response = requests.request(method, BASE + path, headers={"Cookie": cookie} if cookie else {},
                                    allow_redirects=False, timeout=TIMEOUT_S, **kwargs)
        for header in response.raw.headers.getlist("Set-Cookie"):
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response

    def login(self):
        response = self.request("POST", "/login", data={"name": self.name})
        assert response.status_code == 303, f"login: expected 303, got {response.status_code}: {response.text[:300]}"
        return self

    def board(self, channel=None):
        return parse(self.request("GET", f"/channels/{channel or self.channel}"))

    def submit(self, page, action, **fields):
        """Posts the form of `page` whose action is `action`, with its own fields (the CSRF token, if the page
        has one) and then `fields`."""
        forms = page.find_all("form", action=action)
        assert forms, f"no form with action {action!r} on the page"
        data = {i.attrs["name"]: i.attrs.get("value") or "" for i in forms[0].find_all("input") if "name" in i.attrs}
        return self.request("POST", action, data={**data, **fields})

    def post(self, text, website="", channel=None):
        channel = channel or self.channel
        return self.submit(self.board(channel), f"/channels/{channel}/comments", text=text, website=website)

    def posted(self, text, website=""):
        response = self.post(text, website)
        assert_status(response, 303, "posting a comment")
        mine = [c for c in self.board().find_all("li", class_="comment")]
        assert mine, "the comment is not on the board"
        return mine[-1]


def comment_id(li):
    assert li.attrs.get("id", "").startswith("comment-"), f"a comment's id attribute: {li.attrs.get('id')!r}"
    return int(li.attrs["id"][len("comment-"):])


def assert_status(response, status, what="the response"):
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"

"""Team board: server-rendered channels of comments, with output encoded per context and CSRF tokens."""
import hmac
import os
import re
import secrets
import threading

from flask import Flask, redirect, render_template_string, request

CHANNEL = re.compile(r"[a-z0-9-]{1,40}")
WEBSITE = re.compile(r"https?://", re.IGNORECASE)
# No inline script may run, whatever slips into a page; the JSON blob is data (type application/json).
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

app = Flask(__name__)
lock = threading.Lock()
sessions = {}  # session id -> {"name", "csrf"}
comments = {}  # id -> {"id", "channel", "author", "text", "website"}
next_id = [1]

# Jinja escapes every {{ }} (quotes too); attributes are quoted, so an escaped value cannot leave them.
# tojson writes <, > and & as \u003c, \u003e, \u0026, so the blob cannot close its <script> element.
BOARD = """<!doctype html>
<html><head><meta charset="utf-8"><title>#{{ channel }}</title></head>
<body>
<p class="whoami">Signed in as <b>{{ name }}</b></p>
<form method="post" action="/channels/{{ channel }}/comments">
<input type="hidden" name="csrf_token" value="{{ csrf }}">
<textarea name="text"></textarea>
<input name="website">
<button>Post</button>
</form>
<ul class="comments">
{%- for c in board %}
<li class="comment" id="comment-{{ c.id }}">
<span class="author" title="{{ c.author }}">{{ c.author }}</span>
{%- if c.website %}
<a class="website" href="{{ c.website }}" rel="nofollow">{{ c.website }}</a>
{%- endif %}
<p class="text">{{ c.text }}</p>
{%- if c.author == name %}
<form method="post" action="/comments/{{ c.id }}/delete"><input type="hidden" name="csrf_token" value="{{ csrf }}"><button>Delete</button></form>
{%- endif %}
</li>
{%- endfor %}
</ul>
<script id="board-data" type="application/json">{{ data|tojson }}</script>
</body></html>
"""

LOGIN = """<!doctype html>
<html><head><meta charset="utf-8"><title>Sign in</title></head>
<body><form method="post" action="/login"><input name="name"><button>Sign in</button></form></body></html>
"""


class Refused(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


@app.errorhandler(Refused)
def refused(err):
    return f"<!doctype html><title>{err.status}</title>", err.status


@app.after_request
def headers(response):
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
    return response


class SignIn(Exception):
    pass


@app.errorhandler(SignIn)
def sign_in(_err):
    return redirect("/login", 303)


def current():
    session = sessions.get(request.cookies.get("session", ""))
    if session is None:
        raise SignIn()
    return session


def checked():
    """The session of a form post, whose csrf_token must be that session's own token."""
    session = current()
    if not hmac.compare_digest(request.form.get("csrf_token", ""), session["csrf"]):
        raise Refused(403)
    return session


def field(name, longest, shortest=1):
    value = request.form.get(name, "")
    if not shortest <= len(value) <= longest:
        raise Refused(400)
    return value


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.get("/login")
def login_page():
    return LOGIN


@app.post("/login")
def login():
    name = field("name", 40)
    session_id = secrets.token_urlsafe(32)
    with lock:
        sessions[session_id] = {"name": name, "csrf": secrets.token_urlsafe(32)}
    response = redirect("/", 303)
    # Secure too on loopback: browsers count http://127.0.0.1 as a secure origin.
    response.set_cookie("session", session_id, httponly=True, secure=True, samesite="Lax", path="/")
    return response


@app.get("/")
def home():
    current()
    return redirect("/channels/general", 303)


def channel_of(channel):
    if not CHANNEL.fullmatch(channel):
        raise Refused(404)
    return channel


@app.get("/channels/<channel>")
def board(channel):
    session = current()
    channel = channel_of(channel)
    with lock:
        board = [dict(c) for c in comments.values() if c["channel"] == channel]
    data = {"channel": channel, "user": session["name"],
            "comments": [{k: c[k] for k in ("id", "author", "text", "website")} for c in board]}
    return render_template_string(BOARD, channel=channel, name=session["name"], csrf=session["csrf"], board=board, data=data)


@app.post("/channels/<channel>/comments")
def post_comment(channel):
    session = checked()
    channel = channel_of(channel)
    text, website = field("text", 2000), field("website", 500, 0)
    # Only http(s) links: javascript:, data: and the like run or render in the page's origin.
    if website and not WEBSITE.match(website):
        raise Refused(400)
    with lock:
        comment = {"id": next_id[0], "channel": channel, "author": session["name"], "text": text, "website": website}
        next_id[0] += 1
        comments[comment["id"]] = comment
    return redirect(f"/channels/{channel}", 303)


@app.post("/comments/<int:comment_id>/delete")
def delete_comment(comment_id):
    session = checked()
    with lock:
        comment = comments.get(comment_id)
        if comment is None:
            raise Refused(404)
        if comment["author"] != session["name"]:
            raise Refused(403)
        del comments[comment_id]
    return redirect(f"/channels/{comment['channel']}", 303)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

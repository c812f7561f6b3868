"""Team board: server-rendered channels of comments."""
import json
import os
import re
import secrets
import threading

from flask import Flask, redirect, render_template_string, request

CHANNEL = re.compile(r"[a-z0-9-]{1,40}")

app = Flask(__name__)
lock = threading.Lock()
sessions = {}  # session id -> {"name"}
comments = {}  # id -> {"id", "channel", "author", "text", "website"}
next_id = [1]

# Comments may carry a little formatting (<b>, <i>), so their text goes in as written.
BOARD = """<!doctype html>
<html><head><meta charset="utf-8"><title>#{{ channel }}</title></head>
<body>
<p class="whoami">Signed in as <b>{{ name }}</b></p>
<form method="post" action="/channels/{{ channel }}/comments">
<textarea name="text"></textarea>
<input name="website">
<button>Post</button>
</form>
<ul class="comments">
{%- for c in board %}
<li class="comment" id="comment-{{ c.id }}">
<span class="author" title={{ c.author }}>{{ c.author }}</span>
{%- if c.website %}
<a class="website" href="{{ c.website }}" rel="nofollow">{{ c.website }}</a>
{%- endif %}
<p class="text">{{ c.text|safe }}</p>
{%- if c.author == name %}
<a class="delete" href="/comments/{{ c.id }}/delete">Delete</a>
{%- endif %}
</li>
{%- endfor %}
</ul>
<script id="board-data" type="application/json">{{ data|safe }}</script>
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
        sessions[session_id] = {"name": name}
    response = redirect("/", 303)
    response.set_cookie("session", session_id)
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
    return render_template_string(BOARD, channel=channel, name=session["name"], board=board, data=json.dumps(data))


@app.post("/channels/<channel>/comments")
def post_comment(channel):
    session = current()
    channel = channel_of(channel)
    text, website = field("text", 2000), field("website", 500, 0)
    with lock:
        comment = {"id": next_id[0], "channel": channel, "author": session["name"], "text": text, "website": website}
        next_id[0] += 1
        comments[comment["id"]] = comment
    return redirect(f"/channels/{channel}", 303)


# A link is simpler than a form: one click deletes.
@app.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
def delete_comment(comment_id):
    session = current()
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

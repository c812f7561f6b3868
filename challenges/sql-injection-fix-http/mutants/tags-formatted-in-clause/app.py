"""Notes API: every value reaches SQL as a bound parameter; identifiers come only from allowlists."""
import os
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, jsonify, request

DB_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.db")

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, api_key TEXT NOT NULL UNIQUE);
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id INTEGER NOT NULL REFERENCES users(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE note_tags (note_id INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL);
"""

USERS = [(1, "alice", "alice-key-7f3a"), (2, "bob", "bob-key-91c2"), (3, "carol", "carol-key-04de")]
SEED_NOTES = [
    (2, "Payroll", "SECRET-BOB salaries for Q3", ["finance"]),
    (2, "Passwords", "SECRET-BOB wifi: hunter2", ["private"]),
    (3, "Diary", "SECRET-CAROL dear diary", ["private"]),
]

# The only columns a client may sort by, by their API name.
SORT_COLUMNS = {"createdAt": "created_at", "title": "title"}
ORDERS = {"asc": "ASC", "desc": "DESC"}

app = Flask(__name__)


def init_db():
    if os.path.exists(DB_PATH):
        os.remove(DB_PATH)
    db = sqlite3.connect(DB_PATH)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO users (id, name, api_key) VALUES (?, ?, ?)", USERS)
    for owner, title, body, tags in SEED_NOTES:
        insert_note(db, owner, title, body, tags, False)
    db.commit()
    db.close()


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class BadRequest(Exception):
    pass


@app.errorhandler(BadRequest)
def bad_request(err):
    return problem(400, "Bad Request", str(err))


def problem(status, title, detail):
    response = jsonify(type="about:blank", title=title, status=status, detail=detail)
    response.status_code = status
    response.content_type = "application/problem+json"
    return response


def current_user():
    key = request.headers.get("X-Api-Key", "")
    row = get_db().execute("SELECT id FROM users WHERE api_key = ?", (key,)).fetchone()
    return row["id"] if row else None


def insert_note(db, owner, title, body, tags, archived):
    created = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    cur = db.execute(
        "INSERT INTO notes (owner_id, title, body, archived, created_at) VALUES (?, ?, ?, ?, ?)",
        (owner, title, body, int(archived), created))
    db.executemany("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)", [(cur.lastrowid, t) for t in tags])
    return cur.lastrowid


def note_json(db, row):
    tags = [r["tag"] for r in db.execute("SELECT tag FROM note_tags WHERE note_id = ? ORDER BY tag", (row["id"],))]
    return {"id": row["id"], "title": row["title"], "body": row["body"], "tags": tags,
            "archived": bool(row["archived"]), "createdAt": row["created_at"]}


def like_pattern(text):
    """A LIKE pattern matching `text` literally anywhere: % and _ are data, not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(owner, q=None, tags=(), archived=None, sort="createdAt", order="desc", limit=50):
    if sort not in SORT_COLUMNS:
        raise BadRequest(f"sort must be one of: {', '.join(SORT_COLUMNS)}")
    if order not in ORDERS:
        raise BadRequest("order must be asc or desc")
    where, params = ["owner_id = ?"], [owner]
    if q:
        where.append("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')")
        params += [like_pattern(q)] * 2
    if tags:
        listed = ", ".join(f"'{t}'" for t in tags)
        where.append(f"EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = notes.id AND t.tag IN ({listed}))")
    if archived is not None:
        where.append("archived = ?")
        params.append(int(archived))
    direction = ORDERS[order]
    sql = (f"SELECT * FROM notes WHERE {' AND '.join(where)} "
           f"ORDER BY {SORT_COLUMNS[sort]} {direction}, id {direction} LIMIT ?")
    db = get_db()
    return [note_json(db, row) for row in db.execute(sql, params + [limit])]


def parse_limit(raw):
    if isinstance(raw, bool) or not (isinstance(raw, int) or (isinstance(raw, str) and raw.isdecimal())):
        raise BadRequest("limit must be an integer from 1 to 100")
    limit = int(raw)
    if not 1 <= limit <= 100:
        raise BadRequest("limit must be an integer from 1 to 100")
    return limit


def parse_archived(raw):
    if raw is None or isinstance(raw, bool):
        return raw
    if raw in ("true", "false"):
        return raw == "true"
    raise BadRequest("archived must be true or false")


@app.before_request
def authenticate():
    if request.endpoint in ("healthz", None):
        return None
    g.user = current_user()
    if g.user is None:
        return problem(401, "Unauthorized", "a valid X-Api-Key header is required")
    return None


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/notes")
def create_note():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    title, body = data.get("title"), data.get("body", "")
    tags, archived = data.get("tags", []), data.get("archived", False)
    if not isinstance(title, str) or not title.strip():
        raise BadRequest("title must be a non-empty string")
    if not isinstance(body, str):
        raise BadRequest("body must be a string")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadRequest("tags must be a list of strings")
    if not isinstance(archived, bool):
        raise BadRequest("archived must be a boolean")
    db = get_db()
    note_id = insert_note(db, g.user, title, body, tags, archived)
    db.commit()
    row = db.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
    return jsonify(note_json(db, row)), 201


@app.get("/notes")
def list_notes():
    args = request.args
    notes = search(
        g.user,
        q=args.get("q"),
        tags=[args["tag"]] if "tag" in args else [],
        archived=parse_archived(args.get("archived")),
        sort=args.get("sort", "createdAt"),
        order=args.get("order", "desc"),
        limit=parse_limit(args.get("limit", 50)),
    )
    return {"notes": notes}


@app.post("/notes/search")
def search_notes():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    q, tags = data.get("q"), data.get("tags", [])
    if q is not None and not isinstance(q, str):
        raise BadRequest("q must be a string")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadRequest("tags must be a list of strings")
    for name in ("sort", "order"):
        if name in data and not isinstance(data[name], str):
            raise BadRequest(f"{name} must be a string")
    notes = search(
        g.user, q=q, tags=tags,
        archived=parse_archived(data.get("archived")),
        sort=data.get("sort", "createdAt"),
        order=data.get("order", "desc"),
        limit=parse_limit(data.get("limit", 50)),
    )
    return {"notes": notes}


@app.get("/notes/<note_id>")
def get_note(note_id):
    db = get_db()
    row = None
    if note_id.isdecimal() and len(note_id) <= 18:
        row = db.execute("SELECT * FROM notes WHERE id = ? AND owner_id = ?", (int(note_id), g.user)).fetchone()
    if row is None:
        return problem(404, "Not Found", "no such note")
    return note_json(db, row)


if __name__ == "__main__":
    init_db()
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

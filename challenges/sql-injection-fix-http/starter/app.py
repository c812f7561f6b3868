"""Notes API. Works for everyday input, but every query is built by string formatting."""
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

app = Flask(__name__)


def init_db():
    if os.path.exists(DB_PATH):
        os.remove(DB_PATH)
    db = sqlite3.connect(DB_PATH)
    db.executescript(SCHEMA)
    for user_id, name, key in USERS:
        db.execute(f"INSERT INTO users (id, name, api_key) VALUES ({user_id}, '{name}', '{key}')")
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


def problem(status, title, detail):
    response = jsonify(type="about:blank", title=title, status=status, detail=detail)
    response.status_code = status
    response.content_type = "application/problem+json"
    return response


def current_user():
    key = request.headers.get("X-Api-Key", "")
    row = get_db().execute(f"SELECT id FROM users WHERE api_key = '{key}'").fetchone()
    return row["id"] if row else None


def insert_note(db, owner, title, body, tags, archived):
    created = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    cur = db.execute(
        f"INSERT INTO notes (owner_id, title, body, archived, created_at) "
        f"VALUES ({owner}, '{title}', '{body}', {int(archived)}, '{created}')")
    for tag in tags:
        db.execute(f"INSERT INTO note_tags (note_id, tag) VALUES ({cur.lastrowid}, '{tag}')")
    return cur.lastrowid


def note_json(db, row):
    tags = [r["tag"] for r in db.execute(f"SELECT tag FROM note_tags WHERE note_id = {row['id']} ORDER BY tag")]
    return {"id": row["id"], "title": row["title"], "body": row["body"], "tags": tags,
            "archived": bool(row["archived"]), "createdAt": row["created_at"]}


def search(owner, q=None, tags=(), archived=None, sort="createdAt", order="desc", limit=50):
    where = [f"owner_id = {owner}"]
    if q:
        where.append(f"(title LIKE '%{q}%' OR body LIKE '%{q}%')")
    if tags:
        listed = ", ".join(f"'{t}'" for t in tags)
        where.append(f"EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = notes.id AND t.tag IN ({listed}))")
    if archived is not None:
        where.append(f"archived = {1 if archived in (True, 'true') else 0}")
    column = "created_at" if sort == "createdAt" else sort
    sql = f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY {column} {order}, id {order} LIMIT {limit}"
    db = get_db()
    return [note_json(db, row) for row in db.execute(sql)]


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
    data = request.get_json(silent=True) or {}
    if not data.get("title"):
        return problem(400, "Bad Request", "title is required")
    db = get_db()
    note_id = insert_note(db, g.user, data["title"], data.get("body", ""), data.get("tags", []),
                          data.get("archived", False))
    db.commit()
    row = db.execute(f"SELECT * FROM notes WHERE id = {note_id}").fetchone()
    return jsonify(note_json(db, row)), 201


@app.get("/notes")
def list_notes():
    args = request.args
    notes = search(
        g.user,
        q=args.get("q"),
        tags=[args["tag"]] if "tag" in args else [],
        archived=args.get("archived"),
        sort=args.get("sort", "createdAt"),
        order=args.get("order", "desc"),
        limit=args.get("limit", 50),
    )
    return {"notes": notes}


@app.post("/notes/search")
def search_notes():
    data = request.get_json(silent=True) or {}
    notes = search(
        g.user,
        q=data.get("q"),
        tags=data.get("tags", []),
        archived=data.get("archived"),
        sort=data.get("sort", "createdAt"),
        order=data.get("order", "desc"),
        limit=data.get("limit", 50),
    )
    return {"notes": notes}


@app.get("/notes/<note_id>")
def get_note(note_id):
    db = get_db()
    row = db.execute(f"SELECT * FROM notes WHERE id = {note_id} AND owner_id = {g.user}").fetchone()
    if row is None:
        return problem(404, "Not Found", "no such note")
    return note_json(db, row)


if __name__ == "__main__":
    init_db()
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

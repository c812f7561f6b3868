"""Books API (Flask): a REST resource with validation, paging, partial updates and problem+json errors."""
import os
import re
import threading

from flask import Flask, jsonify, request

FIELDS = {"title", "author", "year", "isbn"}
ISBN = re.compile(r"[0-9]{13}")

app = Flask(__name__)
lock = threading.Lock()
books = {}  # id -> book
next_id = [1]


class Problem(Exception):
    def __init__(self, status, title, detail):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@app.errorhandler(Problem)
def problem_response(err):
    response = jsonify(type="about:blank", title=err.title, status=err.status, detail=err.detail)
    response.status_code = err.status
    response.content_type = "application/problem+json"
    return response


@app.errorhandler(404)
@app.errorhandler(405)
def http_error(err):
    return problem_response(Problem(err.code, err.name, err.description))


def text(value, longest):
    return isinstance(value, str) and 1 <= len(value.strip()) and len(value) <= longest


# Each field's rule; bool is an int in Python, so a year is an int that is not a bool.
RULES = {
    "title": lambda v: text(v, 200),
    "author": lambda v: text(v, 100),
    "year": lambda v: isinstance(v, int) and not isinstance(v, bool) and 1450 <= v <= 2100,
    "isbn": lambda v: isinstance(v, str) and ISBN.fullmatch(v) is not None,
}


def valid_body(required):
    """The body's fields, all valid; 400 for a body that is not a JSON object, 422 for a bad field."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise Problem(400, "Bad Request", "the body must be a JSON object")
    unknown, missing = set(body) - FIELDS, (FIELDS if required else set()) - set(body)
    if unknown or missing or not body:
        raise Problem(422, "Unprocessable Content", f"unknown fields {sorted(unknown)}, missing {sorted(missing)}")
    bad = sorted(name for name, value in body.items() if not RULES[name](value))
    if bad:
        raise Problem(422, "Unprocessable Content", f"invalid: {', '.join(bad)}")
    return body


def check_isbn_free(isbn, own_id=None):
    if any(b["isbn"] == isbn and b["id"] != own_id for b in books.values()):
        raise Problem(409, "Conflict", "another book has this ISBN")


def find(book_id):
    book = books.get(book_id)
    if book is None:
        raise Problem(404, "Not Found", "no such book")
    return book


def bounded(name, default, least, most):
    raw = request.args.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[0-9]+", raw) or not least <= int(raw) <= most:
        raise Problem(400, "Bad Request", f"{name} must be an integer from {least} to {most}")
    return int(raw)


@app.get("/healthz")
def healthz():
    return "ok"


@app.post("/v1/books")
def create_book():
    body = valid_body(required=True)
    with lock:
        check_isbn_free(body["isbn"])
        book = {"id": next_id[0], **{name: body[name] for name in ("title", "author", "year", "isbn")}}
        books[book["id"]] = book
        next_id[0] += 1
    response = jsonify(book)
    response.status_code = 201
    response.headers["Location"] = f"/v1/books/{book['id']}"
    return response


@app.get("/v1/books")
def list_books():
    limit = bounded("limit", 20, 1, 100)
    offset = bounded("offset", 0, 0, 10 ** 9)
    author = request.args.get("author")
    with lock:
        matching = [b for _, b in sorted(books.items()) if author is None or b["author"] == author]
    return jsonify(items=matching[offset:offset + limit], total=len(matching))


@app.get("/v1/books/<int:book_id>")
def read_book(book_id):
    with lock:
        return jsonify(find(book_id))


@app.patch("/v1/books/<int:book_id>")
def update_book(book_id):
    with lock:
        book = find(book_id)
        changes = valid_body(required=False)
        if "isbn" in changes:
            check_isbn_free(changes["isbn"], book_id)
        book.update(changes)
        return jsonify(book)


@app.delete("/v1/books/<int:book_id>")
def delete_book(book_id):
    with lock:
        find(book_id)
        del books[book_id]
    return "", 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

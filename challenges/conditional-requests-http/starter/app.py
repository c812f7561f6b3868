"""Documents API: each user keeps their own documents."""
import os
import re
import threading

from flask import Flask, jsonify, request

# Documents are read far more often than written: let caches keep them for five minutes.
CACHE_HEADERS = {"Cache-Control": "public, max-age=300"}
TOKEN = re.compile(r"Bearer ([A-Za-z0-9._~-]{1,128})")

app = Flask(__name__)
lock = threading.Lock()
documents = {}  # id -> {"id", "owner", "title", "body", "version"}
next_id = [1]


class Problem(Exception):
    def __init__(self, status, title, detail, headers=None):
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers or {}


@app.errorhandler(Problem)
def problem_response(err):
    response = jsonify(type="about:blank", title=err.title, status=err.status, detail=err.detail)
    response.status_code = err.status
    response.content_type = "application/problem+json"
    response.headers.update(err.headers)
    return response


NOT_FOUND = Problem(404, "Not Found", "no such document")


def caller():
    match = TOKEN.fullmatch(request.headers.get("Authorization", ""))
    if match is None:
        raise Problem(401, "Unauthorized", "send Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"})
    return match.group(1)


def representation(data, status=200):
    response = jsonify(data)
    response.status_code = status
    response.headers.update(CACHE_HEADERS)
    return response


# --- documents -------------------------------------------------------------------------------------

def public(document):
    return {k: document[k] for k in ("id", "title", "body", "version")}


def fields():
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or set(body) != {"title", "body"}:
        raise Problem(400, "Bad Request", "a document is {title, body}")
    if not (isinstance(body["title"], str) and 1 <= len(body["title"]) <= 200) or not isinstance(body["body"], str):
        raise Problem(400, "Bad Request", "title is a string of 1 to 200 characters and body a string")
    return body


def owned(user, document_id):
    document = documents.get(int(document_id)) if document_id.isdecimal() else None
    if document is None or document["owner"] != user:
        raise NOT_FOUND
    return document


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/documents")
def create():
    user, data = caller(), fields()
    with lock:
        document = {"id": next_id[0], "owner": user, "title": data["title"], "body": data["body"], "version": 1}
        next_id[0] += 1
        documents[document["id"]] = document
        return representation(public(document), 201)


@app.get("/documents")
def list_documents():
    user = caller()
    with lock:
        mine = [public(d) for d in documents.values() if d["owner"] == user]
    return representation({"documents": mine})


@app.get("/documents/<document_id>")
def read(document_id):
    user = caller()
    with lock:
        return representation(public(owned(user, document_id)))


@app.put("/documents/<document_id>")
def replace(document_id):
    user = caller()
    with lock:
        document = owned(user, document_id)
        data = fields()
        document.update(title=data["title"], body=data["body"], version=document["version"] + 1)
        return representation(public(document))


@app.delete("/documents/<document_id>")
def delete(document_id):
    user = caller()
    with lock:
        owned(user, document_id)
        del documents[int(document_id)]
    return "", 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

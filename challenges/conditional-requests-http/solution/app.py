"""Documents API with strong ETags: conditional reads (If-None-Match) and optimistic concurrency (If-Match)."""
import hashlib
import json
import os
import re
import threading

from flask import Flask, Response, jsonify, request

# Per-user data: a browser may keep it but must revalidate; a shared cache must not keep it at all.
CACHE_HEADERS = {"Cache-Control": "private, no-cache", "Vary": "Authorization"}
TOKEN = re.compile(r"Bearer ([A-Za-z0-9._~-]{1,128})")
ENTITY_TAG = re.compile(r'\s*(W/)?("[^"]*")\s*(?:,|$)')

app = Flask(__name__)
lock = threading.Lock()  # a precondition and the write it guards happen as one step
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


# --- entity tags -----------------------------------------------------------------------------------

def entity_tags(header):
    """The (weak, opaque-tag) pairs of an If-Match/If-None-Match list; None for `*`; [] for garbage."""
    if header.strip() == "*":
        return None
    tags, pos = [], 0
    while pos < len(header):
        match = ENTITY_TAG.match(header, pos)
        if match is None or match.end() == pos:
            return []
        tags.append((match.group(1) is not None, match.group(2)))
        pos = match.end()
    return tags


def none_match(header, etag):
    """If-None-Match compares weakly: W/"x" matches "x"."""
    tags = entity_tags(header)
    return tags is None or any(opaque == etag for _, opaque in tags)


def if_match(header, etag):
    """If-Match compares strongly: a weak tag never matches."""
    tags = entity_tags(header)
    return tags is None or any(not weak and opaque == etag for weak, opaque in tags)


def encode(data):
    """The bytes of a representation and its strong ETag: a digest of exactly those bytes."""
    body = json.dumps(data, separators=(",", ":")).encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def representation(data, status=200):
    """The JSON response with its ETag, or a 304 when the client has those bytes already."""
    body, etag = encode(data)
    headers = {"ETag": etag, **CACHE_HEADERS}
    if request.method == "GET" and "If-None-Match" in request.headers and none_match(request.headers["If-None-Match"], etag):
        return Response(status=304, headers=headers)
    return Response(body, status=status, headers=headers, content_type="application/json")


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


def precondition(document):
    header = request.headers.get("If-Match")
    if header is None:
        raise Problem(428, "Precondition Required", "send If-Match with the document's ETag")
    if not if_match(header, encode(public(document))[1]):
        raise Problem(412, "Precondition Failed", "the document has changed since you read it")


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
        precondition(document)
        data = fields()
        document.update(title=data["title"], body=data["body"], version=document["version"] + 1)
        return representation(public(document))


@app.delete("/documents/<document_id>")
def delete(document_id):
    user = caller()
    with lock:
        precondition(owned(user, document_id))
        del documents[int(document_id)]
    return "", 204


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), threaded=True)

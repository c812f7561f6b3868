"""What the tests share: calls to the books API, fresh authors and ISBNs, and the checks of answers."""
import os
import random
import uuid
from urllib.parse import urljoin

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
TIMEOUT_S = 5


def url(path):
    return BASE + path


def call(method, path, **kwargs):
    return requests.request(method, url(path), timeout=TIMEOUT_S, **kwargs)


def new_author():
    """An author no other test writes about, so that listings by author see only this test's books."""
    return "Author " + uuid.uuid4().hex


def new_isbn():
    return "".join(random.choice("0123456789") for _ in range(13))


def a_book(author=None, **fields):
    return {"title": "Dune", "author": author or new_author(), "year": 1965, "isbn": new_isbn(), **fields}


def assert_status(response, status, what):
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"


def create(**fields):
    body = a_book(**fields)
    response = call("POST", "/v1/books", json=body)
    assert_status(response, 201, f"POST /v1/books {body}")
    book = response.json()
    assert book == {"id": book["id"], **body}, f"the created book is {book}, not what was sent with its id"
    return book, response


def listing(**params):
    response = call("GET", "/v1/books", params=params)
    assert_status(response, 200, f"GET /v1/books {params}")
    return response.json()


def assert_problem(response, status, what):
    assert_status(response, status, what)
    assert response.headers.get("content-type", "").startswith("application/problem+json"), \
        f"{what}: content-type {response.headers.get('content-type')!r}, not application/problem+json"
    body = response.json()
    assert body.get("status") == status and body.get("title") and "type" in body and "detail" in body, \
        f"{what}: not a problem document with type, title, status and detail: {body}"


def location_of(response):
    location = response.headers.get("Location")
    assert location is not None, "a 201 without a Location header"
    return urljoin(BASE + "/", location)

"""What the tests share: users with fresh tokens, their documents, and the checks of ETags and problems."""
import os
import re
import uuid

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
TIMEOUT_S = 5
STRONG_ETAG = re.compile(r'"[\x21\x23-\x7e]*"')


def url(path):
    return BASE + path


class User:
    """A user of its own: every token names a new account."""

    def __init__(self):
        self.token = "tok-" + uuid.uuid4().hex

    def call(self, method, path, headers=None, **kwargs):
        return requests.request(method, url(path), headers={"Authorization": f"Bearer {self.token}", **(headers or {})},
                                timeout=TIMEOUT_S, **kwargs)

    def create(self, title="Runbook", body="Restart the worker."):
        r = self.call("POST", "/documents", json={"title": title, "body": body})
        assert r.status_code == 201, r.text
        return r.json()

    def read(self, document_id, **headers):
        return self.call("GET", f"/documents/{document_id}", headers=headers)

    def put(self, document_id, title, body="", **headers):
        return self.call("PUT", f"/documents/{document_id}", headers=headers, json={"title": title, "body": body})


def if_match(etag):
    return {"If-Match": etag}


def etag_of(response):
    etag = response.headers.get("ETag")
    assert etag is not None, f"no ETag on a {response.status_code} to {response.request.method} {response.request.path_url}"
    assert STRONG_ETAG.fullmatch(etag), f"not a strong ETag: {etag!r}"
    return etag


def directives(header):
    return {d.strip().lower() for d in (header or "").split(",") if d.strip()}


def assert_private(response):
    assert directives(response.headers.get("Cache-Control")) == {"private", "no-cache"}, \
        f"Cache-Control: {response.headers.get('Cache-Control')!r}"
    assert "authorization" in directives(response.headers.get("Vary")), f"Vary: {response.headers.get('Vary')!r}"


def assert_not_modified(response):
    assert response.status_code == 304, f"expected 304, got {response.status_code}: {response.text[:300]}"
    assert response.content == b"", "a 304 has no body"


def assert_status(response, status, what="the response"):
    assert response.status_code == status, f"{what}: expected {status}, got {response.status_code}: {response.text[:300]}"


def assert_problem(response, status, what="the response"):
    """The status and an RFC 9457 body. The other tests check the status alone, so that an error body in
    another format costs only the test of the format."""
    assert_status(response, status, what)
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and "detail" in body

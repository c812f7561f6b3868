"""What the tests share: a client of the notes API and the checks every test makes."""
import os

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")
KEYS = {"alice": "alice-key-7f3a", "bob": "bob-key-91c2", "carol": "carol-key-04de"}


class Api:
    """One client of the notes API, authenticated by its X-Api-Key (or by none)."""

    def __init__(self, key):
        self.session = requests.Session()
        if key is not None:
            self.session.headers["X-Api-Key"] = key

    def get(self, path, **kwargs):
        return self.session.get(BASE + path, timeout=2, **kwargs)

    def post(self, path, **kwargs):
        return self.session.post(BASE + path, timeout=2, **kwargs)

    def create(self, title, body="", tags=(), archived=False):
        r = self.post("/notes", json={"title": title, "body": body, "tags": list(tags), "archived": archived})
        assert r.status_code == 201, r.text
        return r.json()

    def titles(self, path="/notes", **params):
        r = self.get(path, params=params)
        assert r.status_code == 200, r.text
        return [n["title"] for n in r.json()["notes"]]


def assert_problem(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and "detail" in body


def assert_no_leak(response):
    """Other users' notes (seeded for bob and carol) all contain SECRET-."""
    assert response.status_code == 200, response.text
    assert "SECRET-" not in response.text

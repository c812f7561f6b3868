"""Sample tests: start your server (python3 app.py, or node server.js), then run pytest here. Set
ASSAY_BASE_URL if your server is not on http://127.0.0.1:8080.
"""
import os
import uuid

import requests

BASE = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")


def test_a_created_book_can_be_read_back():
    book = {"title": "Dune", "author": "Frank Herbert", "year": 1965, "isbn": str(uuid.uuid4().int)[:13]}
    created = requests.post(BASE + "/v1/books", json=book, timeout=5)
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == f"/v1/books/{created.json()['id']}"
    assert requests.get(BASE + created.headers["Location"], timeout=5).json() == created.json()


def test_an_invalid_year_is_a_422_problem():
    book = {"title": "Dune", "author": "Frank Herbert", "year": 1, "isbn": "9780441013593"}
    response = requests.post(BASE + "/v1/books", json=book, timeout=5)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")

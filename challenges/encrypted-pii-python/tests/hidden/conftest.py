"""Each test's store is an SQLite database of its own, in the tests' process, which the solution writes
through the connection handed to it; the tests read its raw bytes directly."""
import sqlite3

import pytest
from store import INDEX_KEY, KEYS, SCHEMA


@pytest.fixture
def make_db():
    made = []

    def make():
        # The solution's calls arrive on the boundary's threads, not the one that opened the connection.
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(SCHEMA)
        made.append(db)
        return db
    yield make
    for db in made:
        db.close()


@pytest.fixture
def db(make_db):
    return make_db()


@pytest.fixture
def vault():
    from vault import CustomerVault

    def make(db, key_ids=("k2024",), current=None, index_key=INDEX_KEY):
        return CustomerVault(db, {key_id: KEYS[key_id] for key_id in key_ids}, current or key_ids[-1], index_key)
    return make

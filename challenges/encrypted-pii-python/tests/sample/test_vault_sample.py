"""Sample tests: run pytest here with your vault.py on PYTHONPATH."""
import sqlite3

import pytest
from vault import CustomerVault, DecryptionError

SCHEMA = """CREATE TABLE customers (id INTEGER PRIMARY KEY, email BLOB NOT NULL, phone BLOB, national_id BLOB,
                                    email_index BLOB NOT NULL)"""


@pytest.fixture
def db():
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(SCHEMA)
    yield db
    db.close()


def test_a_customer_reads_back(db):
    customers = CustomerVault(db, {"k1": bytes(32)}, "k1", bytes(range(32)))
    customer_id = customers.add("ann@example.com", "+44 20 7946 0958")
    assert customers.get(customer_id) == {"id": customer_id, "email": "ann@example.com", "phone": "+44 20 7946 0958", "national_id": None}


def test_a_flipped_byte_is_detected(db):
    customers = CustomerVault(db, {"k1": bytes(32)}, "k1", bytes(range(32)))
    customer_id = customers.add("ann@example.com")
    [blob] = db.execute("SELECT email FROM customers WHERE id = ?", (customer_id,)).fetchone()
    db.execute("UPDATE customers SET email = ? WHERE id = ?", (blob[:-1] + bytes([blob[-1] ^ 1]), customer_id))
    with pytest.raises(DecryptionError):
        customers.get(customer_id)

"""The store's schema, the tests' keys, and raw reads and writes of its rows, past the solution."""

SCHEMA = """CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email BLOB NOT NULL,
  phone BLOB,
  national_id BLOB,
  email_index BLOB NOT NULL
)"""

KEYS = {"k2024": bytes(range(32)), "k2025": bytes(range(100, 132)), "k2026": bytes(range(200, 232))}
INDEX_KEY = b"blind-index-key-of-the-test-0001"
OTHER_INDEX_KEY = b"blind-index-key-of-the-test-0002"


def raw(db, customer_id):
    """The row as stored, column by column."""
    cursor = db.execute("SELECT * FROM customers WHERE id = ?", (customer_id,))
    return dict(zip([c[0] for c in cursor.description], cursor.fetchone()))


def overwrite(db, customer_id, column, value):
    db.execute(f"UPDATE customers SET {column} = ? WHERE id = ?", (value, customer_id))
    db.commit()

"""The customer store as it is today (see statement.md): every value in plaintext. Encrypt it."""
FIELDS = ("email", "phone", "national_id")


class DecryptionError(Exception):
    """A stored value that does not decrypt."""


class CustomerVault:
    def __init__(self, db, keys, current_key_id, index_key):
        self.db, self.keys, self.current_key_id, self.index_key = db, dict(keys), current_key_id, index_key

    @staticmethod
    def _customer(row):
        return {"id": row[0], **{field: None if value is None else bytes(value).decode() for field, value in zip(FIELDS, row[1:])}}

    def add(self, email, phone=None, national_id=None):
        values = [None if value is None else value.encode() for value in (email, phone, national_id)]
        with self.db:
            return self.db.execute("INSERT INTO customers (email, phone, national_id, email_index) VALUES (?, ?, ?, ?)",
                                   (*values, email.encode())).lastrowid

    def get(self, customer_id):
        row = self.db.execute("SELECT id, email, phone, national_id FROM customers WHERE id = ?", (customer_id,)).fetchone()
        return None if row is None else self._customer(row)

    def find_by_email(self, email):
        rows = self.db.execute("SELECT id, email, phone, national_id FROM customers WHERE email_index = ? ORDER BY id",
                               (email.encode(),)).fetchall()
        return [self._customer(row) for row in rows]

    def rotate(self):
        return 0

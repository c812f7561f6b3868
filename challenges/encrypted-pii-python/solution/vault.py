"""Customers' personal data encrypted at rest: AES-256-GCM with a fresh nonce per value, the key id stored
with each ciphertext, the row and field bound as associated data, key rotation, and a keyed blind index
of the normalised email for lookups."""
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FIELDS = ("email", "phone", "national_id")
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A stored value that does not decrypt: tampered with, moved from another row or field, or under an
    unknown key."""


def _normalise(email):
    return email.strip().lower()


class CustomerVault:
    def __init__(self, db, keys, current_key_id, index_key):
        self.db, self.keys, self.current_key_id, self.index_key = db, dict(keys), current_key_id, index_key

    def _index(self, email):
        # Keyed, so that someone holding the table cannot test guessed emails against it.
        return hmac.new(self.index_key, _normalise(email).encode(), hashlib.sha256).digest()

    @staticmethod
    def _aad(customer_id, field):
        # Binds a ciphertext to its row and column: copied anywhere else, it no longer authenticates.
        return f"customers:{customer_id}:{field}".encode()

    def _encrypt(self, customer_id, field, value):
        if value is None:
            return None
        key_id = self.current_key_id.encode()
        nonce = os.urandom(NONCE_BYTES)  # never reused under one key: GCM's keystream would repeat
        sealed = AESGCM(self.keys[self.current_key_id]).encrypt(nonce, value.encode(), self._aad(customer_id, field))
        return bytes([len(key_id)]) + key_id + nonce + sealed

    @staticmethod
    def _key_id(blob):
        return blob[1:1 + blob[0]].decode("utf-8", "replace") if blob else ""

    def _decrypt(self, customer_id, field, blob):
        if blob is None:
            return None
        try:
            blob = bytes(blob)
            key = self.keys.get(self._key_id(blob))
            body = blob[1 + blob[0]:]
            if key is None or len(body) < NONCE_BYTES + 16:
                raise DecryptionError(f"{field} of customer {customer_id}: unknown key or truncated value")
            plain = AESGCM(key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], self._aad(customer_id, field))
            return plain.decode()
        except (InvalidTag, IndexError, UnicodeDecodeError):
            raise DecryptionError(f"{field} of customer {customer_id} does not authenticate") from None

    def _customer(self, row):
        customer_id = row[0]
        return {"id": customer_id, **{field: self._decrypt(customer_id, field, blob) for field, blob in zip(FIELDS, row[1:])}}

    def _write(self, customer_id, values):
        sealed = [self._encrypt(customer_id, field, values[field]) for field in FIELDS]
        self.db.execute("UPDATE customers SET email = ?, phone = ?, national_id = ? WHERE id = ?", (*sealed, customer_id))

    def add(self, email, phone=None, national_id=None):
        with self.db:
            # The id is part of the associated data, so the row exists first and its values follow.
            customer_id = self.db.execute("INSERT INTO customers (email, email_index) VALUES (x'', ?)",
                                          (self._index(email),)).lastrowid
            self._write(customer_id, {"email": email, "phone": phone, "national_id": national_id})
        return customer_id

    def get(self, customer_id):
        row = self.db.execute("SELECT id, email, phone, national_id FROM customers WHERE id = ?", (customer_id,)).fetchone()
        return None if row is None else self._customer(row)

    def find_by_email(self, email):
        rows = self.db.execute("SELECT id, email, phone, national_id FROM customers WHERE email_index = ? ORDER BY id",
                               (self._index(email),)).fetchall()
        return [self._customer(row) for row in rows]

    def rotate(self):
        rewritten = 0
        with self.db:
            for row in self.db.execute("SELECT id, email, phone, national_id FROM customers ORDER BY id").fetchall():
                if all(blob is None or self._key_id(bytes(blob)) == self.current_key_id for blob in row[1:]):
                    continue
                self._write(row[0], self._customer(row))
                rewritten += 1
        return rewritten

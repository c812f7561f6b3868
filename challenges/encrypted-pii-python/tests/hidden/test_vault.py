"""Encryption at rest as the raw store shows it: no plaintext, fresh nonces, bound and authenticated
ciphertexts, key ids and rotation, and a keyed blind index for lookups by email."""
import hashlib

import pytest
from store import OTHER_INDEX_KEY, overwrite, raw
from vault import DecryptionError

ANN = {"email": "Ann.Lee@Example.com", "phone": "+44 20 7946 0958", "national_id": "AB123456C"}
BEN = {"email": "ben.ray@example.com", "phone": "+44 20 7946 0321", "national_id": "CD654321E"}


def add(vault, person):
    return vault.add(person["email"], person["phone"], person["national_id"])


def stored_values(db):
    """Every value of every table of the store."""
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [value for table in tables for row in db.execute(f'SELECT * FROM "{table}"') for value in row]


def test_a_customer_round_trips_and_nothing_is_stored_in_plaintext(db, vault):
    customers = vault(db)
    ann, ben = add(customers, ANN), customers.add("ben.ray@example.com")
    assert customers.get(ann) == {"id": ann, **ANN}
    assert customers.get(ben) == {"id": ben, "email": "ben.ray@example.com", "phone": None, "national_id": None}
    assert customers.get(9999) is None
    assert all(type(raw(db, ann)[field]) is bytes for field in ANN), "a value is not stored as a BLOB"
    secrets = [*ANN.values(), ANN["email"].lower(), "ben.ray@example.com", "7946", "123456"]
    for value in stored_values(db):
        data = value.encode() if isinstance(value, str) else value
        if isinstance(data, bytes):
            leaked = [secret for secret in secrets if secret.encode() in data]
            assert not leaked, f"the store holds {leaked} in plaintext"


def shares_a_keystream(blob_a, blob_b, plain_a, plain_b):
    """Whether two ciphertexts of equal-length values were made with one key and nonce: at some offset,
    their XOR is the XOR of the plaintexts (the keystream cancels out)."""
    target = bytes(x ^ y for x, y in zip(plain_a.encode(), plain_b.encode()))
    for offset in range(min(len(blob_a), len(blob_b)) - len(target) + 1):
        if bytes(x ^ y for x, y in zip(blob_a[offset:], blob_b[offset:len(target) + offset])) == target:
            return True
    return False


def test_every_encryption_uses_a_fresh_nonce(db, vault):
    customers = vault(db)
    ann, ben = raw(db, add(customers, ANN)), raw(db, add(customers, BEN))
    for field in ("phone", "national_id"):
        assert not shares_a_keystream(ann[field], ben[field], ANN[field], BEN[field]), f"two {field}s share a nonce"
    twin = raw(db, customers.add(ANN["email"], ANN["phone"], ANN["national_id"]))
    for field in ANN:
        assert not shares_a_keystream(twin[field], ann[field], ANN[field], ANN[field]), f"the same {field} encrypts to the same bytes twice"


def read_field(vault, customer_id, field):
    """The field as the vault reads it, None when it refuses (how it refuses is another test's concern)."""
    try:
        return vault.get(customer_id)[field]
    except DecryptionError:
        return None


def test_a_ciphertext_moved_to_another_row_or_field_is_rejected(db, vault):
    customers = vault(db)
    ann, ben = add(customers, ANN), add(customers, BEN)
    overwrite(db, ben, "phone", raw(db, ann)["phone"])
    assert read_field(customers, ben, "phone") != ANN["phone"], "Ann's phone number, copied to Ben's row, reads as his"
    overwrite(db, ann, "national_id", raw(db, ann)["phone"])
    assert read_field(customers, ann, "national_id") != ANN["phone"], "a phone number copied to the national id reads as one"


def test_a_tampered_value_raises_decryption_error(db, vault):
    customers = vault(db)
    ann = add(customers, ANN)
    original = raw(db, ann)["phone"]
    damaged = [original[:i] + bytes([original[i] ^ 0x01]) + original[i + 1:] for i in range(len(original))]
    for where, value in [*enumerate(damaged), ("truncated", original[:-1]), ("cut short", original[:6]), ("empty", b"")]:
        overwrite(db, ann, "phone", value)
        with pytest.raises(DecryptionError):
            customers.get(ann)
            pytest.fail(f"a phone damaged at byte {where} was read back")


def test_find_by_email_ignores_case_and_surrounding_spaces(db, vault):
    customers = vault(db)
    ann, _ben = add(customers, ANN), add(customers, BEN)
    assert [c["id"] for c in customers.find_by_email("  ann.lee@EXAMPLE.COM ")] == [ann]
    again = customers.add("ANN.LEE@example.com")
    assert [(c["id"], c["email"]) for c in customers.find_by_email("ann.lee@example.com")] == [(ann, ANN["email"]), (again, "ANN.LEE@example.com")]
    assert customers.find_by_email("ann.lee@example.org") == []


def test_the_email_index_is_keyed(make_db, vault):
    first, second, third = make_db(), make_db(), make_db()
    index = raw(first, vault(first).add("ann@example.com"))["email_index"]
    assert raw(second, vault(second, index_key=OTHER_INDEX_KEY).add("ann@example.com"))["email_index"] != index, \
        "the email index is the same under another index key: anyone can compute it from a guessed email"
    assert raw(third, vault(third, key_ids=("k2026",)).add("ann@example.com"))["email_index"] == index, \
        "the email index changes with the encryption key: it must depend on the index key alone"
    digest = hashlib.sha256(b"ann@example.com")
    assert digest.digest() not in bytes(index) and digest.hexdigest().encode() not in bytes(index)


def test_find_by_email_decrypts_only_the_matches(db, vault):
    customers = vault(db)
    ann, ben = add(customers, ANN), add(customers, BEN)
    email = raw(db, ben)["email"]
    overwrite(db, ben, "email", email[:-1] + bytes([email[-1] ^ 0x01]))
    assert [c["id"] for c in customers.find_by_email(ANN["email"])] == [ann]


def test_rows_under_an_older_key_stay_readable(db, vault):
    ann = add(vault(db, key_ids=("k2024",)), ANN)
    customers = vault(db, key_ids=("k2024", "k2025"))
    ben = add(customers, BEN)
    assert customers.get(ann) == {"id": ann, **ANN}
    assert customers.get(ben) == {"id": ben, **BEN}
    assert [c["id"] for c in customers.find_by_email(ANN["email"])] == [ann]
    only_new = vault(db, key_ids=("k2025",))
    assert only_new.get(ben) == {"id": ben, **BEN}, "a new customer was not encrypted under the current key"
    assert read_field(only_new, ann, "email") != ANN["email"], "an old customer was not encrypted under the old key"


def test_rotate_re_encrypts_everything_under_the_current_key(db, vault):
    ann = add(vault(db, key_ids=("k2024",)), ANN)
    ben = add(vault(db, key_ids=("k2024", "k2025")), BEN)
    carl = vault(db, key_ids=("k2025",)).add("carl@example.com")
    assert vault(db, key_ids=("k2024", "k2025", "k2026")).rotate() == 3
    retired = vault(db, key_ids=("k2026",))  # the old keys are gone
    assert retired.get(ann) == {"id": ann, **ANN}
    assert retired.get(ben) == {"id": ben, **BEN}
    assert retired.get(carl) == {"id": carl, "email": "carl@example.com", "phone": None, "national_id": None}
    assert [c["id"] for c in retired.find_by_email(BEN["email"])] == [ben]
    assert retired.rotate() == 0, "rotate rewrote customers already under the current key"

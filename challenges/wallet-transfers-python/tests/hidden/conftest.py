"""The tests' own connection, as the tests' user (assay_admin): the accounts restored and the ledger emptied
before each test, and what the tables hold read behind the solution's back."""
import psycopg2
import pytest


@pytest.fixture(scope="session")
def admin():
    conn = psycopg2.connect("")
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture(autouse=True)
def fresh(admin):
    with admin.cursor() as cur:
        cur.execute("UPDATE accounts a SET balance_cents = s.balance_cents FROM accounts_seed s WHERE a.id = s.id")
        cur.execute("TRUNCATE ledger RESTART IDENTITY")


@pytest.fixture
def balances(admin):
    """{account id: balance} of the given accounts, as the table holds them."""
    def read(*account_ids):
        with admin.cursor() as cur:
            cur.execute("SELECT id, balance_cents FROM accounts WHERE id = ANY(%s)", (list(account_ids),))
            return dict(cur.fetchall())
    return read


@pytest.fixture
def ledger(admin):
    """The ledger's (account id, amount) rows in the order they were written."""
    def read():
        with admin.cursor() as cur:
            cur.execute("SELECT account_id, amount_cents FROM ledger ORDER BY id")
            return cur.fetchall()
    return read


@pytest.fixture(scope="session")
def wallet():
    """One Wallet() for every test, as one process of the service serves many requests. Its pool holds eight
    of the role's ten connections; a Wallet per test would open eight more while the server processes of
    the last one's were still exiting, and be refused."""
    from wallet import Wallet

    instance = Wallet()
    yield instance
    instance.close()

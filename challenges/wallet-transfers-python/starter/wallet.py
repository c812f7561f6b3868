"""Accounts and their ledger on PostgreSQL (see statement.md)."""
import contextlib
import threading

import psycopg2.pool

CONNECTIONS = 8  # of the ten the service's role may open


class UnknownAccount(Exception):
    pass


class InsufficientFunds(Exception):
    pass


def _check_amount(amount_cents):
    if type(amount_cents) is not int or amount_cents <= 0:
        raise ValueError(f"an amount is a positive number of cents, not {amount_cents!r}")


class Wallet:
    def __init__(self):
        # PGHOST, PGDATABASE, PGUSER from the environment. All opened at once and kept: the pool closes a
        # returned connection beyond its minimum, whose server process then counts against the role for a while.
        self._pool = psycopg2.pool.ThreadedConnectionPool(CONNECTIONS, CONNECTIONS, "")
        # The pool refuses a thread when every connection is out: the semaphore makes it wait instead.
        self._free = threading.BoundedSemaphore(CONNECTIONS)

    def close(self):
        self._pool.closeall()

    @contextlib.contextmanager
    def _transaction(self):
        """A cursor in a transaction, committed when the block ends and rolled back if it raises."""
        with self._free:
            conn = self._pool.getconn()
            try:
                with conn, conn.cursor() as cur:
                    yield cur
            finally:
                self._pool.putconn(conn)

    @staticmethod
    def _read(cur, account_id):
        cur.execute("SELECT balance_cents FROM accounts WHERE id = %s", (account_id,))
        row = cur.fetchone()
        if row is None:
            raise UnknownAccount(account_id)
        return row[0]

    @staticmethod
    def _write(cur, account_id, balance_cents, amount_cents):
        cur.execute("UPDATE accounts SET balance_cents = %s WHERE id = %s", (balance_cents, account_id))
        cur.execute("INSERT INTO ledger (account_id, amount_cents) VALUES (%s, %s)", (account_id, amount_cents))

    def balance(self, account_id):
        with self._transaction() as cur:
            return self._read(cur, account_id)

    def deposit(self, account_id, amount_cents):
        _check_amount(amount_cents)
        with self._transaction() as cur:
            balance = self._read(cur, account_id) + amount_cents
            self._write(cur, account_id, balance, amount_cents)
        return balance

    def withdraw(self, account_id, amount_cents):
        _check_amount(amount_cents)
        with self._transaction() as cur:
            balance = self._read(cur, account_id)
            if balance < amount_cents:
                raise InsufficientFunds(account_id)
            balance -= amount_cents
            self._write(cur, account_id, balance, -amount_cents)
        return balance

    def transfer(self, from_id, to_id, amount_cents):
        _check_amount(amount_cents)
        if from_id == to_id:
            raise ValueError("a transfer needs two different accounts")
        with self._transaction() as cur:
            source = self._read(cur, from_id)
            target = self._read(cur, to_id)
            if source < amount_cents:
                raise InsufficientFunds(from_id)
            self._write(cur, from_id, source - amount_cents, -amount_cents)
            self._write(cur, to_id, target + amount_cents, amount_cents)

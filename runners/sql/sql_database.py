"""Databases for cases: each seed list is run once into an in-memory template, and every case gets its
own copy of that template (SQLite's backup API copies pages, far faster than re-running the seed)."""
import os
import sqlite3

from sql_guard import Guard
from sql_script import StatementError, run_statements, split_statements
from sql_sources import TESTS


class SeedError(Exception):
    """A seed file failed: the tests' mistake, not the candidate's."""


def connect():
    # Autocommit: statements run as written, and the harness manages its own savepoints.
    return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)


def run_seeds(seeds, run, engine="sqlite"):
    """Reads each seed file (absolute paths) and hands its statements, split by the engine's rules, to
    run(statements, where), in order; raises SeedError. Every engine's databases use it."""
    for path in seeds:
        label = os.path.relpath(path, TESTS)
        try:
            with open(path, encoding="utf-8-sig") as file:
                statements = split_statements(file.read(), engine)
            run(statements, f"seed {label}")
        except (OSError, UnicodeDecodeError) as err:
            raise SeedError(f"seed {label} could not be read: {err}") from None
        except StatementError as err:
            raise SeedError(str(err)) from None


class Databases:
    def __init__(self):
        self._templates = {}

    def prepare(self, seeds):
        """Builds the template for a seed list (absolute paths), once; raises SeedError."""
        if seeds in self._templates:
            return
        template = connect()
        # Seeds load data as it is written, in any order: foreign keys are checked from the cases on.
        template.execute("PRAGMA foreign_keys = OFF")
        run_seeds(seeds, lambda statements, where: run_statements(template, statements, where))
        self._templates[seeds] = template

    def fresh(self, seeds, foreign_keys, migration_may):
        """A new database holding the seeds' schema and data, and the Guard of what SQL may do on it."""
        conn = connect()
        self._templates[seeds].backup(conn)
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        return conn, Guard(conn, migration_may)

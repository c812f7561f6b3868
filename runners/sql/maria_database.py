"""Databases for cases on the `mariadb` engine: every case gets its own database, the seeds run into it
(MariaDB has no template databases; the seeds are small: the sandbox's tmpfs is 64 MB), dropped afterwards.

Four accounts, all reached only over the socket, in a directory only the tester user may pass:
- tester@localhost, the administrator, by the unix_socket plugin (only the harness's OS user is it):
  creates and drops the databases and accounts, never runs SQL of the candidate's or the tests';
- assay_owner: ALL on the case's database (no GRANT OPTION, nothing global): the seeds and the tests' own SQL;
- assay_migrator: the candidate's migrations, with the privileges the cases file's `migrationMay` names
  (MIGRATION_PRIVILEGES) and SELECT, each statement beginning with one of its kinds;
- assay_reader: the candidate's queries, SELECT on the case's database and nothing else: no FILE (so no
  LOAD_FILE, SELECT … INTO OUTFILE or LOAD DATA), no PROCESS, no SUPER.
The three have random passwords, made per run and kept in the harness's undumpable memory.
"""
import re
import secrets

import pymysql

from maria_plan import explain_maria
from maria_script import run_maria_statements
from maria_server import SOCKET
from pg_case import Refused
from sql_database import run_seeds
from sql_script import Statement

ADMIN, OWNER, MIGRATOR, READER = "tester", "assay_owner", "assay_migrator", "assay_reader"
# The privileges each of sql_guard.STATEMENT_KINDS needs on MariaDB, and the words a statement of it
# begins with. ALTER TABLE needs CREATE and INSERT besides ALTER (MariaDB copies the table).
MIGRATION_PRIVILEGES = {
    "CREATE TABLE": (["CREATE"], r"CREATE\s+TABLE"), "CREATE INDEX": (["INDEX"], r"CREATE\s+(UNIQUE\s+)?INDEX"),
    "CREATE VIEW": (["CREATE VIEW"], r"CREATE\s+VIEW"), "CREATE TRIGGER": (["TRIGGER"], r"CREATE\s+TRIGGER"),
    "DROP TABLE": (["DROP"], r"DROP\s+TABLE"), "DROP INDEX": (["INDEX"], r"DROP\s+INDEX"),
    "DROP VIEW": (["DROP"], r"DROP\s+VIEW"), "DROP TRIGGER": (["TRIGGER"], r"DROP\s+TRIGGER"),
    "ALTER TABLE": (["ALTER", "CREATE", "INSERT"], r"ALTER\s+TABLE"), "ANALYZE": ([], r"ANALYZE\s+TABLE"),
    "INSERT": (["INSERT"], r"INSERT"), "UPDATE": (["UPDATE"], r"UPDATE"), "DELETE": (["DELETE"], r"DELETE"),
}
ALWAYS = r"SELECT|WITH"  # a migration may read, as the postgres one may


def connect(user, password=None, database=None):
    # Autocommit: statements run as written; a case's database is thrown away anyway.
    return pymysql.connect(unix_socket=SOCKET, user=user, password=password or "", database=database,
                           charset="utf8mb4", autocommit=True, local_infile=False)


def ping():
    """Whether the server takes the tester's login (assay_warm.ready_as_tester): raises if not."""
    connect(ADMIN).close()


class MariaDatabases:
    def __init__(self):
        self._admin = connect(ADMIN)
        self.passwords = {user: secrets.token_urlsafe(24) for user in (OWNER, MIGRATOR, READER)}
        for user, password in self.passwords.items():
            self._run(f"CREATE USER {user}@localhost IDENTIFIED BY '{password}' WITH MAX_USER_CONNECTIONS 2")
        self._checked = set()
        self._cases = 0

    def prepare(self, seeds):
        """Runs a seed list (absolute paths) once into a database of its own, to find a failing seed before
        any case; raises SeedError."""
        if seeds in self._checked:
            return
        self.fresh(seeds, ()).close()
        self._checked.add(seeds)

    def fresh(self, seeds, migration_may):
        self._cases += 1
        name = f"case_{self._cases}"
        self._run(f"CREATE DATABASE {name}")
        privileges = sorted({p for kind in migration_may for p in MIGRATION_PRIVILEGES[kind][0]} | {"SELECT"})
        self._run(f"GRANT ALL ON {name}.* TO {OWNER}@localhost")
        self._run(f"GRANT {', '.join(privileges)} ON {name}.* TO {MIGRATOR}@localhost")
        self._run(f"GRANT SELECT ON {name}.* TO {READER}@localhost")
        db = CaseDatabase(self, name, migration_may)
        try:
            run_seeds(seeds, lambda statements, where: run_maria_statements(db.owner, statements, where), "mariadb")
            run_maria_statements(db.owner, [Statement("ANALYZE TABLE " + t, 0) for t in db.tables()] or [], "seed")
        except BaseException:
            db.close()
            raise
        return db

    def drop(self, name):
        for user in (OWNER, MIGRATOR, READER):
            self._run(f"REVOKE ALL ON {name}.* FROM {user}@localhost")
        self._run(f"DROP DATABASE IF EXISTS {name}")

    def kill(self, conn):
        """Stops the statement running on conn (from the timer's thread; the admin is idle meanwhile)."""
        with self._admin.cursor() as cursor:
            cursor.execute(f"KILL QUERY {int(conn.thread_id())}")

    def _run(self, sql):
        with self._admin.cursor() as cursor:
            cursor.execute(sql)


class CaseDatabase:
    """One case's database, with a connection per account."""

    def __init__(self, databases, name, migration_may):
        self._databases = databases
        self.name = name
        self._conns = [connect(user, databases.passwords[user], name) for user in (OWNER, MIGRATOR, READER)]
        self.owner, self.migrator, self.reader = self._conns
        kinds = [MIGRATION_PRIVILEGES[kind][1] for kind in migration_may] + [ALWAYS]
        self._migration_start = re.compile(rf"^\(*\s*({'|'.join(kinds)})\b", re.IGNORECASE)

    def tables(self):
        with self.owner.cursor() as cursor:
            cursor.execute("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
            return [f"`{row[0]}`" for row in cursor.fetchall()]

    def migrating(self, statements, where):
        """The migrator's connection, once every statement begins with a kind migrationMay permits."""
        for statement in statements:
            if not self._migration_start.match(statement.sql):
                raise Refused(f"{where}, statement at line {statement.line}: refused by the runner: this "
                              "challenge's migration may not run it (migrationMay)")
        return _Using(self.migrator)

    def run(self, conn, statements, where, params=None, deadline_s=None, max_rows=None):
        return run_maria_statements(conn, statements, where, params, deadline_s, max_rows,
                                    kill=lambda: self._databases.kill(conn))

    plan = staticmethod(explain_maria)

    @staticmethod
    def lost(err):
        """Whether a statement's error is the connection lost (the server died: out of memory)."""
        return getattr(err.error, "lost", False)

    def close(self):
        for conn in self._conns:
            conn.close()
        self._databases.drop(self.name)


class _Using:
    def __init__(self, conn):
        self._conn = conn

    def __enter__(self):
        return self._conn

    def __exit__(self, *exc):
        return False

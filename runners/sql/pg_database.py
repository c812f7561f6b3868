"""Databases for cases on the `postgres` engine: each seed list is run once into a template database, and
every case gets its own copy of it (CREATE DATABASE … TEMPLATE copies its files), dropped afterwards.

Three roles, all reached only by the tester user over the socket (pg_hba.conf, pg_ident.conf):
- assay_admin, the superuser: creates and drops databases and the migration policy, never runs SQL of
  the candidate's or the tests';
- assay_owner: owns the seeded tables, so it may index them; runs the seeds, the tests' own SQL and the
  candidate's migrations, which the policy's event trigger holds to the cases file's `migrationMay`;
- assay_reader: runs the candidate's queries, with SELECT on the tables and nothing else: no superuser,
  no pg_read_server_files or pg_execute_server_program (so no COPY … PROGRAM, pg_read_file, lo_import),
  no TEMP, no CREATE.
"""
import time

import psycopg2

from pg_plan import explain

from pg_script import run_pg_statements
from pg_server import PORT, SOCKET_DIR
from sql_database import run_seeds

ADMIN, OWNER, READER = "assay_admin", "assay_owner", "assay_reader"
# The command tags each of sql_guard.STATEMENT_KINDS lets a migration run.
MIGRATION_TAGS = {
    "CREATE TABLE": ["CREATE TABLE", "CREATE TABLE AS"], "CREATE INDEX": ["CREATE INDEX"],
    "CREATE VIEW": ["CREATE VIEW"], "CREATE TRIGGER": ["CREATE TRIGGER", "CREATE FUNCTION"],
    "DROP TABLE": ["DROP TABLE"], "DROP INDEX": ["DROP INDEX"], "DROP VIEW": ["DROP VIEW"],
    "DROP TRIGGER": ["DROP TRIGGER"], "ALTER TABLE": ["ALTER TABLE"], "ANALYZE": [],
    "INSERT": [], "UPDATE": [], "DELETE": [],
}
WRITES = ("INSERT", "UPDATE", "DELETE")
RECOVERY_S = 20

ROLES_SQL = f"""
CREATE ROLE {OWNER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE CONNECTION LIMIT 3;
CREATE ROLE {READER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE CONNECTION LIMIT 3;
"""
# In each seeded database, made by the admin: the policy the trigger reads, which the owner cannot touch.
POLICY_SQL = f"""
REVOKE TEMPORARY ON DATABASE {{db}} FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO {OWNER};
-- The planner's settings are the harness's: no query may turn a scan off (SET is refused by pg_case.py).
REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
CREATE SCHEMA assay_policy;
REVOKE ALL ON SCHEMA assay_policy FROM PUBLIC;
CREATE TABLE assay_policy.allowed (tag text PRIMARY KEY);
CREATE TABLE assay_policy.enforced (on_ boolean);
CREATE FUNCTION assay_policy.check_ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog AS $$
BEGIN
  IF session_user = '{OWNER}' AND EXISTS (SELECT 1 FROM assay_policy.enforced)
     AND NOT EXISTS (SELECT 1 FROM assay_policy.allowed WHERE tag = tg_tag) THEN
    RAISE EXCEPTION 'refused by the runner: %: this challenge''s migration may not run it', tg_tag
      USING ERRCODE = '42501';
  END IF;
END $$;
CREATE EVENT TRIGGER assay_policy ON ddl_command_start EXECUTE FUNCTION assay_policy.check_ddl();
"""


def connect(role, dbname):
    conn = psycopg2.connect(host=SOCKET_DIR, port=PORT, user=role, dbname=dbname,
                            application_name="assay")
    conn.autocommit = True  # statements run as written; a case's database is thrown away anyway
    return conn


def ping():
    """Whether the server takes the tester's login (assay_warm.ready_as_tester): raises if not."""
    connect(ADMIN, "template1").close()


class PgDatabases:
    def __init__(self):
        # template1: the image's cluster has no `postgres` database (sandboxes/sql/Dockerfile).
        self._admin = connect(ADMIN, "template1")
        self._run(self._admin, ROLES_SQL)
        self._templates = {}
        self._cases = 0

    def prepare(self, seeds):
        """Builds the template database for a seed list (absolute paths), once; raises SeedError."""
        if seeds in self._templates:
            return
        name = f"seed_{len(self._templates)}"
        self._run(self._admin, f"CREATE DATABASE {name} OWNER {OWNER} TEMPLATE template0")
        admin = connect(ADMIN, name)
        try:
            self._run(admin, POLICY_SQL.format(db=name))
        finally:
            admin.close()
        owner = connect(OWNER, name)
        try:
            run_seeds(seeds, lambda statements, where: run_pg_statements(owner, statements, where), "postgres")
            # VACUUM ANALYZE: statistics and a visibility map, as a production table has them.
            self._run(owner, "VACUUM ANALYZE")
            self._run(owner, f"GRANT USAGE ON SCHEMA public TO {READER};"
                             f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}")
        finally:
            owner.close()
        self._run(self._admin, "CHECKPOINT")  # recycles the seed's WAL: the tmpfs is small
        self._templates[seeds] = name

    def fresh(self, seeds, migration_may):
        """A new database copied from the seeds' template, as a CaseDatabase (close it when done)."""
        self._cases += 1
        name = f"case_{self._cases}"
        self._as_admin(f"CREATE DATABASE {name} TEMPLATE {self._templates[seeds]} STRATEGY FILE_COPY")
        return CaseDatabase(self, name, migration_may)

    def drop(self, name):
        self._as_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def _as_admin(self, sql):
        """Runs the admin's statement; after a crash of the server, once it is back (it restarts itself)."""
        try:
            self._run(self._admin, sql)
        except psycopg2.DatabaseError as err:
            if err.pgcode:  # the server answered: not a lost connection
                raise
            self._admin.close()
            self._admin = _reconnect()
            self._run(self._admin, sql)

    @staticmethod
    def _run(conn, sql):
        with conn.cursor() as cursor:
            cursor.execute(sql)


def _reconnect():
    """The admin's connection again, once the server has recovered from a crash (it restarts itself)."""
    deadline = time.monotonic() + RECOVERY_S
    while True:
        try:
            return connect(ADMIN, "template1")
        except psycopg2.DatabaseError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


class CaseDatabase:
    """One case's database, with a connection per role; `migrating()` turns the policy on for the owner."""

    def __init__(self, databases, name, migration_may):
        self._databases = databases
        self.name = name
        self._policy = connect(ADMIN, name)
        self.owner = connect(OWNER, name)
        self.reader = connect(READER, name)
        tags = [tag for kind in migration_may for tag in MIGRATION_TAGS[kind]]
        with self._policy.cursor() as cursor:
            cursor.executemany("INSERT INTO assay_policy.allowed VALUES (%s) ON CONFLICT DO NOTHING",
                               [(t,) for t in tags])
        self._writes = [w for w in WRITES if w in migration_may]

    def migrating(self, statements, where):
        """The policy on while the candidate's migration runs; gives the connection it runs on."""
        return _Migrating(self)

    run = staticmethod(run_pg_statements)
    plan = staticmethod(explain)

    @staticmethod
    def lost(err):
        """Whether a statement's error is the server ending the connection, with no SQLSTATE: it ends all of
        them when one of its processes dies (the kernel kills the biggest when the sandbox is out of memory)."""
        return getattr(err.error, "lost", False)

    def close(self):
        for conn in (self._policy, self.owner, self.reader):
            conn.close()
        self._databases.drop(self.name)


class _Migrating:
    """While the candidate's migration runs: its DDL only of the allowed kinds, its writes only the allowed
    ones (the owner's own privileges revoked; GRANT is DDL, so it cannot give them back)."""

    def __init__(self, case_db):
        self._db = case_db

    def __enter__(self):
        with self._db._policy.cursor() as cursor:
            revoked = [w for w in WRITES + ("TRUNCATE",) if w not in self._db._writes]
            cursor.execute(f"REVOKE {', '.join(revoked)} ON ALL TABLES IN SCHEMA public FROM {OWNER}")
            cursor.execute("INSERT INTO assay_policy.enforced VALUES (true)")
        return self._db.owner

    def __exit__(self, *exc):
        with self._db._policy.cursor() as cursor:
            cursor.execute("DELETE FROM assay_policy.enforced")
            cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {OWNER}")
        return False

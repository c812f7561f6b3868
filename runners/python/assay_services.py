"""The servers a challenge's `services` ask for (docs/sandbox.md, "Services"), started by the root harness
while the sandbox waits for its submission (assay_warm.py) and seeded once it is there, before the
solution's process (or server) is told to begin. The python and http runners share this module
(runners/http links to it).

Each runs as its own user (10003) with its data in the sandbox's tmpfs (0700, theirs alone) and listens
on a Unix socket only, in a directory (0711) every user of the sandbox may pass: PostgreSQL lets the tests'
user in as `assay_admin` and the solution's as `assay_app`, which owns nothing and may do only what the
seed grants it (pg_ident.conf); MariaDB lets the tests' user in as its administrator (the unix_socket
plugin: only a process of that OS user is it) and the solution as `assay_app` with a password made per run;
Redis has no users, so the commands that reach its files, its process or other servers are renamed away. A
server that does not come up is ours: ServiceError, reported as an infrastructure failure that the worker
retries.

Run as a script (`seed postgres`, `seed mariadb`), it is the tests' user's side: it makes the database and
runs the seed.
"""
import json
import os
import secrets
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

import maria_server  # noqa: E402
from assay_warm import WARM_TIMEOUT_S, ready_as_tester  # noqa: E402
from pg_server import ENV, PORT, SERVER_UID, SOCKET_DIR, ServiceError, directory, start_server, wait_ready  # noqa: E402

SERVICES = ("postgres", "mariadb", "redis")
DATABASE = "assay"
ADMIN = "assay_admin"  # the tests' role (pg_ident.conf), a superuser: seeds and measures
APP = "assay_app"  # the solution's role (PostgreSQL) or account (MariaDB)
APP_CONNECTIONS = 10  # of max_connections 20 (pg_template.conf): the tests always get in
SEED = "/work/tests/seed.sql"
MARIA_SEED = "/work/tests/seed-mariadb.sql"
MARIA_ADMIN = "tester"  # the tests' OS user (uid 10002), MariaDB's administrator by unix_socket (maria_data.sh)
MARIA_APP_CONNECTIONS = 8
# Over maria.cnf's (the sql runner's 12 connections, 3 per account): the solution's account gets
# MARIA_APP_CONNECTIONS of 24, the tests' administrator is bound only by the total (and has its extra slot).
MARIA_SETTINGS = {"max_connections": "24", "max_user_connections": "0"}
REDIS_HOME = "/tmp/redis"
REDIS_SOCKET = REDIS_HOME + "/run/redis.sock"
# Counts every statement (the tests measure the load a solution takes off the database) in shared memory,
# at once: pg_stat_user_tables lags by up to a second or more.
PG_SETTINGS = {"shared_preload_libraries": "pg_stat_statements", "pg_stat_statements.max": "200"}
REDIS_CONFIG = f"""
port 0
unixsocket {REDIS_SOCKET}
unixsocketperm 777
dir {REDIS_HOME}/data
save ""
appendonly no
maxmemory 16mb
maxmemory-policy allkeys-lru
maxclients 64
daemonize no
loglevel warning
logfile ""
""" + "".join(f'rename-command {name} ""\n' for name in (
    "CONFIG", "DEBUG", "MODULE", "SHUTDOWN", "SLAVEOF", "REPLICAOF", "MIGRATE", "SYNC", "PSYNC",
    "SAVE", "BGSAVE", "BGREWRITEAOF", "FAILOVER", "MONITOR"))
SEED_NOT_READY, SEED_FAILED = 3, 4


def environments(services, maria_password=None):
    """What the solution's process (or server) and the tests' find the servers by: (solution's, tests')."""
    solution, tests = {}, {}
    if "postgres" in services:
        common = {"PGHOST": SOCKET_DIR, "PGPORT": str(PORT), "PGDATABASE": DATABASE}
        solution.update(common, PGUSER=APP)
        tests.update(common, PGUSER=ADMIN)
    if "mariadb" in services:
        common = {"MARIADB_SOCKET": maria_server.SOCKET, "MARIADB_DATABASE": DATABASE}
        solution.update(common, MARIADB_USER=APP, MARIADB_PASSWORD=maria_password)
        tests.update(common, MARIADB_USER=MARIA_ADMIN, MARIADB_PASSWORD="")
    if "redis" in services:
        solution["REDIS_URL"] = tests["REDIS_URL"] = f"unix://{REDIS_SOCKET}"
    return solution, tests


def launch_services(services, settings):
    """Starts every asked-for server and waits until each takes connections (as root; in a warm sandbox
    before the submission arrives, assay_warm.py); returns their Popens by name. Raises ServiceError.
    settings (the manifest's engineSettings) are the database server's: the manifest may ask for them with
    postgres or mariadb, not both."""
    unknown = [name for name in services if name not in SERVICES]
    if unknown:
        raise ServiceError(f"this runner starts no service named {', '.join(unknown)}")
    pg_settings, maria_settings = (settings, None) if "postgres" in services else (None, settings)
    servers = {}
    # Every server starts before any is waited for: they come up side by side.
    if "redis" in services:
        servers["redis"] = _start_redis()
    if "postgres" in services:
        servers["postgres"] = start_server({**PG_SETTINGS, **(pg_settings or {})}, socket_dir_mode=0o711)
    if "mariadb" in services:
        servers["mariadb"] = maria_server.start_server({**MARIA_SETTINGS, **(maria_settings or {})},
                                                       socket_dir_mode=0o711)
    if "postgres" in services:
        wait_ready(servers["postgres"], lambda: ready_as_tester(_ping_postgres), timeout_s=WARM_TIMEOUT_S)
    if "mariadb" in services:
        maria_server.wait_ready_maria(servers["mariadb"], lambda: ready_as_tester(_ping_mariadb),
                                      timeout_s=WARM_TIMEOUT_S)
    if "redis" in services:
        wait_ready(servers["redis"], _ping_redis, socket=REDIS_SOCKET, name="Redis", timeout_s=WARM_TIMEOUT_S)
    return servers


def start_services(services, settings, tester_uid, python, warm):
    """Seeds the asked-for servers, started while the sandbox waited (warm) or now (as root); returns
    environments(). Raises ServiceError, or SeedError."""
    servers = warm.take(services, settings, launch_services)
    maria_password = secrets.token_urlsafe(24) if "mariadb" in services else None
    if "postgres" in services:
        _seeded(wait_ready(servers["postgres"], lambda: _seed_as(tester_uid, python, "postgres")))
    if "mariadb" in services:
        _seeded(maria_server.wait_ready_maria(servers["mariadb"],
                                              lambda: _seed_as(tester_uid, python, "mariadb", maria_password)))
    return environments(services, maria_password)


class SeedError(Exception):
    """The challenge's seed failed: the challenge's error, not a server's."""


def _seeded(failed):
    if failed:
        raise SeedError(failed)


def _seed_as(uid, python, service, password=None):
    """Seeds as the tests' user; returns the seed's error, if it failed (wait_ready retries what raises).
    The MariaDB password goes on stdin: another user could read it in the command line."""
    done = subprocess.run([python, "-IB", os.path.realpath(__file__), "seed", service], user=uid, group=uid,
                          extra_groups=[], env=ENV, cwd="/", input=json.dumps({"password": password}).encode(),
                          capture_output=True)
    message = done.stdout.decode("utf-8", "replace").strip()
    if done.returncode == SEED_NOT_READY:
        raise ConnectionError(message)  # wait_ready tries again
    if done.returncode == SEED_FAILED:
        return message
    if done.returncode != 0:
        raise ServiceError(f"preparing the database failed (exit code {done.returncode})")
    return None


def _start_redis():
    try:
        directory(REDIS_HOME, 0o755, 0, 0)
        directory(f"{REDIS_HOME}/data", 0o700, SERVER_UID, SERVER_UID)
        directory(f"{REDIS_HOME}/run", 0o711, SERVER_UID, SERVER_UID)
    except OSError as err:
        raise ServiceError(f"could not prepare Redis's directories: {err}") from None
    # The configuration on stdin (`-`): no file of it for anyone to change.
    server = subprocess.Popen(["/usr/bin/redis-server", "-"], user=SERVER_UID, group=SERVER_UID, extra_groups=[],
                              env=ENV, cwd="/", stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, start_new_session=True)
    server.stdin.write(REDIS_CONFIG.encode())
    server.stdin.close()
    return server


def _ping_postgres():
    import psycopg2

    psycopg2.connect(host=SOCKET_DIR, port=PORT, user=ADMIN, dbname="template1").close()


def _ping_mariadb():
    import pymysql

    pymysql.connect(unix_socket=maria_server.SOCKET, user=MARIA_ADMIN).close()


def _ping_redis():
    with socket.socket(socket.AF_UNIX) as conn:
        conn.settimeout(1)
        conn.connect(REDIS_SOCKET)
        conn.sendall(b"PING\r\n")
        if not conn.recv(16).startswith(b"+PONG"):
            raise ConnectionError("Redis did not answer PONG")


def seed_postgres():
    """The tests' user's side: the database, the solution's role, the seed. Exit codes say whose failure."""
    import psycopg2

    try:
        admin = psycopg2.connect(host=SOCKET_DIR, port=PORT, user=ADMIN, dbname="template1")
    except psycopg2.Error as err:
        print(err)
        return SEED_NOT_READY
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f"CREATE ROLE {APP} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT {APP_CONNECTIONS}")
        cur.execute(f"CREATE DATABASE {DATABASE} OWNER {ADMIN} TEMPLATE template0")
    admin.close()
    conn = psycopg2.connect(host=SOCKET_DIR, port=PORT, user=ADMIN, dbname=DATABASE)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE EXTENSION pg_stat_statements")
        # The solution's role may connect and use what the seed grants it, and create nothing.
        cur.execute(f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC; GRANT CONNECT ON DATABASE {DATABASE} TO {APP}")
        cur.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        if os.path.exists(SEED):
            with open(SEED, encoding="utf-8") as file:
                script = file.read()
            try:
                cur.execute(script)
            except psycopg2.Error as err:
                print(f"{SEED.rsplit('/', 1)[1]}: {err}".strip())
                return SEED_FAILED
        cur.execute("SELECT pg_stat_statements_reset()")  # the seed's statements are no solution's load
    return 0


def seed_mariadb():
    """The same for MariaDB, as its administrator (the tests' OS user, by the unix_socket plugin)."""
    import pymysql
    from pymysql.constants import CLIENT

    password = json.load(sys.stdin)["password"]
    try:
        admin = pymysql.connect(unix_socket=maria_server.SOCKET, user=MARIA_ADMIN,
                                autocommit=True, client_flag=CLIENT.MULTI_STATEMENTS)
    except pymysql.Error as err:
        print(err)
        return SEED_NOT_READY
    with admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE {DATABASE}")
        # Nothing but what the seed grants it (no FILE: no LOAD_FILE, INTO OUTFILE or LOAD DATA).
        cur.execute(f"CREATE USER {APP}@localhost IDENTIFIED BY %s WITH MAX_USER_CONNECTIONS {MARIA_APP_CONNECTIONS}",
                    (password,))
        cur.execute(f"USE {DATABASE}")
        if os.path.exists(MARIA_SEED):
            with open(MARIA_SEED, encoding="utf-8") as file:
                script = file.read()
            try:
                cur.execute(script)
                while cur.nextset():  # an error in a later statement surfaces here
                    pass
            except pymysql.Error as err:
                print(f"{MARIA_SEED.rsplit('/', 1)[1]}: {err.args[-1]}")
                return SEED_FAILED
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["seed"]:
    sys.exit({"postgres": seed_postgres, "mariadb": seed_mariadb}[sys.argv[2]]())

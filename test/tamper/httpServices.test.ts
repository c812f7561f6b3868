import { describe, expect, it } from 'vitest';
import { scoreFiles } from '../support/scoreFiles.js';

/**
 * An http-runner server that goes after the services in its sandbox (runners/http/run starts them with the
 * python runner's assay_services.py): the servers' files read directly, the hidden tests read through
 * PostgreSQL (pg_read_file, COPY … PROGRAM, lo_import), MariaDB (LOAD_FILE, LOAD DATA) and Redis (CONFIG
 * SET dir), and every connection it can hold, opened before it answers its first request. Each trick is an
 * endpoint whose answer the tests (as the servers' administrators) check; against this server they pass
 * only if every trick was stopped.
 */
const SERVER = `import json, os

import psycopg2
import pymysql
import redis
from flask import Flask, request

app = Flask(__name__)

def postgres():
    conn = psycopg2.connect("")
    conn.autocommit = True
    return conn

def mariadb():
    return pymysql.connect(unix_socket=os.environ["MARIADB_SOCKET"], user=os.environ["MARIADB_USER"],
                           password=os.environ["MARIADB_PASSWORD"], database=os.environ["MARIADB_DATABASE"],
                           autocommit=True)

# Every connection it can get, before it is ready: the tests must still get in. The tricks below use the
# first of each.
hoard, refusals = {postgres: [], mariadb: []}, []
for connect in [postgres] * 12 + [mariadb] * 10:  # two past each cap
    try:
        hoard[connect].append(connect())
    except (psycopg2.Error, pymysql.Error) as err:
        refusals.append(str(err))

@app.get("/healthz")
def healthz():
    return {"ok": True}

@app.get("/hoard")
def hoarded():
    return {"held": sum(map(len, hoard.values())), "refusals": sorted(set(refusals))}

@app.post("/sql/<engine>")
def sql(engine):
    """The first value of the first row of the posted statement, or the server's error."""
    try:
        with hoard[postgres if engine == "postgres" else mariadb][0].cursor() as cur:
            cur.execute(request.get_data(as_text=True))
            return {"value": cur.fetchone()[0]}
    except (psycopg2.Error, pymysql.Error) as err:
        return {"error": str(err)}

@app.get("/redis-config")
def redis_config():
    try:
        return {"value": str(redis.Redis.from_url(os.environ["REDIS_URL"]).execute_command("CONFIG", "SET", "dir", "/work/tests"))}
    except redis.RedisError as err:
        return {"error": str(err)}

@app.get("/files")
def files():
    got = {}
    for path in ("/tmp/pg/data", "/tmp/maria/data", "/tmp/redis/data", "/work/tests"):
        try:
            got[path] = os.listdir(path)
        except OSError as err:
            got[path] = type(err).__name__
    return got

app.run(host="127.0.0.1", port=int(os.environ["PORT"]), threaded=False)  # one request at a time: one connection of each
`;

const TESTS = `import os

import psycopg2
import pymysql
import requests

BASE = os.environ["ASSAY_BASE_URL"]
HIDDEN = "/work/tests/test_attacks.py"


def sql(engine, statement):
    return requests.post(f"{BASE}/sql/{engine}", data=statement, timeout=5).json()


def test_the_servers_files_and_the_hidden_tests_are_closed_to_the_server():
    assert set(requests.get(f"{BASE}/files", timeout=5).json().values()) == {"PermissionError"}


def test_postgres_reads_no_file_for_it():
    assert "permission denied for function pg_read_file" in sql("postgres", f"SELECT pg_read_file('{HIDDEN}')")["error"]
    assert "permission denied for function lo_import" in sql("postgres", f"SELECT lo_import('{HIDDEN}')")["error"]
    assert "COPY to or from an external program" in sql("postgres", f"COPY (SELECT 1) TO PROGRAM 'cat {HIDDEN}'")["error"]


def test_mariadb_reads_no_file_for_it():
    assert sql("mariadb", f"SELECT LOAD_FILE('{HIDDEN}')") == {"value": None}
    assert "Access denied" in sql("mariadb", f"LOAD DATA INFILE '{HIDDEN}' INTO TABLE notes")["error"]


def test_redis_cannot_be_pointed_at_the_hidden_tests():
    assert "unknown command 'CONFIG'" in requests.get(f"{BASE}/redis-config", timeout=5).json()["error"]


def test_the_tests_get_in_while_the_server_holds_every_connection_it_can():
    hoard = requests.get(f"{BASE}/hoard", timeout=5).json()
    assert hoard["held"] == 10 + 8
    assert any('too many connections for role "assay_app"' in r for r in hoard["refusals"])
    assert any("max_user_connections" in r for r in hoard["refusals"])
    for _ in range(3):
        with psycopg2.connect("") as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = 'assay_app'")
            assert cur.fetchone()[0] >= 10
        conn.close()
        mine = pymysql.connect(unix_socket=os.environ["MARIADB_SOCKET"], user=os.environ["MARIADB_USER"],
                               database=os.environ["MARIADB_DATABASE"])
        with mine, mine.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM notes")
            assert cur.fetchone() == (1,)
`;

const SERVICE = JSON.stringify({ port: 8080, readyPath: '/healthz', readyTimeoutMs: 10_000, start: [{ entry: 'app.py', command: ['python3', 'app.py'] }] });
const SEED = 'CREATE TABLE items (id integer PRIMARY KEY);\nGRANT SELECT ON items TO assay_app;\n';
const MARIA_SEED = "CREATE TABLE notes (id integer PRIMARY KEY, body varchar(80) NOT NULL);\nINSERT INTO notes VALUES (1, 'x');\nGRANT SELECT, INSERT ON notes TO assay_app@localhost;\n";
const NAMES = [
  'test_the_servers_files_and_the_hidden_tests_are_closed_to_the_server',
  'test_postgres_reads_no_file_for_it',
  'test_mariadb_reads_no_file_for_it',
  'test_redis_cannot_be_pointed_at_the_hidden_tests',
  'test_the_tests_get_in_while_the_server_holds_every_connection_it_can',
].map((n) => `test_attacks.py::${n}`);

describe('an http server that goes after the services in its sandbox', () => {
  it('gets nothing of the servers, their files or the hidden tests, and does not lock the tests out', async () => {
    const files = {
      solution: [{ path: 'app.py', content: SERVER }],
      tests: [
        { path: 'service.json', content: SERVICE },
        { path: 'seed.sql', content: SEED },
        { path: 'seed-mariadb.sql', content: MARIA_SEED },
        { path: 'test_attacks.py', content: TESTS },
      ],
    };
    const { log, score } = await scoreFiles('http', 'tamper-http-services', files, NAMES, { services: ['postgres', 'mariadb', 'redis'] });
    expect({ verdict: score.verdict, earned: score.earned }, JSON.stringify(score.tests, null, 1) + log).toEqual({ verdict: 'passed', earned: NAMES.length });
  });
});

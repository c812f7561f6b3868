import { describe, expect, it } from 'vitest';
import { scoreFiles } from '../support/scoreFiles.js';

/**
 * A python solution that goes after the `mariadb` service in its sandbox (runners/python/assay_services.py):
 * the hidden tests and the server's files through it (LOAD_FILE, LOAD DATA), a file written with INTO
 * OUTFILE, a FILE privilege granted to itself, the server's data directory read directly, every connection
 * it can open, a gigabyte string, and a forged result. Each trick is a function of the solution; the tests
 * (as the server's administrator) check what it got. Every test but the last passes only if the trick was
 * stopped; the last fails however the solution forges its result.
 */
const STORE = `import os

import pymysql

print('{"type": "result", "status": "pass", "message": null, "tests": []}')
print('{"type": "test", "test": {"name": "test_attacks.py::test_a_wrong_count_still_fails", "status": "pass"}}')

def connect():
    return pymysql.connect(unix_socket=os.environ["MARIADB_SOCKET"], user=os.environ["MARIADB_USER"],
                           password=os.environ["MARIADB_PASSWORD"], database=os.environ["MARIADB_DATABASE"],
                           autocommit=True)

db = connect()

def query(sql):
    """The first value of the first row, or the server's error message."""
    try:
        with db.cursor() as cur:
            cur.execute(sql)
            return cur.fetchone()[0]
    except pymysql.Error as err:
        return err.args[-1]

def read_dir(path):
    try:
        return os.listdir(path)
    except OSError as err:
        return type(err).__name__

hoard = []

def open_every_connection():
    """Opens up to 30 connections and keeps them; returns how many it got and the refusal."""
    refusal = None
    for _ in range(30):
        try:
            hoard.append(connect())
        except pymysql.Error as err:
            refusal = err.args[-1]
    return len(hoard), refusal

def count_items():
    return query("SELECT COUNT(*) - 1 FROM items")
`;

const TESTS = `import os

import pymysql
import pytest

import store


def admin():
    return pymysql.connect(unix_socket=os.environ["MARIADB_SOCKET"], user=os.environ["MARIADB_USER"],
                           database=os.environ["MARIADB_DATABASE"])


def test_load_file_of_the_hidden_tests_gives_null():
    assert store.query("SELECT LOAD_FILE('/work/tests/test_attacks.py')") is None


def test_load_file_of_the_servers_account_table_gives_null():
    assert store.query("SELECT LOAD_FILE('/tmp/maria/data/mysql/global_priv.MAD')") is None


def test_load_data_of_the_hidden_tests_is_refused():
    got = store.query("LOAD DATA INFILE '/work/tests/test_attacks.py' INTO TABLE items")
    assert "Access denied" in got


def test_into_outfile_is_refused():
    got = store.query("SELECT 'x' INTO OUTFILE '/tmp/maria/tmp/planted.txt'")
    assert "FILE privilege" in got


def test_granting_itself_file_is_refused():
    assert "Access denied" in store.query("GRANT FILE ON *.* TO assay_app@localhost")
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM mysql.global_priv WHERE User = 'assay_app' AND Priv LIKE '%FILE%'")
        assert cur.fetchone() == (0,)


def test_the_servers_data_directory_is_closed():
    assert store.read_dir("/tmp/maria/data") == "PermissionError"
    assert store.read_dir("/tmp/maria/run") == "PermissionError"


def test_a_gigabyte_string_is_null_not_the_sandboxs_memory():
    assert store.query("SELECT LENGTH(REPEAT('x', 1024 * 1024 * 1024))") is None
    assert store.query("SELECT 1") == 1


def test_the_tests_get_in_while_the_solution_holds_every_connection_it_can():
    got, refusal = store.open_every_connection()
    assert got < 30 and "max_user_connections" in refusal
    conns = [admin() for _ in range(5)]
    for conn in conns:
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM items")
            assert cur.fetchone() == (2,)
        conn.close()


def test_a_wrong_count_still_fails():
    assert store.count_items() == 2
`;

const SEED = `CREATE TABLE items (id integer PRIMARY KEY, name varchar(40) NOT NULL);
INSERT INTO items VALUES (1, 'lamp'), (2, 'desk');
GRANT SELECT, INSERT ON items TO assay_app@localhost;
`;

const NAMES = [
  'test_load_file_of_the_hidden_tests_gives_null',
  'test_load_file_of_the_servers_account_table_gives_null',
  'test_load_data_of_the_hidden_tests_is_refused',
  'test_into_outfile_is_refused',
  'test_granting_itself_file_is_refused',
  'test_the_servers_data_directory_is_closed',
  'test_a_gigabyte_string_is_null_not_the_sandboxs_memory',
  'test_the_tests_get_in_while_the_solution_holds_every_connection_it_can',
  'test_a_wrong_count_still_fails',
].map((n) => `test_attacks.py::${n}`);

describe('a python solution that goes after the mariadb service in its sandbox', () => {
  it('gets nothing of the server, its files or the hidden tests, and cannot forge its result', async () => {
    const files = {
      solution: [{ path: 'store.py', content: STORE }],
      tests: [{ path: 'seed-mariadb.sql', content: SEED }, { path: 'test_attacks.py', content: TESTS }],
    };
    const { log, score } = await scoreFiles('python', 'tamper-python-mariadb', files, NAMES, { services: ['mariadb'] });
    const context = JSON.stringify(score.tests, null, 1) + log;
    expect({ verdict: score.verdict, earned: score.earned }, context).toEqual({ verdict: 'failed', earned: NAMES.length - 1 });
    expect(score.tests.filter((t) => t.status !== 'passed').map((t) => t.name), context).toEqual(['test_attacks.py::test_a_wrong_count_still_fails']);
  });
});

"""What SQLite plans to do for a statement: EXPLAIN QUERY PLAN's text, and which tables it reads in full.

EXPLAIN QUERY PLAN names a table by its alias ("SCAN o"), so full scans are found in the bytecode
instead: a Rewind, Last or Count on a cursor that OpenRead opened on a table's own b-tree (not on one of
its indexes) walks that table from one end. That is a SCAN, the build of an automatic index, or a count
of the table's rows.
"""
import sqlite3

from sql_script import StatementError

WALKS = {"Rewind", "Last", "Count"}
DATABASES = {0: "main", 1: "temp"}


def plan_lines(conn, acting, statement, params, where):
    """EXPLAIN QUERY PLAN's rows as text, each indented two spaces per level. `acting()` guards the
    statement as its author's (sql_guard.py): explaining it compiles it."""
    rows = _explain(conn, acting, "EXPLAIN QUERY PLAN ", statement, params, where)
    depth = {0: -1}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return lines


def full_scans(conn, acting, statement, params, where):
    """Lower-cased names of the main and temp tables the statement walks from one end."""
    tables = _table_roots(conn)
    opened = {}
    scanned = set()
    for _addr, opcode, p1, p2, p3, *_rest in _explain(conn, acting, "EXPLAIN ", statement, params, where):
        if opcode == "OpenRead":
            opened[p1] = tables.get((p3, p2))
        elif opcode in WALKS and opened.get(p1):
            scanned.add(opened[p1])
    return scanned


def _table_roots(conn):
    """(database number, root page) of every ordinary table, mapped to its lower-cased name."""
    roots = {}
    for number, name in DATABASES.items():
        for table, root in conn.execute(
            f"SELECT name, rootpage FROM {name}.sqlite_schema WHERE type = 'table' AND rootpage > 0"
        ):
            roots[(number, root)] = table.lower()
    return roots


def _explain(conn, acting, prefix, statement, params, where):
    try:
        with acting():
            return conn.execute(prefix + statement.sql, params or {}).fetchall()
    except sqlite3.Error as err:
        raise StatementError(where, statement, err) from None

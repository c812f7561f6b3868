"""Running statements on PostgreSQL (psycopg2), as sql_script.run_statements does on SQLite; run_on_server
is the part MariaDB's (maria_script.py) shares."""
import datetime
import decimal
import json
import re
import threading

import psycopg2

from sql_lexer import CODE, segments
from sql_script import StatementError

# A case's named parameter (:name, as SQLite binds it), but never a cast (::type).
PARAM = re.compile(r"(?<![:\w]):([A-Za-z_][A-Za-z0-9_]*)")


def run_pg_statements(conn, statements, where, params=None, deadline_s=None, max_rows=None):
    """Runs the statements in order; returns (columns, rows) of the last one (columns None if it has none).

    deadline_s: seconds after which the harness cancels the running statement (SQLSTATE 57014) from
    another thread: unlike statement_timeout, no SQL can turn that off.
    max_rows: reads at most this many rows plus one, so the caller can tell the result was cut.
    """
    return run_on_server(conn, statements, where, params, deadline_s, max_rows, engine="postgres", cancel=conn.cancel,
                         driver_error=psycopg2.Error, wrap=_Error, column=lambda d: d.name)


def run_on_server(conn, statements, where, params, deadline_s, max_rows, *, engine, cancel, driver_error, wrap, column):
    """Statements through a DB-API driver, for both server engines: cancel() (from a timer's thread) stops
    the running one at deadline_s; the driver's errors become StatementError(wrap(err)); column(d) names a
    column of cursor.description."""
    timer = threading.Timer(deadline_s, cancel) if deadline_s is not None else None
    if timer:
        timer.start()
    try:
        columns, rows = None, []
        for index, statement in enumerate(statements):
            try:
                with conn.cursor() as cursor:
                    cursor.execute(*_bound(statement.sql, params, engine))
                    if index == len(statements) - 1 and cursor.description:
                        columns = [column(d) for d in cursor.description]
                        fetched = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows + 1)
                        rows = [tuple(plain(v) for v in row) for row in fetched]
            except driver_error as err:
                raise StatementError(where, statement, wrap(err)) from None
            except KeyError as err:  # a :name the case gives no value
                raise StatementError(where, statement, ValueError(f"no value for the parameter :{err.args[0]}")) from None
        return columns, rows
    finally:
        if timer:
            timer.cancel()


def _bound(sql, params, engine):
    """The driver's pyformat: every % doubled, and :name as %(name)s where it is code, not in a string, a
    quoted name or a comment."""
    if not params:
        return (sql,)
    pieces = []
    for kind, start, end in segments(sql, engine):
        piece = sql[start:end].replace("%", "%%")
        pieces.append(PARAM.sub(r"%(\1)s", piece) if kind == CODE else piece)
    return ("".join(pieces), params)


def plain(value):
    """A value as the cases compare it (sql_compare.py): numbers, text, None, bytes."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, (list, dict)):  # json, jsonb and arrays, as JSON text
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


class _Error(Exception):
    """psycopg2's error as the messages show it: its first line and the server's hint, and its SQLSTATE."""

    def __init__(self, err):
        self.pgcode = err.pgcode
        # No SQLSTATE: the server never answered, it ended the connection.
        self.lost = err.pgcode is None and isinstance(err, psycopg2.DatabaseError)
        # The CONTEXT line of a refusal names the harness's own policy function: not the candidate's business.
        text = "\n".join(line for line in (err.pgerror or str(err)).strip().splitlines()
                          if not line.startswith("CONTEXT:"))
        # psycopg2 puts "ERROR:  " before the server's message.
        super().__init__(text.removeprefix("ERROR:").strip() + (f" (SQLSTATE {err.pgcode})" if err.pgcode else ""))

"""Running statements on MariaDB (PyMySQL), as pg_script.py does on PostgreSQL: the same binding of :name
parameters and the same plain values."""
import threading

import pymysql
import pymysql.err

from pg_script import _bound, plain
from sql_script import StatementError





def _keeping_sqlstate(data):
    """pymysql.err.raise_mysql_exception, but keeping the SQLSTATE the server sent (PyMySQL drops it)."""
    try:
        pymysql.err._original_raise(data)
    except pymysql.err.MySQLError as err:
        err.sqlstate = data[4:9].decode("ascii", "replace") if data[3:4] == b"#" else None
        raise


if not hasattr(pymysql.err, "_original_raise"):
    pymysql.err._original_raise = pymysql.err.raise_mysql_exception
    pymysql.err.raise_mysql_exception = _keeping_sqlstate


def run_maria_statements(conn, statements, where, params=None, deadline_s=None, max_rows=None, kill=None):
    """Runs the statements in order; returns (columns, rows) of the last one (columns None if it has none).

    deadline_s: seconds after which kill() (the admin's KILL QUERY of this connection, from another
    thread) stops the running statement: unlike max_statement_time, no SQL can turn that off.
    max_rows: reads at most this many rows plus one, so the caller can tell the result was cut.
    """
    timer = threading.Timer(deadline_s, kill) if deadline_s is not None else None
    if timer:
        timer.start()
    try:
        columns, rows = None, []
        for index, statement in enumerate(statements):
            try:
                with conn.cursor() as cursor:
                    cursor.execute(*_bound(statement.sql, params))
                    if index == len(statements) - 1 and cursor.description:
                        columns = [d[0] for d in cursor.description]
                        fetched = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows + 1)
                        rows = [tuple(plain(v) for v in row) for row in fetched]
            except pymysql.err.MySQLError as err:
                raise StatementError(where, statement, MariaError(err)) from None
            except KeyError as err:  # a :name the case gives no value
                raise StatementError(where, statement, ValueError(f"no value for the parameter :{err.args[0]}")) from None
        return columns, rows
    finally:
        if timer:
            timer.cancel()


class MariaError(Exception):
    """PyMySQL's error as the messages show it, with the server's error number and SQLSTATE."""

    def __init__(self, err):
        number = err.args[0] if err.args and isinstance(err.args[0], int) else None
        # 2000-2999 are the client's own (CR_SERVER_LOST, …): the server never answered.
        self.maria_code = str(number) if number and not 2000 <= number < 3000 else None
        self.sqlstate = getattr(err, "sqlstate", None)
        self.lost = self.maria_code is None
        text = err.args[1] if len(err.args) > 1 else str(err)
        super().__init__(f"{text} (error {self.maria_code}, SQLSTATE {self.sqlstate})" if self.maria_code else text)



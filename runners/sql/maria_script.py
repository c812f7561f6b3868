"""Running statements on MariaDB (PyMySQL), as pg_script.py does on PostgreSQL: the same binding of :name
parameters and the same plain values."""
import pymysql
import pymysql.err

from pg_script import run_on_server


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
    return run_on_server(conn, statements, where, params, deadline_s, max_rows, engine="mariadb", cancel=kill,
                         driver_error=pymysql.err.MySQLError, wrap=MariaError, column=lambda d: d[0])


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



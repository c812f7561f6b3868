"""SQL text as statements, and running them with errors that say which file and line failed."""
import sqlite3
import time
from dataclasses import dataclass

from sql_lexer import CODE, COMMENT, segments

# sqlite3's generic code: the statement did not compile (syntax error, unknown table or column, …).
COMPILE_ERROR = "SQLITE_ERROR"
# PostgreSQL's SQLSTATE classes of a statement that never ran: 42 (syntax, unknown names, privileges), 0A
# (not supported), 26 (a prepared statement), 3F (a schema); 57014: the statement was cancelled.
PG_COMPILE_CLASSES = ("42", "0A", "26", "3F")
PG_CANCELLED = "57014"


@dataclass(frozen=True)
class Statement:
    sql: str
    line: int  # 1-based line of the statement's first token in its source


class StatementError(Exception):
    """A statement failed. `error` is sqlite3's or psycopg2's exception; `where` names the source, step and
    line."""

    def __init__(self, where, statement, error):
        self.where = where
        self.statement = statement
        self.error = error
        super().__init__(f"{where}, statement at line {statement.line}: {error}")

    @property
    def code(self):
        """SQLite's extended result code's name (SQLITE_CONSTRAINT_CHECK, …), PostgreSQL's SQLSTATE
        (23514, …) or MariaDB's error number (4025, …); None for a binding mistake."""
        return (getattr(self.error, "sqlite_errorname", None) or getattr(self.error, "pgcode", None)
                or getattr(self.error, "maria_code", None))

    @property
    def codes(self):
        """The codes an expectError may name: the code, and on MariaDB its SQLSTATE too."""
        return tuple(c for c in (self.code, getattr(self.error, "sqlstate", None)) if c)

    @property
    def compiled(self):
        """Whether the statement compiled and failed while running (a constraint, RAISE(), …)."""
        state = getattr(self.error, "pgcode", None) or (self.code and getattr(self.error, "sqlstate", None))
        if state:  # PostgreSQL's classes of a statement that never ran are MariaDB's too (42000, 42S02, …)
            return not state.startswith(PG_COMPILE_CLASSES)
        return self.code not in (None, COMPILE_ERROR)

    @property
    def interrupted(self):
        return self.code in ("SQLITE_INTERRUPT", PG_CANCELLED, "1317", "1969")


class Meter:
    """Counts the work a statement does: SQLite calls the progress handler, set to 1, at each step of its
    virtual machine that may loop (about one per row a loop visits). Past the budget it interrupts."""

    def __init__(self, budget):
        self.budget = budget
        self.steps = 0

    def __call__(self):
        self.steps += 1
        return self.steps > self.budget


def split_statements(text, engine="sqlite"):
    """Statements of a script, in order; comments and blank statements are dropped.

    On SQLite, sqlite3.complete_statement knows its quoting, comments and CREATE TRIGGER … END, so a `;`
    inside any of them does not end a statement; the servers' own quoting is sql_lexer's.
    """
    if engine != "sqlite":
        return _split_server(text, engine)
    statements = []
    start = pos = 0
    while (semicolon := text.find(";", pos)) != -1:
        pos = semicolon + 1
        if sqlite3.complete_statement(text[start:pos]):
            _append(statements, text, start, pos)
            start = pos
    _append(statements, text, start, len(text))
    return statements


def _split_server(text, engine):
    statements = []
    start = None  # the current statement's first character that is neither space nor comment
    lines = Lines(text)
    for kind, begin, end in segments(text, engine):
        if kind == COMMENT:
            continue
        if kind != CODE:
            start = begin if start is None else start
            continue
        i = begin
        while i < end:
            if start is None:
                while i < end and text[i].isspace():
                    i += 1
                if i == end:
                    break
                if text[i] != ";":
                    start = i
            semicolon = text.find(";", i, end)
            if semicolon == -1:
                break
            if start is not None:
                statements.append(Statement(text[start:semicolon + 1], lines.of(start)))
            start, i = None, semicolon + 1
    if start is not None:
        statements.append(Statement(text[start:], lines.of(start)))
    return statements


class Lines:
    """1-based line numbers of increasing positions in a text, counting each newline once."""

    def __init__(self, text):
        self.text, self.pos, self.line = text, 0, 1

    def of(self, pos):
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _append(statements, text, start, end):
    code = _code_start(text, start, end)
    if code is None or text[code:end].strip() == ";":
        return
    statements.append(Statement(text[code:end], text.count("\n", 0, code) + 1))


def _code_start(text, start, end):
    """Index of the first character that is neither whitespace nor a comment, or None."""
    i = start
    while i < end:
        if text[i].isspace():
            i += 1
        elif text.startswith("--", i):
            newline = text.find("\n", i, end)
            i = end if newline == -1 else newline + 1
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2, end)
            i = end if close == -1 else close + 2
        else:
            return i
    return None


def run_statements(conn, statements, where, params=None, deadline=None, meter=None, max_rows=None):
    """Runs the statements in order; returns (columns, rows) of the last one (columns None if it has none).

    deadline: a time.perf_counter() value past which SQLite interrupts the statement (SQLITE_INTERRUPT).
    meter: a Meter counting the statements' steps, which interrupts them past its budget.
    max_rows: reads at most this many rows plus one, so the caller can tell the result was cut.
    """
    if meter is not None:
        conn.set_progress_handler(meter, 1)
    elif deadline is not None:
        # Checked every 10,000 virtual-machine steps: well under a millisecond.
        conn.set_progress_handler(lambda: time.perf_counter() > deadline, 10_000)
    try:
        columns, rows = None, []  # what an empty list of statements returns
        for index, statement in enumerate(statements):
            last = index == len(statements) - 1
            try:
                cursor = conn.execute(statement.sql, params or {})
                if last:
                    columns = [d[0] for d in cursor.description] if cursor.description else None
                    rows = _read(cursor, max_rows)
                else:
                    for _ in cursor:
                        pass
            except sqlite3.Error as err:
                raise StatementError(where, statement, err) from None
        return columns, rows
    finally:
        if meter is not None or deadline is not None:
            conn.set_progress_handler(None, 0)


def _read(cursor, max_rows):
    if max_rows is None:
        return cursor.fetchall()
    rows = []
    while len(rows) <= max_rows:
        batch = cursor.fetchmany(1000)
        if not batch:
            break
        rows.extend(batch)
    return rows[: max_rows + 1]


class Savepoint:
    """Runs a block inside a savepoint and undoes it, so a query can be run again on the same data."""

    def __init__(self, conn):
        self._conn = conn

    def __enter__(self):
        self._conn.execute("SAVEPOINT assay_run")
        return self

    def __exit__(self, *exc):
        self._conn.execute("ROLLBACK TO assay_run")
        self._conn.execute("RELEASE assay_run")
        return False

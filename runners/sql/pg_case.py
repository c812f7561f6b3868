"""Runs one case on a server engine (`postgres`, `mariadb`), on its own fresh database, and judges it as
sql_case.py does on SQLite: `pass`, `fail` when the SQL ran and a check disagreed, `error` when it could
not run.

The engine's case database (pg_database.py, maria_database.py) runs statements (`run`), explains them
(`plan`) and gives the connection a migration runs on under its policy (`migrating`). The candidate's
queries run as the reader; a query is only a SELECT (WITH, VALUES, TABLE): SET, DO, transactions and the
like are refused, so a query cannot change the planner's settings or outlive its case.
"""
import re

from sql_case import Outcome, expected_error, judged, timed
from sql_cases import MAX_ROWS
from sql_script import StatementError
from sql_sources import SourceError

QUERY_START = re.compile(r"^\(*\s*(SELECT|WITH|VALUES|TABLE)\b", re.IGNORECASE)
# What a migration's statement may begin with; the event trigger then holds its DDL to migrationMay. Not
# the owner's other powers over its tables, which no trigger sees: CLUSTER or VACUUM FULL (which would
# reorder a table so that a wrong index reads fewer pages), COPY, SET, DO, transactions.
MIGRATION_START = re.compile(r"^\(*\s*(CREATE|DROP|ALTER|INSERT|UPDATE|DELETE|ANALYZE|SELECT|WITH)\b", re.IGNORECASE)


class Refused(Exception):
    pass


def run_pg_case(case, databases):
    db = databases.fresh(case.seeds, case.migration_may)
    try:
        return _judge(db, case)
    except StatementError as err:
        if db.lost(err):
            return Outcome("error", f"{err.where}: the database server ended the connection while it ran (it "
                                    "does when one of its processes is killed, as the kernel does when the sandbox "
                                    "runs out of memory)", None)
        return Outcome("error", str(err), None)
    except (SourceError, Refused) as err:
        return Outcome("error", str(err), None)
    finally:
        db.close()


def _judge(db, case):
    for step, source in enumerate(case.setup, 1):
        where = f"setup step {step} ({source.label})"
        statements = source.statements(allow_empty=True)
        if source.kind == "solution":
            _refuse_unless(MIGRATION_START, statements, where, "a migration's statement must be a CREATE, DROP, "
                           "ALTER, INSERT, UPDATE, DELETE, ANALYZE or SELECT that migrationMay permits")
            with db.migrating(statements, where) as conn:
                db.run(conn, statements, where)
        else:
            db.run(db.owner, statements, where)
    statements = case.query.statements()
    where = f"query ({case.query.label})"
    conn = db.reader
    if case.query.kind == "solution":
        _refuse_unless(QUERY_START, statements, where, "a query may only read (SELECT, WITH, VALUES or TABLE)")
    else:
        conn = db.owner  # the tests' own SQL may write
    if case.expect_error is not None:
        return _expect_error(db, conn, case, statements, where)

    failures, notes = [], []
    result = None
    if case.plan_must_use or case.plan_must_not_scan or case.max_pages is not None or case.max_rows_read is not None:
        failures += _check_plan(db, conn, case, statements, where, notes)
    if case.max_ms is not None:
        result, too_slow = _timed(db, conn, case, statements, where, notes)
        failures += too_slow
    elif case.expect or case.expect_success:
        result = db.run(conn, statements, where, case.params, max_rows=MAX_ROWS)
    return judged(case, result, failures, notes)


def _refuse_unless(start, statements, where, rule):
    for statement in statements:
        if not start.match(statement.sql):
            raise Refused(f"{where}, statement at line {statement.line}: refused by the runner: {rule}")


def _expect_error(db, conn, case, statements, where):
    # A refusal of the policy is a statement that never ran (42501, 1142, …): never the expected error.
    return expected_error(case, lambda: db.run(conn, statements, where, case.params, max_rows=MAX_ROWS))


def _check_plan(db, conn, case, statements, where, notes):
    """EXPLAIN ANALYZE (ANALYZE on MariaDB) of the query's last statement (it runs it), after the ones before it."""
    if len(statements) > 1:
        db.run(conn, statements[:-1], where, case.params)
    plan = db.plan(conn, statements[-1], case.params, where)
    text = "\n".join(plan.lines).lower()
    failures = [f"the query plan does not mention {needle!r}" for needle in case.plan_must_use
                if needle.lower() not in text]
    failures += [f"the query reads every row of {table} ({plan.full_scan}): an index would let it read only the "
                 "rows it needs" for table in case.plan_must_not_scan if table.lower() in plan.seq_scanned]
    work = f"work: its scans read {plan.rows_read:,} rows and it touched {plan.pages:,} {plan.page_kind} pages"
    if case.max_rows_read is not None and plan.rows_read > case.max_rows_read:
        failures.append(f"too much work: its scans read {plan.rows_read:,} rows, over the budget of "
                        f"{case.max_rows_read:,} (read only the rows you need)")
    if case.max_pages is not None and plan.pages > case.max_pages:
        failures.append(f"too much work: it touched {plan.pages:,} {plan.page_kind} pages, over the budget of "
                        f"{case.max_pages:,}")
    shown = f"query plan ({plan.command}):\n" + "\n".join("  " + line for line in plan.lines)
    (failures if failures else notes).append(shown)
    notes.append(work)
    return failures


def _timed(db, conn, case, statements, where, notes):
    return timed(case.max_ms, lambda _start: db.run(conn, statements, where, case.params,
                                                               deadline_s=case.max_ms / 1000, max_rows=MAX_ROWS),
                 notes)

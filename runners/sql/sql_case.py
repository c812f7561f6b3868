"""Runs one case on its own fresh database and judges it.

A case is `pass` when every check holds, `fail` when the SQL ran and a check disagreed, and `error` when
SQL could not run (a missing file, a syntax error, an unexpected error of a statement).
"""
import math
import sqlite3
import time
from dataclasses import dataclass

from sql_cases import MAX_ROWS
from sql_compare import compare
from sql_plan import full_scans, plan_lines
from sql_script import Savepoint, StatementError, run_statements
from sql_sources import SourceError

TIMED_RUNS = 5


@dataclass(frozen=True)
class Outcome:
    status: str
    message: str | None
    output: str | None


def run_case(case, databases):
    conn = databases.fresh(case.seeds, case.foreign_keys)
    try:
        return _judge(conn, case)
    except (SourceError, StatementError) as err:
        return Outcome("error", str(err), None)
    except sqlite3.Error as err:
        # Only the harness's own savepoints get here: the query ended the transaction they live in.
        return Outcome("error", f"the query broke the harness's transaction ({err}): it must not BEGIN, COMMIT "
                                "or ROLLBACK", None)
    finally:
        conn.close()


def _judge(conn, case):
    for step, source in enumerate(case.setup, 1):
        run_statements(conn, source.statements(allow_empty=True), f"setup step {step} ({source.label})")
    statements = case.query.statements()
    where = f"query ({case.query.label})"
    if case.expect_error is not None:
        return _expect_error(conn, case, statements, where)

    failures, notes = [], []
    if case.plan_must_use or case.plan_must_not_scan:
        failures += _check_plan(conn, case, statements, where, notes)
    result = None
    if case.max_ms is not None:
        result, too_slow = _timed(conn, case, statements, where, notes)
        failures += too_slow
    elif case.expect or case.expect_success:
        # Only then: a case that checks the plan alone explains the query without running it.
        result = run_statements(conn, statements, where, case.params, max_rows=MAX_ROWS)
    if case.expect:
        if result is None:
            failures.insert(0, "the rows were not checked: no run finished within the time budget")
        else:
            columns, rows = result
            failures[:0] = compare(case.expect, columns, rows, cut=len(rows) > MAX_ROWS)
    output = "\n".join(notes) or None
    return Outcome("fail", "\n\n".join(failures), output) if failures else Outcome("pass", None, output)


def _expect_error(conn, case, statements, where):
    wanted = " or ".join(case.expect_error) or "an error"
    try:
        run_statements(conn, statements, where, case.params, max_rows=MAX_ROWS)
    except StatementError as err:
        if case.expect_error:
            expected = any(err.code == c or (err.code or "").startswith(c + "_") for c in case.expect_error)
        else:
            expected = err.compiled
        if expected:
            return Outcome("pass", None, f"failed as expected: {err.code}: {err.error}")
        if not err.compiled:
            raise  # it did not even compile: an error, not a wrong answer
        return Outcome("fail", f"expected {wanted}, got {err.code}: {err}", None)
    return Outcome("fail", f"expected the query to fail with {wanted}, but it succeeded", None)


def _check_plan(conn, case, statements, where, notes):
    lines, scanned = [], set()
    # Each statement is explained in the state the ones before it leave; then all of it is undone.
    with Savepoint(conn):
        for index, statement in enumerate(statements):
            lines += plan_lines(conn, statement, case.params, where)
            scanned |= full_scans(conn, statement, case.params, where)
            if index < len(statements) - 1:
                run_statements(conn, [statement], where, case.params)
    plan = "query plan:\n" + "\n".join("  " + line for line in lines)
    text = "\n".join(lines).lower()
    failures = [f"the query plan does not mention {needle!r}" for needle in case.plan_must_use
                if needle.lower() not in text]
    failures += [f"the query reads every row of {table} (a full scan): an index would let it read only the rows "
                 "it needs" for table in case.plan_must_not_scan if table.lower() in scanned]
    (failures if failures else notes).append(plan)
    return failures


def _timed(conn, case, statements, where, notes):
    """Runs the query up to TIMED_RUNS times, each undone afterwards and stopped at the budget.

    Returns the result of the first run that finished (or None) and the failures: the median run must
    finish within the budget. Stops early once most runs have missed it, so a slow query costs at most
    three budgets.
    """
    budget = case.max_ms
    durations, result = [], None
    while len(durations) < TIMED_RUNS and sum(d > budget for d in durations) <= TIMED_RUNS // 2:
        with Savepoint(conn):
            start = time.perf_counter()
            try:
                got = run_statements(conn, statements, where, case.params, deadline=start + budget / 1000,
                                     max_rows=MAX_ROWS)
            except StatementError as err:
                if not err.interrupted:
                    raise
                durations.append(math.inf)
            else:
                durations.append((time.perf_counter() - start) * 1000)
                result = result or got
    runs = ", ".join(f"{d:.1f}" if d != math.inf else f">{budget:g}" for d in durations)
    if len(durations) == TIMED_RUNS and sorted(durations)[TIMED_RUNS // 2] <= budget:
        notes.append(f"time: median {sorted(durations)[TIMED_RUNS // 2]:.1f} ms of {TIMED_RUNS} runs "
                     f"(budget {budget:g} ms; runs: {runs} ms)")
        return result, []
    missed = sum(d > budget for d in durations)
    return result, [f"too slow: {missed} of {len(durations)} runs missed the {budget:g} ms budget, so the median "
                    f"of {TIMED_RUNS} runs cannot meet it (runs: {runs} ms; a run is stopped at the budget)"]

"""Runs one case on its own fresh database and judges it.

A case is `pass` when every check holds, `fail` when the SQL ran and a check disagreed, and `error` when
SQL could not run (a missing file, a syntax error, an unexpected error of a statement).
"""
import math
import sqlite3
import time
from dataclasses import dataclass
from functools import partial

from sql_cases import MAX_ROWS
from sql_compare import compare
from sql_guard import AUTHOR, MIGRATION, QUERY
from sql_plan import full_scans, plan_lines
from sql_script import Meter, Savepoint, StatementError, run_statements
from sql_sources import SourceError

TIMED_RUNS = 5


@dataclass(frozen=True)
class Outcome:
    status: str
    message: str | None
    output: str | None


def run_case(case, databases):
    conn, guard = databases.fresh(case.seeds, case.foreign_keys, case.migration_may)
    try:
        return _judge(conn, guard, case)
    except SourceError as err:
        return Outcome("error", str(err), None)
    except StatementError as err:
        refused = f"\nrefused by the runner: {guard.refusal}" if guard.refusal else ""
        return Outcome("error", f"{err}{refused}", None)
    except sqlite3.Error as err:
        # Only the harness's own savepoints get here: the query ended the transaction they live in.
        return Outcome("error", f"the query broke the harness's transaction ({err}): it must not BEGIN, COMMIT "
                                "or ROLLBACK", None)
    finally:
        conn.close()


def _judge(conn, guard, case):
    for step, source in enumerate(case.setup, 1):
        with guard.acting(MIGRATION if source.kind == "solution" else AUTHOR):
            run_statements(conn, source.statements(allow_empty=True), f"setup step {step} ({source.label})")
    statements = case.query.statements()
    where = f"query ({case.query.label})"
    # The harness's own statements (savepoints, reading the schema) run outside `acting`, unguarded.
    acting = partial(guard.acting, QUERY if case.query.kind == "solution" else AUTHOR)
    if case.expect_error is not None:
        with acting():
            return _expect_error(conn, guard, case, statements, where)

    failures, notes = [], []
    if case.plan_must_use or case.plan_must_not_scan:
        failures += _check_plan(conn, acting, case, statements, where, notes)
    result = None
    if case.max_steps is not None:
        result, too_much = _metered(conn, acting, case, statements, where, notes)
        failures += too_much
    if case.max_ms is not None:
        timed, too_slow = _timed(conn, acting, case, statements, where, notes)
        result = result or timed
        failures += too_slow
    elif (case.expect or case.expect_success) and case.max_steps is None:
        # Only then: a case that checks the plan alone explains the query without running it.
        with acting():
            result = run_statements(conn, statements, where, case.params, max_rows=MAX_ROWS)
    return judged(case, result, failures, notes)


def judged(case, result, failures, notes):
    """The case's outcome from its run's result (None when no run finished), the checks that failed and
    the notes (plan, work, time). Engine-independent: sql_case and pg_case both use it."""
    if case.expect:
        if result is None:
            failures.insert(0, "the rows were not checked: no run finished within its budget")
        else:
            columns, rows = result
            failures[:0] = compare(case.expect, columns, rows, cut=len(rows) > MAX_ROWS)
    output = "\n".join(notes) or None
    return Outcome("fail", "\n\n".join(failures), output) if failures else Outcome("pass", None, output)


def _expect_error(conn, guard, case, statements, where):
    return expected_error(case, lambda: run_statements(conn, statements, where, case.params, max_rows=MAX_ROWS),
                          lambda: guard.refusal)


def expected_error(case, run, refused=lambda: None):
    """Judges a case that expects an error: run() runs the query; refused() says whether the runner refused
    it (never the expected error). Engine-independent: sql_case and pg_case both use it."""
    wanted = " or ".join(case.expect_error) or "an error"
    try:
        run()
    except StatementError as err:
        if refused():
            raise  # the runner refused it: never the expected error
        if case.expect_error:
            expected = any(code == c or code.startswith(c + "_") for c in case.expect_error for code in err.codes)
        else:
            expected = err.compiled
        if expected:
            return Outcome("pass", None, f"failed as expected: {err.code}: {err.error}")
        if not err.compiled:
            raise  # it did not even compile: an error, not a wrong answer
        return Outcome("fail", f"expected {wanted}, got {err.code}: {err}", None)
    return Outcome("fail", f"expected the query to fail with {wanted}, but it succeeded", None)


def _check_plan(conn, acting, case, statements, where, notes):
    lines, scanned = [], set()
    # Each statement is explained in the state the ones before it leave; then all of it is undone.
    with Savepoint(conn):
        for index, statement in enumerate(statements):
            lines += plan_lines(conn, acting, statement, case.params, where)
            scanned |= full_scans(conn, acting, statement, case.params, where)
            if index < len(statements) - 1:
                with acting():
                    run_statements(conn, [statement], where, case.params)
    plan = "query plan:\n" + "\n".join("  " + line for line in lines)
    text = "\n".join(lines).lower()
    failures = [f"the query plan does not mention {needle!r}" for needle in case.plan_must_use
                if needle.lower() not in text]
    failures += [f"the query reads every row of {table} (a full scan): an index would let it read only the rows "
                 "it needs" for table in case.plan_must_not_scan if table.lower() in scanned]
    (failures if failures else notes).append(plan)
    return failures


def _metered(conn, acting, case, statements, where, notes):
    """Runs the query once, counting its steps (sql_script.Meter), undone afterwards.

    Returns its result (None when stopped) and the failures: it must finish within the budget. Unlike
    time, the count depends only on the data and the plan, never on how loaded the machine is.
    """
    meter = Meter(case.max_steps)
    with Savepoint(conn), acting():
        try:
            result = run_statements(conn, statements, where, case.params, meter=meter, max_rows=MAX_ROWS)
        except StatementError as err:
            if not err.interrupted:
                raise
            return None, [f"too much work: stopped after {case.max_steps:,} steps of SQLite's virtual machine, "
                          "its budget (a step is about one row a loop visits: read only the rows you need)"]
    notes.append(f"work: {meter.steps:,} steps of SQLite's virtual machine (budget {case.max_steps:,})")
    return result, []


def _timed(conn, acting, case, statements, where, notes):
    def run_once(start):
        with Savepoint(conn), acting():
            return run_statements(conn, statements, where, case.params, deadline=start + case.max_ms / 1000,
                                  max_rows=MAX_ROWS)
    return timed(case.max_ms, run_once, notes)


def timed(budget, run_once, notes):
    """Runs the query up to TIMED_RUNS times, each undone afterwards and stopped at the budget.

    run_once(start) runs it once, `start` being its time.perf_counter(), and raises an interrupted
    StatementError when stopped. Returns the result of the first run that finished (or None) and the
    failures: the median run must finish within the budget. Stops early once most runs have missed it, so
    a slow query costs at most three budgets. Engine-independent: sql_case and pg_case both use it.
    """
    durations, result = [], None
    while len(durations) < TIMED_RUNS and sum(d > budget for d in durations) <= TIMED_RUNS // 2:
        start = time.perf_counter()
        try:
            got = run_once(start)
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

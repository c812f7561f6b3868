"""Cases files: found under the tests folder, their JSON checked and turned into Case objects.

The format is documented in docs/challenges.md ("SQL tests"). A mistake in a cases file is the author's,
so every problem found is reported at once and no case runs.
"""
import json
import math
import os
import re
from dataclasses import dataclass

from sql_guard import STATEMENT_KINDS
from sql_sources import TESTS, parse_source, test_file

MAX_ROWS = 10_000
MAX_BUDGET_MS = 60_000
MAX_STEPS = 100_000_000
DEFAULT_TOLERANCE = 1e-6
ERROR_CODE = re.compile(r"^SQLITE_[A-Z0-9_]+$")
SQLSTATE = re.compile(r"^[0-9A-Z]{5}$")
ENGINES = ("sqlite", "postgres", "mariadb")
MARIA_ERROR = re.compile(r"^([0-9]{4}|[0-9A-Z]{5})$")  # an error number (4025) or an SQLSTATE (23000)
# Checks only some engines can make: SQLite counts its virtual machine's steps; the servers report the rows
# its scans read and the pages it touched (EXPLAIN ANALYZE).
ENGINE_ONLY = {"maxSteps": ("sqlite",), "foreignKeys": ("sqlite",), "maxRowsRead": ("postgres", "mariadb"),
               "maxPagesRead": ("postgres", "mariadb")}
MAX_WORK = 1_000_000_000
PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

FILE_KEYS = {"description", "seed", "foreignKeys", "setup", "migrationMay", "cases"}
CASE_KEYS = {
    "name", "description", "seed", "setup", "query", "params", "expect", "ordered", "tolerance",
    "expectError", "expectSuccess", "maxMs", "maxSteps", "planMustUse", "planMustNotScan", "maxRowsRead",
    "maxPagesRead",
}
# Checks that look at a successful run; expectError excludes them all.
RUN_CHECKS = ("expect", "expectSuccess", "maxMs", "maxSteps", "planMustUse", "planMustNotScan", "maxRowsRead",
              "maxPagesRead")


class CasesError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Expect:
    columns: list
    rows: list
    ordered: bool
    tolerance: float


@dataclass(frozen=True)
class Case:
    test_name: str  # "<cases file>::<case name>"
    seeds: tuple  # absolute paths of the seed files, run in order
    foreign_keys: bool
    setup: tuple  # Sources run before the query
    migration_may: tuple  # statement kinds (sql_guard.STATEMENT_KINDS) the candidate's setup files may run
    query: object  # the Source under test
    params: dict
    expect: Expect | None
    expect_error: tuple | None  # error code names; () for any error of a statement that compiled
    expect_success: bool
    max_ms: float | None
    max_steps: int | None
    plan_must_use: tuple
    plan_must_not_scan: tuple
    max_rows_read: int | None = None  # postgres: rows its scans may read
    max_pages: int | None = None  # postgres: shared pages it may touch


def is_cases_file(name):
    return name == "cases.json" or name.endswith(".cases.json")


def find_cases_files(tests_dir=TESTS):
    found = []
    for root, dirs, files in os.walk(tests_dir):
        dirs.sort()
        found += [os.path.relpath(os.path.join(root, f), tests_dir) for f in sorted(files) if is_cases_file(f)]
    return found


def load_cases(tests_dir=TESTS, engine="sqlite"):
    """Every case of every cases file, in file then listed order, for the engine; raises CasesError."""
    files = find_cases_files(tests_dir)
    if not files:
        raise CasesError(["no cases file in the tests (cases.json or <name>.cases.json)"])
    cases, problems = [], []
    for rel in files:
        cases += _load_file(tests_dir, rel, problems, engine)
    if problems:
        raise CasesError(problems)
    return cases


def _load_file(tests_dir, rel, problems, engine):
    try:
        with open(os.path.join(tests_dir, rel), encoding="utf-8") as file:
            doc = json.load(file, object_pairs_hook=_no_duplicate_keys)
    except (OSError, ValueError) as err:
        problems.append(f"{rel}: not a valid JSON file: {err}")
        return []
    if not isinstance(doc, dict):
        problems.append(f"{rel}: must be an object with a \"cases\" list")
        return []
    before = len(problems)
    say = lambda message: problems.append(f"{rel}: {message}")  # noqa: E731
    _unknown_keys(doc, FILE_KEYS, say)
    _engine_keys(doc, engine, say)
    cases_dir = os.path.dirname(os.path.join(tests_dir, rel))
    default_seed = ["seed.sql"] if os.path.isfile(os.path.join(cases_dir, "seed.sql")) else []
    seeds = _seeds(doc.get("seed", default_seed), cases_dir, "seed", say)
    foreign_keys = doc.get("foreignKeys", True)
    if not isinstance(foreign_keys, bool):
        say("foreignKeys: must be true or false")
    setup = _sources(doc.get("setup", []), cases_dir, "setup", say, engine)
    migration_may = _migration_may(doc.get("migrationMay", []), say)
    raw_cases = doc.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        say("cases: must be a non-empty list of cases")
        return []
    cases, names = [], set()
    for index, raw in enumerate(raw_cases):
        case = _case(raw, index, rel, cases_dir, (seeds, foreign_keys, setup, migration_may), names, problems,
                     engine)
        if case:
            cases.append(case)
    return cases if len(problems) == before else []


def _case(raw, index, rel, cases_dir, file_defaults, names, problems, engine):
    file_seeds, foreign_keys, file_setup, migration_may = file_defaults
    if not isinstance(raw, dict):
        problems.append(f"{rel}: cases[{index}]: must be an object")
        return None
    name = raw.get("name")
    label = f"cases[{index}]" + (f" ({name})" if isinstance(name, str) else "")
    before = len(problems)
    say = lambda message: problems.append(f"{rel}: {label}: {message}")  # noqa: E731
    _unknown_keys(raw, CASE_KEYS, say)
    _engine_keys(raw, engine, say)
    if not isinstance(name, str) or not name.strip() or name != name.strip() or "::" in name or "\n" in name:
        say("name: must be a non-empty string without surrounding spaces, newlines or \"::\"")
    elif name in names:
        say(f"name: {name!r} is used by another case of this file")
    else:
        names.add(name)
    seeds = _seeds(raw["seed"], cases_dir, "seed", say) if "seed" in raw else file_seeds
    setup = file_setup + _sources(raw.get("setup", []), cases_dir, "setup", say, engine)
    query = None
    if "query" not in raw:
        say("query: missing (the SQL under test)")
    else:
        query = parse_source(raw["query"], cases_dir, say, "query", engine)
    params = _params(raw.get("params", {}), say)
    checks = [key for key in RUN_CHECKS if key in raw]
    expect_error = _expect_error(raw["expectError"], say, engine) if "expectError" in raw else None
    if "expectError" in raw and (checks or "ordered" in raw or "tolerance" in raw):
        say("expectError: cannot be combined with " + ", ".join(checks + [k for k in ("ordered", "tolerance") if k in raw]))
    elif "expectError" not in raw and not checks:
        say("has nothing to check: give expect, expectError, expectSuccess, maxMs, maxSteps, planMustUse, "
            "planMustNotScan, maxRowsRead or maxPagesRead")
    if "expectSuccess" in raw and raw["expectSuccess"] is not True:
        say("expectSuccess: must be true (omit it otherwise)")
    expect = _expect(raw, say) if "expect" in raw else None
    if "expect" not in raw and ("ordered" in raw or "tolerance" in raw):
        say("ordered and tolerance only apply with expect")
    max_ms = raw.get("maxMs")
    if "maxMs" in raw and (not _number(max_ms) or not 0 < max_ms <= MAX_BUDGET_MS):
        say(f"maxMs: must be a number of milliseconds above 0, at most {MAX_BUDGET_MS}")
    max_steps = raw.get("maxSteps")
    if "maxSteps" in raw and (not isinstance(max_steps, int) or isinstance(max_steps, bool)
                              or not 0 < max_steps <= MAX_STEPS):
        say(f"maxSteps: must be a whole number of steps above 0, at most {MAX_STEPS}")
    max_rows_read, max_pages = (_work(raw, key, say) for key in ("maxRowsRead", "maxPagesRead"))
    plan_use = _strings(raw["planMustUse"], "planMustUse", say) if "planMustUse" in raw else []
    plan_scan = _strings(raw["planMustNotScan"], "planMustNotScan", say) if "planMustNotScan" in raw else []
    if len(problems) > before:
        return None
    return Case(
        f"{rel}::{name}", tuple(seeds), foreign_keys, tuple(setup), migration_may, query, params, expect,
        expect_error, raw.get("expectSuccess") is True, max_ms, max_steps, tuple(plan_use), tuple(plan_scan),
        max_rows_read, max_pages,
    )


def _seeds(value, cases_dir, field, say):
    paths = [value] if isinstance(value, str) else value
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        say(f"{field}: must be a seed file name or a list of them")
        return []
    resolved = [test_file(path, cases_dir, say, field) for path in paths]
    return [path for path in resolved if path]


def _sources(value, cases_dir, field, say, engine):
    if not isinstance(value, list):
        say(f"{field}: must be a list of SQL sources")
        return ()
    sources = [parse_source(item, cases_dir, say, f"{field}[{i}]", engine) for i, item in enumerate(value)]
    return tuple(s for s in sources if s)


def _migration_may(value, say):
    if not isinstance(value, list) or not all(isinstance(kind, str) and kind in STATEMENT_KINDS for kind in value):
        say("migrationMay: must be a list of statement kinds, from: " + ", ".join(STATEMENT_KINDS))
        return ()
    return tuple(value)


def _params(value, say):
    if not isinstance(value, dict):
        say("params: must be an object of named parameters")
        return {}
    params = {}
    for key, item in value.items():
        if not PARAM_NAME.match(key):
            say(f"params.{key}: a parameter name is letters, digits and _ (bound as :{key} in the SQL)")
        elif not _scalar(item):
            say(f"params.{key}: must be a string, a finite number, true, false or null")
        else:
            params[key] = int(item) if isinstance(item, bool) else item
    return params


def _expect(raw, say):
    expect = raw["expect"]
    if not isinstance(expect, dict) or set(expect) != {"columns", "rows"}:
        say("expect: must be an object with exactly \"columns\" and \"rows\"")
        return None
    columns, rows = expect["columns"], expect["rows"]
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) for c in columns):
        say("expect.columns: must be a non-empty list of column names")
        return None
    if not isinstance(rows, list) or len(rows) > MAX_ROWS:
        say(f"expect.rows: must be a list of at most {MAX_ROWS} rows")
        return None
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(columns):
            say(f"expect.rows[{i}]: must be a list of {len(columns)} values, one per column")
        elif not all(_scalar(v) for v in row):
            say(f"expect.rows[{i}]: values must be strings, finite numbers, true, false or null")
    if not isinstance(raw.get("ordered"), bool):
        say("ordered: required with expect: true to compare rows in order, false to ignore their order")
    tolerance = raw.get("tolerance", DEFAULT_TOLERANCE)
    if not _number(tolerance) or tolerance < 0:
        say("tolerance: must be a number, 0 or more")
    rows = [[int(v) if isinstance(v, bool) else v for v in row] for row in rows if isinstance(row, list)]
    return Expect(columns, rows, raw.get("ordered") is True, tolerance if _number(tolerance) else 0)


def _expect_error(value, say, engine):
    if value is True:
        return ()
    codes = [value] if isinstance(value, str) else value
    pattern, example = {
        "postgres": (SQLSTATE, "a PostgreSQL SQLSTATE (\"23514\")"),
        "mariadb": (MARIA_ERROR, "a MariaDB error number (\"4025\") or SQLSTATE (\"23000\")"),
    }.get(engine, (ERROR_CODE, "an SQLite error code name (\"SQLITE_CONSTRAINT_CHECK\")"))
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and pattern.match(c) for c in codes):
        say(f"expectError: must be true, or {example} or a list of them")
        return None
    return tuple(codes)


def _engine_keys(obj, engine, say):
    for key, only in ENGINE_ONLY.items():
        if key in obj and engine not in only:
            say(f"{key}: only the {' and '.join(only)} engine{'s have' if len(only) > 1 else ' has'} it (this "
                f"challenge's engine is {engine})")


def _work(raw, key, say):
    value = raw.get(key)
    if key in raw and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WORK):
        say(f"{key}: must be a whole number, 0 or more, at most {MAX_WORK}")
        return None
    return value


def _strings(value, field, say):
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(s, str) and s.strip() for s in items):
        say(f"{field}: must be a non-empty string or a list of them")
        return []
    return items


def _unknown_keys(obj, allowed, say):
    for key in obj:
        if key not in allowed:
            say(f"{key}: unknown key (allowed: {', '.join(sorted(allowed))})")


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _scalar(value):
    return value is None or isinstance(value, (str, bool)) or _number(value)


def _no_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError(f"the key {key!r} appears twice in one object")
    return dict(pairs)

"""Compares a query's result with a case's expected columns and rows; says what differs."""
import json
import math
from collections import Counter, defaultdict

SHOWN = 8  # rows quoted in a message, per kind of difference


def render(value):
    """A value as the messages show it: JSON for text and numbers, NULL, X'…' for a BLOB."""
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"X'{value.hex().upper()}'"
    return json.dumps(value, ensure_ascii=False)


def render_row(row):
    return "[" + ", ".join(render(v) for v in row) + "]"


def comparable(value):
    """A BLOB compares as its X'…' text, the only way a cases file can write one."""
    return render(value) if isinstance(value, bytes) else value


def values_equal(expected, actual, tolerance):
    """NULL equals only NULL; text compares exactly; numbers exactly when both are integers, else within
    the tolerance (absolute, or relative 1e-9 for large values). A number never equals text."""
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, str) or isinstance(actual, str):
        return isinstance(expected, str) and isinstance(actual, str) and expected == actual
    if isinstance(expected, int) and isinstance(actual, int):
        return expected == actual
    return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=tolerance)


def rows_equal(expected, actual, tolerance):
    return len(expected) == len(actual) and all(values_equal(e, a, tolerance) for e, a in zip(expected, actual))


def compare(expect, columns, rows, cut):
    """A message for each way the result differs from `expect` (empty when it matches).

    cut: the query returned more rows than were read. The messages give counts and positions, never an
    expected value: the cases are hidden, and their rows would be the answer to copy.
    """
    problems = []
    if columns is None:
        return ["the query's last statement returned no result (it must be a SELECT, or end with one)"]
    if columns != expect.columns:
        wrong = [i + 1 for i in range(max(len(columns), len(expect.columns)))
                 if i >= len(columns) or i >= len(expect.columns) or columns[i] != expect.columns[i]]
        problems.append(
            f"columns differ: expected {len(expect.columns)}, got {len(columns)} {render_row(columns)}; "
            f"{_positions('column', wrong)} (names are compared exactly, case included)"
        )
    actual = [tuple(comparable(v) for v in row) for row in rows]
    if cut:
        problems.append(f"the query returned more than {len(rows) - 1} rows; expected {len(expect.rows)}")
        actual = actual[:-1]
    differ = _ordered(expect.rows, actual, expect.tolerance) if expect.ordered else _unordered(
        expect.rows, actual, expect.tolerance
    )
    if differ:
        problems.append(differ)
    return problems


def _ordered(expected, actual, tolerance):
    shared = min(len(expected), len(actual))
    wrong = [i + 1 for i in range(shared) if not rows_equal(expected[i], actual[i], tolerance)]
    if not wrong and len(expected) == len(actual):
        return None
    parts = [f"rows differ (in order): expected {_count(expected)}, got {_count(actual)}"]
    if wrong:
        parts.append(f"{_count(wrong)} differ, {_positions('row', wrong)}")
    if len(expected) > shared:
        parts.append(f"{len(expected) - shared} missing from row {shared + 1}")
    if len(actual) > shared:
        parts.append(f"{len(actual) - shared} unexpected from row {shared + 1}")
    return "; ".join(parts)


def _unordered(expected, actual, tolerance):
    """Compares as multisets: each expected row must match its own actual row."""
    # Exact matches first (cheap), then the leftovers within the tolerance, grouped by their
    # non-REAL values so that only rows that could match are compared.
    left_expected = Counter(map(tuple, expected))
    left_actual = Counter(actual)
    common = left_expected & left_actual
    left_expected -= common
    left_actual -= common
    missing, unexpected = list(left_expected.elements()), list(left_actual.elements())
    if missing and unexpected:
        missing, unexpected = _match_within_tolerance(missing, unexpected, tolerance)
    if not missing and not unexpected:
        return None
    message = (f"rows differ (order ignored): expected {_count(expected)}, got {_count(actual)}; "
               f"{_count(missing)} missing, {_count(unexpected)} unexpected")
    if unexpected:
        message += f", {_positions('row', _unexpected_positions(actual, Counter(unexpected)))} of the result"
    return message


def _unexpected_positions(actual, unexpected):
    """1-based positions of the unexpected rows, counting each row's last occurrences as the unexpected ones."""
    positions = []
    for i in range(len(actual) - 1, -1, -1):
        if unexpected[actual[i]] > 0:
            unexpected[actual[i]] -= 1
            positions.append(i + 1)
    return sorted(positions)


def _positions(noun, positions):
    """"row 2", or "first at row 2 (rows 2, 3, 5)": 1-based positions, at most SHOWN of them listed."""
    if len(positions) == 1:
        return f"{noun} {positions[0]}"
    listed = ", ".join(str(p) for p in positions[:SHOWN])
    more = f" and {len(positions) - SHOWN} more" if len(positions) > SHOWN else ""
    return f"first at {noun} {positions[0]} ({noun}s {listed}{more})"


def _match_within_tolerance(missing, unexpected, tolerance):
    def shape(row):
        return tuple("REAL" if isinstance(v, (int, float)) else v for v in row)

    pool = defaultdict(list)
    for row in unexpected:
        pool[shape(row)].append(row)
    still_missing = []
    for row in missing:
        candidates = pool.get(shape(row), [])
        match = next((i for i, other in enumerate(candidates) if rows_equal(row, other, tolerance)), None)
        if match is None:
            still_missing.append(row)
        else:
            candidates.pop(match)
    return still_missing, [row for rows in pool.values() for row in rows]


def _count(rows):
    return f"{len(rows)} row" + ("" if len(rows) == 1 else "s")

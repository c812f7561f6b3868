"""Runs the candidate's test file, in a child pytest, against one implementation of inventory.py at a time.

The child runs as the candidate; the implementation lives in a process of the tests' user, reached
through the runner's boundary (assay_candidate_tests), so the candidate's tests can use it but never
read its source.
"""

import runpy
from dataclasses import dataclass
from pathlib import Path

import pytest
from assay_candidate_tests import run_tests

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "impls" / "reference" / "inventory.py"
BUGS = runpy.run_path(str(HERE / "bugs.py"))["BUGS"]
# CPU seconds per child run (the runner allows ten times as much wall-clock time, for a loaded machine):
# the statement promises the candidate 2 seconds, the rest is pytest's start-up.
RUN_CPU_S = 3
OUTPUT_TAIL = 1500
PYTEST_ARGS = ["-q", "-x", "-p", "no:cacheprovider", "-o", "addopts="]


@dataclass(frozen=True)
class Run:
    returncode: int  # -1 when it ran out of time
    output: str

    @property
    def timed_out(self) -> bool:
        return self.returncode == -1


def implementation(impl: str) -> str:
    """The reference inventory.py, or it with one seeded bug (bugs.py)."""
    source = REFERENCE.read_text()
    if impl != "reference" and impl not in BUGS:
        raise KeyError(f"no seeded bug named {impl}")
    for old, new in BUGS.get(impl, []):
        assert source.count(old) == 1, f"bug {impl} no longer applies to the reference"
        source = source.replace(old, new)
    return source


def run_candidate_tests(impl: str) -> Run:
    """The candidate's tests, run in a scratch directory with implementation(impl) as its inventory module."""
    try:
        code, output = run_tests("test_inventory.py", {"inventory": implementation(impl)}, RUN_CPU_S, PYTEST_ARGS)
    except FileNotFoundError:
        pytest.fail("no test_inventory.py was submitted", pytrace=False)
    return Run(code, output)


def tail(text: str) -> str:
    return text if len(text) <= OUTPUT_TAIL else "…" + text[-OUTPUT_TAIL:]


@pytest.fixture(scope="session")
def reference_run() -> Run:
    return run_candidate_tests("reference")


def reference_problem(run: Run):
    """Why the candidate's tests do not pass against the correct implementation, or None when they do."""
    if run.timed_out:
        return f"your tests used more than {RUN_CPU_S} s of CPU, or waited ten times that:\n{tail(run.output)}"
    if run.returncode == 5:
        return "no tests were collected from test_inventory.py"
    if run.returncode != 0:
        return f"your tests fail against the correct inventory.py:\n{tail(run.output)}"
    return None


@pytest.fixture
def passes_reference(reference_run):
    """Asserts the candidate's tests pass against the correct implementation."""

    def check() -> None:
        problem = reference_problem(reference_run)
        if problem is not None:
            pytest.fail(problem, pytrace=False)

    return check


@pytest.fixture
def kills(reference_run):
    """kills(impl): asserts the candidate's tests fail against implementation(impl), once they pass on the reference."""

    def check(impl: str) -> None:
        if reference_problem(reference_run) is not None:
            pytest.fail("your tests do not pass against the correct inventory.py, so no failure counts as a bug "
                        "caught", pytrace=False)
        run = run_candidate_tests(impl)
        if run.timed_out:
            pytest.fail(f"your tests used more than {RUN_CPU_S} s of CPU, or waited ten times that, against this implementation", pytrace=False)
        if run.returncode == 0:
            pytest.fail("your tests all passed against an implementation with a bug", pytrace=False)

    return check

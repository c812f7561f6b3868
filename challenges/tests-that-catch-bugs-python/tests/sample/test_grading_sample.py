"""The grading, in small: your test_inventory.py runs in a child pytest against an inventory.py.

Run `pytest path/to/test_grading_sample.py` from the folder that holds your test_inventory.py and the
inventory.py you were given. Graders do the same against the correct implementation (your tests must pass)
and against implementations with bugs (your tests must fail).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_tests_against(implementation_dir: Path, tests: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(implementation_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", tests.name],
        cwd=tests.parent, env=env, capture_output=True, text=True, timeout=10,
    )


def test_your_tests_pass_against_the_given_implementation():
    here = Path.cwd()
    tests = here / "test_inventory.py"
    if not tests.is_file() or not (here / "inventory.py").is_file():
        pytest.skip("run from the folder holding test_inventory.py and inventory.py")
    run = run_tests_against(here, tests)
    assert run.returncode == 0, run.stdout + run.stderr

"""Notices a solution that rewired pytest to report passes it did not earn.

The candidate's code runs in the harness's process, so this cannot stop a determined attacker (who
can rewire this module too); it stops the obvious patches, and docs/sandbox.md says what remains.
"""
import builtins
import inspect

import _pytest.fixtures
import _pytest.python
import _pytest.reports
import _pytest.runner

# Everything between a test function and the report this plugin reads.
WATCHED = [
    (_pytest.python.Function, "runtest"),
    (_pytest.python, "pytest_pyfunc_call"),
    (_pytest.runner, "call_and_report"),
    (_pytest.runner, "call_runtest_hook"),
    (_pytest.runner, "pytest_runtest_call"),
    (_pytest.runner, "pytest_runtest_makereport"),
    (_pytest.runner.CallInfo, "from_call"),
    (_pytest.reports.TestReport, "from_item_and_call"),
    (_pytest.fixtures.FixtureDef, "execute"),
    (builtins, "AssertionError"),
    (builtins, "isinstance"),
]


class Integrity:
    def __init__(self, *owners):
        """Snapshots the watched attributes, and every method of the given classes (the plugin's own)."""
        watched = WATCHED + [(cls, name) for cls in owners for name, value in vars(cls).items() if callable(value)]
        # getattr_static: a classmethod read through getattr is a new bound object every time.
        self._snapshot = [(owner, name, inspect.getattr_static(owner, name)) for owner, name in watched]

    def tampered(self):
        """The names of watched attributes that no longer hold what they held at start-up."""
        return [
            f"{getattr(owner, '__name__', owner)}.{name}"
            for owner, name, original in self._snapshot
            if inspect.getattr_static(owner, name, None) is not original
        ]

"""pytest plugin reporting each test as it finishes, then the result document (docs/runner-contract.md)."""
import os

import pytest

from assay_events import EventWriter
from assay_integrity import Integrity
from assay_messages import collection_error_message, exception_message

# Statuses in order of precedence: a test takes the worst status of its setup, call and teardown.
RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 3}


class AssayPlugin:
    def __init__(self, nonce, mark=lambda: None):
        # The real stdout, saved before pytest's fd capture points fd 1 at a temporary file.
        self._events = EventWriter(nonce, os.dup(1))
        self._tests = []
        self._current = None
        self._collection_errors = {}
        self.finished = False
        self._integrity = Integrity(AssayPlugin, EventWriter)
        # Marks the end of a test in the solution's output, before its event: what it printed goes with it.
        self._mark = mark

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = (yield).get_result()
        report.assay_status, report.assay_message = _phase_outcome(report, call)

    def pytest_runtest_logreport(self, report):
        if report.when == "setup":
            self._current = {"name": report.nodeid, "status": "pass", "message": None, "duration": 0.0,
                             "subtests": [], "output": ""}
        test = self._current
        status = getattr(report, "assay_status", "pass")
        context = getattr(report, "context", None)
        if context is not None:
            # A subtest (pytest-subtests, or unittest's subTest): its test takes its status, and lists
            # every subtest that did not pass; what it printed was captured apart from the test's own.
            test["output"] += report.capstdout + report.capstderr
            if status != "pass":
                test["subtests"].append(f"{_subtest_name(context)}: {status}: {report.assay_message}")
                test["status"] = max(test["status"], status, key=RANK.get)
            return
        test["duration"] += report.duration
        if RANK[status] > RANK[test["status"]]:
            test["status"], test["message"] = status, report.assay_message
        if report.when == "teardown":
            if test["subtests"]:
                own = [test["message"]] if test["message"] else []
                test["message"] = "\n\n".join(own + [f"{len(test['subtests'])} subtest(s) did not pass:"] + test["subtests"])
            tampered = self._integrity.tampered()
            if tampered:
                test["status"] = "error"
                test["message"] = f"the solution modified the test framework ({', '.join(tampered)}); results cannot be trusted"
            # By teardown, the report's sections hold what every phase printed.
            output = test["output"] + report.capstdout + report.capstderr
            try:
                self._mark()
            except Exception:  # noqa: BLE001 - a solution's process that is gone has nothing more to say
                pass
            self._tests.append(self._events.test(
                test["name"], test["status"], test["message"], output or None, round(test["duration"] * 1000)))

    def pytest_exception_interact(self, node, call, report):
        if isinstance(report, pytest.CollectReport):
            self._collection_errors[report.nodeid] = collection_error_message(
                str(node.path), call.excinfo.value, report.longreprtext)

    def pytest_collectreport(self, report):
        # Failures that never reached pytest_exception_interact still stop the run.
        if report.failed:
            self._collection_errors.setdefault(report.nodeid, report.longreprtext)

    def pytest_sessionfinish(self, session, exitstatus):
        if self._collection_errors:
            self.finish("error", "\n\n".join(self._collection_errors.values()))
        elif exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
            self.finish("error", "no tests were found")
        elif exitstatus in (pytest.ExitCode.INTERRUPTED, pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR):
            self.finish("error", f"the test run stopped early ({exitstatus.name.lower().replace('_', ' ')})")
        else:
            passed = all(test["status"] == "pass" for test in self._tests)
            self.finish("pass" if passed else "fail", None)

    def finish(self, status, message):
        tampered = self._integrity.tampered()
        if tampered:
            status, message = "error", f"the solution modified the test framework ({', '.join(tampered)})"
        if not self.finished:
            self.finished = True
            self._events.result(status, message, self._tests)


def _subtest_name(context):
    """`[message] (key=value, …)`, as pytest-subtests names a subtest."""
    parts = [] if context.msg is None else [f"[{context.msg}]"]
    if context.kwargs:
        parts.append("(" + ", ".join(f"{key}={value!r}" for key, value in context.kwargs.items()) + ")")
    return " ".join(parts) or "(subtest)"


def _phase_outcome(report, call):
    """(status, message) of one phase: fail for a failed assertion in the test itself, error otherwise."""
    if report.skipped:
        # Reported as skipped with its reason; it earns nothing, as candidate code can call pytest.skip() too.
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else "skipped"
        return "skip", reason.removeprefix("Skipped: ")
    if not report.failed:
        return "pass", None
    if call.excinfo is None:
        return "error", report.longreprtext
    assertion = report.when == "call" and call.excinfo.errisinstance(AssertionError)
    return "fail" if assertion else "error", exception_message(call.excinfo.value)


"""Runs as the harness user: pytest over /work/tests, reported by the python runner's plugin.

-I keeps environment variables and the working directory off sys.path; -B writes no bytecode.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

import pytest  # noqa: E402
import requests  # noqa: E402

from assay_nondumpable import make_nondumpable  # noqa: E402
from assay_plugin import AssayPlugin  # noqa: E402

PYTEST_ARGS = [
    "-p", "no:cacheprovider",
    "--rootdir=/work/tests",
    "--confcutdir=/work/tests",
    "/work/tests",
]


class PhaseTimeout:
    """Interrupts a test phase that overruns, as pytest-timeout's signal method does."""

    def __init__(self, seconds):
        self._seconds = seconds
        signal.signal(signal.SIGALRM, self._expired)

    def _expired(self, _signum, _frame):
        raise TimeoutError(f"the test took longer than {self._seconds:g} s (the server did not answer in time?)")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self):
        yield from self._timed()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self):
        yield from self._timed()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self):
        yield from self._timed()

    def _timed(self):
        signal.setitimer(signal.ITIMER_REAL, self._seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


def ignore_client_configuration():
    """Every requests Session of the tests ignores the environment and dotfiles (trust_env False): no
    ~/.netrc credentials, proxies or CA bundles that anything but the tests themselves chose."""
    init = requests.Session.__init__

    def untrusting_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.trust_env = False

    requests.Session.__init__ = untrusting_init


def main():
    make_nondumpable()
    ignore_client_configuration()
    # Each phase of a test (setup, call, teardown) gets this long (service.json's testTimeoutMs): a
    # request the server never answers fails its test, and the tests after it still run.
    phase_timeout_s = float(os.environ.pop("ASSAY_TEST_TIMEOUT_S"))
    # The harness's own token for this relay (not the run's nonce); only uid 10002 can read this environment.
    plugin = AssayPlugin(os.environ.pop("ASSAY_NONCE"))
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    # pytest's terminal report would echo the hidden tests' source.
    sys.stdout = open(os.devnull, "w")
    try:
        pytest.main(PYTEST_ARGS, plugins=[plugin, PhaseTimeout(phase_timeout_s)])
    except BaseException as err:  # noqa: BLE001 - whatever happened, the harness gets a result
        plugin.finish("error", f"the test run crashed: {type(err).__name__}: {err}")
    plugin.finish("error", "the test run ended without a result")
    return 0


if __name__ == "__main__":
    sys.exit(main())

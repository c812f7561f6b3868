"""The tests' process, as the tester user: pytest over /work/tests, the solution reached through the boundary.

Started before the submission arrives, so that pytest is loaded while a warm container waits. Its
stdout is the harness's relay (events prefixed with a token of its own, never the run's nonce); the
solution's process cannot reach this one: another user, and undumpable.
"""
import json
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from assay_users import make_undumpable  # noqa: E402

make_undumpable()

import pytest  # noqa: E402

from assay_endpoint import Endpoint  # noqa: E402
from assay_plugin import AssayPlugin  # noqa: E402
from assay_proxies import RemoteModules  # noqa: E402
import assay_candidate_tests  # noqa: E402

TESTS = "/work/tests"
# Plugins are named, never autoloaded: only pytest-subtests (the `subtests` fixture, unittest's subTest).
PYTEST_ARGS = ["-p", "no:cacheprovider", "-p", "pytest_subtests", f"--rootdir={TESTS}", f"--confcutdir={TESTS}", TESTS]


def forward_switch_interval(endpoint):
    """A test's sys.setswitchinterval is meant for the solution's threads, which run over there."""
    local = sys.setswitchinterval

    def setswitchinterval(interval):
        local(interval)
        endpoint.request("switchinterval", args=(interval,))

    sys.setswitchinterval = setswitchinterval


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    start = json.loads(sys.stdin.readline())
    os.environ.update(start["env"])
    os.chdir(TESTS)
    endpoint = Endpoint(control, trusts_peer=False, served=(), peer="the solution's process")
    sys.meta_path.append(RemoteModules(endpoint, start["modules"]))
    assay_candidate_tests.solution = endpoint
    forward_switch_interval(endpoint)
    plugin = AssayPlugin(start["token"], mark=lambda: endpoint.request("mark", args=(start["marker"],)))
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    # pytest's terminal report would echo the hidden tests' source into the relay.
    sys.stdout = open(os.devnull, "w")
    try:
        pytest.main(PYTEST_ARGS, plugins=[plugin])
    except BaseException as err:  # noqa: BLE001 - whatever happened, the harness gets a result
        plugin.finish("error", f"the test run crashed: {type(err).__name__}: {err}")
    plugin.finish("error", "the test run ended without a result")
    sys.stdout.flush()
    # Threads still serving the solution's calls must not hold the run open.
    os._exit(0)


if __name__ == "__main__":
    main()

"""The solution's process, as the candidate user: lends the solution's modules to the tests' process.

It decides nothing and holds nothing of the harness: whatever it answers is data to the tester, which
rebuilds every value itself. Started before the submission arrives; a line on stdin says it is there.
"""
import json
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from assay_endpoint import Endpoint  # noqa: E402
from assay_interleave import follow_switch_interval  # noqa: E402

SOLUTION = "/work/solution"


def switch_interval(_endpoint, _name, args):
    """The tests' sys.setswitchinterval, applied here too: a thread-safety test stresses the solution's threads."""
    interval = float(args[0])
    sys.setswitchinterval(interval)
    follow_switch_interval(interval)


def mark(_endpoint, _name, args):
    """Ends a test's share of this process's output: the harness splits it at the marker (runners/python/run)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.write(1, str(args[0]).encode())


def run_tests(endpoint, name, args):
    """Only challenges whose candidates write tests need this, and what it imports (assay_candidate_tests)."""
    from assay_candidate_tests import run_here

    return run_here(endpoint, name, args)


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    # The line that says the submission is there carries where the challenge's services are.
    os.environ.update(json.loads(sys.stdin.readline())["env"])
    os.chdir("/work")
    sys.path.insert(0, SOLUTION)
    endpoint = Endpoint(control, trusts_peer=True, shares_locations=True, peer="the tests",
                        commands={"switchinterval": switch_interval, "mark": mark, "run_tests": run_tests})
    endpoint.closed.wait()
    # The tests are over: no daemon thread of the solution may keep the process alive.
    os._exit(0)


if __name__ == "__main__":
    main()

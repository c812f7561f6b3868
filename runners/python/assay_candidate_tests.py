"""Challenges whose candidates write the tests: the candidate's tests run as the candidate, against
implementations served from a process of the tester user, so that their source cannot be read.

    from assay_candidate_tests import run_tests
    code, output = run_tests("test_inventory.py", {"inventory": source}, timeout_s=3.5, pytest_args=["-q", "-x"])

The tests' side (run_tests) starts the implementations' process and lends its connection to the
solution's process, whose run_tests command (run_here) runs pytest over the candidate's file in a fresh
directory, `inventory` imported from there through the boundary.
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile

from assay_users import BASE_ENV

RUNNER = os.path.dirname(os.path.realpath(__file__))
PYTHON = "/usr/bin/python3"
SOLUTION = "/work/solution"
# Set by the tests' process (assay_tester.py): its endpoint to the solution's process.
solution = None


def run_tests(test_file, modules, timeout_s, pytest_args=()):
    """(exit code, output) of pytest over the submitted `test_file`, -1 when it ran past `timeout_s`.

    Raises FileNotFoundError when the submission has no such file.
    """
    scratch = tempfile.mkdtemp(prefix="impl-")
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        for name, source in modules.items():
            with open(os.path.join(scratch, f"{name}.py"), "w", encoding="utf-8") as f:
                f.write(source)
        server = subprocess.Popen(
            [PYTHON, "-IB", f"{RUNNER}/assay_module_server.py", str(ours.fileno()), scratch, *modules],
            pass_fds=[ours.fileno()], env=BASE_ENV, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        ours.close()
        key = os.urandom(8).hex()
        solution.lend_fd(key, theirs.fileno())
        theirs.close()
        try:
            code, output = solution.request("run_tests", None, key, (test_file, sorted(modules), timeout_s, list(pytest_args)))
        finally:
            server.kill()
            server.wait()
        return code, output
    finally:
        ours.close()
        theirs.close()
        shutil.rmtree(scratch, ignore_errors=True)


def run_here(endpoint, key, args):
    """In the solution's process: the candidate's tests against the lent connection's modules."""
    test_file, names, timeout_s, pytest_args = args
    fd = endpoint.take_fd(key)
    scratch = tempfile.mkdtemp(prefix="tests-")
    try:
        name = os.path.basename(test_file)
        source = os.path.join(SOLUTION, test_file)
        if not os.path.isfile(source):
            raise FileNotFoundError(f"no {test_file} was submitted")
        shutil.copyfile(source, os.path.join(scratch, name))
        command = [PYTHON, "-IB", f"{RUNNER}/assay_remote_pytest.py", str(fd), ",".join(names), "--",
                   *pytest_args, "--rootdir", scratch, name]
        env = {**BASE_ENV, "HOME": scratch, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        proc = subprocess.Popen(command, cwd=scratch, env=env, pass_fds=[fd], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=float(timeout_s))
            return [proc.returncode, out.decode("utf-8", "replace")]
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            return [-1, out.decode("utf-8", "replace")]
    finally:
        os.close(fd)
        shutil.rmtree(scratch, ignore_errors=True)


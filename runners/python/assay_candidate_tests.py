"""Challenges whose candidates write the tests: the candidate's tests run as the candidate, against
implementations served from a process of the tester user, so that their source cannot be read.

    from assay_candidate_tests import run_tests
    code, output = run_tests("test_inventory.py", {"inventory": source}, cpu_s=3, pytest_args=["-q", "-x"])

The tests' side (run_tests) starts the implementations' process and lends its connection to the
solution's process, whose run_tests command (run_here) runs pytest over the candidate's file in a fresh
directory, `inventory` imported from there through the boundary.
"""
import math
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
# The limit is on CPU time, so a loaded machine cannot make a suite time out; wall-clock time only stops
# one that waits (a sleep, a blocked read) at this many times its CPU allowance.
WALL_PER_CPU = 10
# Set by the tests' process (assay_tester.py): its endpoint to the solution's process.
solution = None


def run_tests(test_file, modules, cpu_s, pytest_args=()):
    """(exit code, output) of pytest over the submitted `test_file`, -1 when it used more than `cpu_s`
    seconds of CPU (rounded up to whole seconds), or WALL_PER_CPU times that in all.

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
            code, output = solution.request("run_tests", None, key, (test_file, sorted(modules), cpu_s, list(pytest_args)))
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
    test_file, names, cpu_s, pytest_args = args
    cpu = math.ceil(float(cpu_s))
    fd = endpoint.take_fd(key)
    scratch = tempfile.mkdtemp(prefix="tests-")
    try:
        name = os.path.basename(test_file)
        source = os.path.join(SOLUTION, test_file)
        if not os.path.isfile(source):
            raise FileNotFoundError(f"no {test_file} was submitted")
        shutil.copyfile(source, os.path.join(scratch, name))
        command = ["/usr/bin/prlimit", f"--cpu={cpu}", "--", PYTHON, "-IB", f"{RUNNER}/assay_remote_pytest.py", str(fd), ",".join(names), "--",
                   *pytest_args, "--rootdir", scratch, name]
        env = {**BASE_ENV, "HOME": scratch, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        proc = subprocess.Popen(command, cwd=scratch, env=env, pass_fds=[fd], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=cpu * WALL_PER_CPU)
            # SIGXCPU at the CPU limit (the kernel follows with SIGKILL if it goes on).
            code = -1 if proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL) else proc.returncode
            return [code, out.decode("utf-8", "replace")]
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            return [-1, out.decode("utf-8", "replace")]
    finally:
        os.close(fd)
        shutil.rmtree(scratch, ignore_errors=True)


"""The users of a python run, and how the root harness hands them its files and starts their processes."""
import ctypes
import os
import stat
import subprocess

CANDIDATE_UID = 10001  # the base image's sandbox user: runs the solution
TESTER_UID = 10002  # this image's tester user: runs pytest over the hidden tests
BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}
PR_SET_DUMPABLE = 4


def make_undumpable():
    """Closes this process's memory, fds and environment under /proc to every other user, and ptrace.

    Called by each harness process itself: an exec or a change of user resets the flag.
    """
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def start_as(uid, command, pass_fds, **popen):
    """`command` as `uid` (its own group, no others) in its own session; leaving root drops every capability."""
    return subprocess.Popen(command, user=uid, group=uid, extra_groups=[], env=BASE_ENV, cwd="/",
                            pass_fds=pass_fds, start_new_session=True, stdin=subprocess.PIPE, **popen)


def give(tree, uid):
    """Hands a tree that root extracted to `uid`, every directory 0700, so that no other user can read it.

    Modes first, top-down, while root still owns (and so may enter) every directory; owners last,
    deepest first: root has neither CAP_DAC_OVERRIDE nor CAP_FOWNER.
    """
    os.makedirs(tree, exist_ok=True)
    paths = [tree]
    for parent, dirs, files in os.walk(tree):
        paths.extend(os.path.join(parent, name) for name in dirs + files)
    for path in paths:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            os.chmod(path, 0o700)
    for path in reversed(paths):
        os.lchown(path, uid, uid)


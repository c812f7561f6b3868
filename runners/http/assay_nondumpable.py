"""Makes the calling process non-dumpable (prctl PR_SET_DUMPABLE 0): its memory and /proc/<pid> entries
(environ, fd, mem) then belong to root, so no other process of the same user can read its nonce or token,
or attach to it."""
import ctypes

PR_SET_DUMPABLE = 4


def make_nondumpable():
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")

"""The two users of an http run, and how the root harness hands files and processes to them."""
import os
import signal

CANDIDATE_UID = 10001  # the base image's sandbox user: runs the candidate's server
HARNESS_UID = 10002  # this image's harness user: runs the hidden tests

BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}


def as_user(uid, cwd, command):
    """`command` run in `cwd` as `uid` (its own group, no supplementary groups), with no capabilities.

    The directory is changed to after the switch (env --chdir): root cannot enter a 0700 directory of
    another user, having no CAP_DAC_OVERRIDE.
    """
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--", "env", f"--chdir={cwd}", "--", *command]


def hand_over(path, uid):
    """Gives a tree that root extracted to `uid`, every directory 0700: no other user can read it.

    Bottom-up, chmod before chown: root has no CAP_DAC_OVERRIDE or CAP_FOWNER, so it can list a directory
    and change its mode only while it still owns it.
    """
    os.makedirs(path, exist_ok=True)
    for dirpath, _dirnames, filenames in os.walk(path, topdown=False):
        for name in filenames:
            os.lchown(os.path.join(dirpath, name), uid, uid)
        os.chmod(dirpath, 0o700)
        os.lchown(dirpath, uid, uid)


def kill_everything_of(uid):
    """SIGKILLs every process of `uid`, including any that left its process group or session."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            # As the user itself, -1 reaches exactly that user's processes (never this one).
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        finally:
            os._exit(0)
    os.waitpid(pid, 0)

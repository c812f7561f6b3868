"""The `postgres` engine's server: PostgreSQL 15 started by the root harness inside the sandbox.

The cluster was made by initdb when the image was built (sandboxes/sql/Dockerfile); a run copies it into
the sandbox's tmpfs and starts it as its own user (10003), listening on a Unix socket only, in a directory
that lets only the tester user (10002, the harness once it leaves root) through. A server that does not
come up is ours, never the candidate's: ServiceError, which the harness reports as an infrastructure
failure that the worker retries (docs/runner-contract.md).
"""
import os
import re
import subprocess
import time

from assay_users import TESTER_UID  # the harness, once it leaves root

SERVER_UID = 10003
BIN = "/usr/lib/postgresql/15/bin"
TEMPLATE = "/opt/assay/pg/cluster"
HOME = "/tmp/pg"
DATA = HOME + "/data"
SOCKET_DIR = HOME + "/run"
PORT = 5432  # only names the socket file (.s.PGSQL.5432): there is no TCP listener
START_TIMEOUT_S = 20
SETTING = re.compile(r"^[a-z_][a-z0-9_.]*$")
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}


class ServiceError(Exception):
    """The database server could not be made ready: an infrastructure failure, not the candidate's."""


def start_server(settings=None, socket_dir_mode=0o710):
    """Copies the cluster and starts the server, as root's last acts (wait_ready, as the tester, waits for
    it); returns its Popen. Raises ServiceError.

    settings: the manifest's `options.engineSettings`, each passed as `-c name=value` after the image's own.
    socket_dir_mode: 0o711 lets every user of the sandbox reach the socket (the python runner's solution
    connects too), pg_hba.conf and pg_ident.conf deciding who logs in as what.
    """
    for name, value in (settings or {}).items():
        if not SETTING.match(name) or not isinstance(value, (str, int, float)) or "\n" in str(value):
            raise ServiceError(f"the server setting {name!r} is not a name = value")
    try:
        directory(HOME, 0o755, 0, 0)
        directory(DATA, 0o700, SERVER_UID, SERVER_UID)
        directory(SOCKET_DIR, socket_dir_mode, SERVER_UID, TESTER_UID)  # the server writes here; the tester only passes
        # root has no CAP_DAC_OVERRIDE: only the server's user can read the template, so it copies it.
        as_server(["cp", "-a", TEMPLATE + "/.", DATA], "copying the cluster")
    except (OSError, ServiceError) as err:
        raise ServiceError(f"could not prepare the PostgreSQL cluster: {err}") from None
    args = [f"{BIN}/postgres", "-D", DATA, "-k", SOCKET_DIR, "-p", str(PORT)]
    for name, value in (settings or {}).items():
        args += ["-c", f"{name}={value}"]
    server = subprocess.Popen(args, user=SERVER_UID, group=SERVER_UID, extra_groups=[], env=ENV, cwd="/",
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    return server


def wait_ready(server, connect, socket=f"{SOCKET_DIR}/.s.PGSQL.{PORT}", name="PostgreSQL", timeout_s=START_TIMEOUT_S):
    """Calls connect() (as the tester user) until the server accepts it; returns what it returned.

    Anything connect() raises while the server is still starting is retried; a server that exits, or is
    not ready within START_TIMEOUT_S, is a ServiceError. Engine-independent: maria_server.py passes its
    own socket and name. socket: the file to wait for before connecting, or None for a caller that cannot
    see it (root, whose connect() looks as the tester: assay_warm.ready_as_tester). timeout_s: longer for
    a start while the sandbox waits at the lowest CPU weight (assay_warm.WARM_TIMEOUT_S).
    """
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            # Closed once it was ready: a server that ended after that (while its sandbox waited) says nothing.
            log = "" if server.stderr.closed else server.stderr.read().decode("utf-8", "replace").strip()
            raise ServiceError(f"{name} exited while starting (code {server.returncode}): {log[-1500:]}")
        if socket is None or os.path.exists(socket):
            try:
                ready = connect()
            except Exception as err:  # noqa: BLE001 - "the database system is starting up", …
                last = err
            else:
                server.stderr.close()  # nothing more is read from it: the server must never block on it
                return ready
        time.sleep(0.02)
    try:
        server.kill()
    except PermissionError:
        pass  # another user's process, which only root with CAP_KILL may end: it ends with the sandbox
    raise ServiceError(f"{name} was not ready within {timeout_s} s (last: {last})")


def directory(path, mode, uid, gid):
    os.mkdir(path)
    os.chmod(path, mode)  # not mkdir's mode, which the umask cuts
    os.chown(path, uid, gid)


def as_server(command, what):
    done = subprocess.run(command, user=SERVER_UID, group=SERVER_UID, extra_groups=[], env=ENV, cwd="/",
                          capture_output=True)
    if done.returncode != 0:
        raise ServiceError(f"{what} failed: {done.stderr.decode('utf-8', 'replace').strip()}")

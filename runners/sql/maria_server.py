"""The `mariadb` engine's server: MariaDB 10.11 started by the root harness inside the sandbox, as the
PostgreSQL one is (pg_server.py, whose directory and readiness code it shares).

mariadb-install-db made its data directory when the image was built (sandboxes/sql/Dockerfile); a run
copies it into the sandbox's tmpfs and starts mariadbd as the server's user (10003) with skip-networking,
its socket in a directory only the tester user (10002) may pass. The settings are the image's maria.cnf.
"""
import subprocess

from assay_users import TESTER_UID
from pg_server import SERVER_UID, SETTING, ServiceError, as_server, directory, wait_ready

SERVER = "/usr/sbin/mariadbd"
CONFIG = "/opt/assay/maria/maria.cnf"
TEMPLATE = "/opt/assay/maria/data"
HOME = "/tmp/maria"
DATA = HOME + "/data"
SCRATCH = HOME + "/tmp"  # sorts and temporary tables
SOCKET_DIR = HOME + "/run"
SOCKET = SOCKET_DIR + "/mariadb.sock"
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent", "TZ": "UTC"}


def start_server(settings=None, socket_dir_mode=0o710):
    """Copies the data directory and starts the server, as root's last acts; returns its Popen. Raises
    ServiceError. settings: the manifest's `options.engineSettings`, each passed as `--name=value`.
    socket_dir_mode: 0o711 lets every user of the sandbox reach the socket (the python and http runners'
    `mariadb` service), the accounts deciding who may do what."""
    for name, value in (settings or {}).items():
        if not SETTING.match(name) or not isinstance(value, (str, int, float)) or "\n" in str(value):
            raise ServiceError(f"the server setting {name!r} is not a name = value")
    try:
        directory(HOME, 0o755, 0, 0)
        for path in (DATA, SCRATCH):
            directory(path, 0o700, SERVER_UID, SERVER_UID)
        directory(SOCKET_DIR, socket_dir_mode, SERVER_UID, TESTER_UID)  # the server writes here; the tester only passes
        as_server(["cp", "-a", TEMPLATE + "/.", DATA], "copying the data directory")
    except (OSError, ServiceError) as err:
        raise ServiceError(f"could not prepare the MariaDB data directory: {err}") from None
    # --defaults-file first, as mariadbd requires; the settings after it override it.
    args = [SERVER, f"--defaults-file={CONFIG}", f"--datadir={DATA}", f"--tmpdir={SCRATCH}", f"--socket={SOCKET}",
            f"--pid-file={HOME}/run/mariadb.pid"]
    args += [f"--{name.replace('_', '-')}={value}" for name, value in (settings or {}).items()]
    return subprocess.Popen(args, user=SERVER_UID, group=SERVER_UID, extra_groups=[], env=ENV, cwd="/",
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def wait_ready_maria(server, connect, socket=SOCKET, **timeout):
    return wait_ready(server, connect, socket=socket, name="MariaDB", **timeout)

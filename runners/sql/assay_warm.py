"""The servers a sandbox starts before its submission arrives (docs/sandbox.md, "Warm containers").

The worker names them in the container's command, `run --warm {"servers": [...], "settings": {...}}`
(src/sandbox/warmStart.ts), from the challenge's manifest: nothing of the candidate's chooses them. The root
harness starts them, and waits until they accept the tester's logins, while the container waits in the pool;
once the submission is there, the run's options (run.json, from the same manifest) must ask for exactly those
servers, and the run uses them (it still seeds its own fresh databases). A server that did not come up is a
ServiceError, kept until there is a run to report it to, as ours.
"""
import json
import os

from assay_users import TESTER_UID
from pg_server import ServiceError

# How long a server started while the sandbox waits may take to be ready: a waiting container has the lowest
# CPU weight (src/sandbox/warmPool.ts), so on a saturated machine its start crawls until a run takes it. A
# run that takes it meanwhile waits too, within its own time limit, as it did for a start at run time.
WARM_TIMEOUT_S = 120


class Warm:
    def __init__(self, argv, start):
        """start(servers, settings), as root: starts them and waits until they are ready; returns what the run
        needs of them. Called now only if the command names servers."""
        self.servers, self.settings, self.started, self.error = (), {}, None, None
        if len(argv) == 3 and argv[1] == "--warm":
            asked = json.loads(argv[2])
            self.servers, self.settings = tuple(asked["servers"]), asked.get("settings") or {}
        if self.servers:
            try:
                self.started = start(self.servers, self.settings)
            except ServiceError as err:
                self.error = err
            except Exception as err:  # noqa: BLE001 - ours too: the run must not end before it reports
                self.error = ServiceError(f"starting {list(self.servers)} failed: {type(err).__name__}: {err}")

    def take(self, servers, settings, start):
        """What start() returned for the servers the run asks for: those started while waiting, else (a
        container started without a command, by hand) started now. Raises ServiceError."""
        servers, settings = tuple(servers), settings or {}
        if not self.servers:
            return start(servers, settings) if servers else None
        if self.error:
            raise self.error
        if (servers, settings) != (self.servers, self.settings):
            raise ServiceError(f"the sandbox started {list(self.servers)} with {self.settings}, "
                               f"but the run asks for {list(servers)} with {settings}")
        return self.started


def ready_as_tester(check):
    """check() in a child process of the tester user's, whose logins are the only ones the servers admit, for a
    wait_ready() while the harness is still root; raises ConnectionError unless check() returned."""
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            os.setgroups([])
            os.setresgid(TESTER_UID, TESTER_UID, TESTER_UID)
            os.setresuid(TESTER_UID, TESTER_UID, TESTER_UID)
            check()
            code = 0
        finally:
            os._exit(code)  # never the parent's cleanup, whatever check() raised
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise ConnectionError("the server does not take the tester's login yet")

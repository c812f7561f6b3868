"""pytest over the candidate's own tests, as the candidate, importing the named modules from the
process at the other end of the given connection (assay_candidate_tests)."""
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

import pytest  # noqa: E402

from assay_endpoint import Endpoint  # noqa: E402
from assay_proxies import RemoteModules  # noqa: E402


def main():
    control, names = socket.socket(fileno=int(sys.argv[1])), sys.argv[2].split(",")
    endpoint = Endpoint(control, trusts_peer=True, peer="the implementation's process")
    sys.meta_path.append(RemoteModules(endpoint, names))
    code = pytest.main(sys.argv[4:])
    sys.stdout.flush()
    os._exit(int(code))


if __name__ == "__main__":
    main()

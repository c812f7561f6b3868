"""Serves modules from a directory of the tester user to a process of the candidate's, which may import
only those modules and reach only their public names (assay_candidate_tests)."""
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from assay_users import make_undumpable  # noqa: E402

make_undumpable()

from assay_endpoint import Endpoint  # noqa: E402


def main():
    control, directory, names = socket.socket(fileno=int(sys.argv[1])), sys.argv[2], sys.argv[3:]
    sys.path.insert(0, directory)
    Endpoint(control, trusts_peer=False, served=names, peer="the candidate's tests").closed.wait()
    os._exit(0)


if __name__ == "__main__":
    main()

#!/bin/sh
# The MariaDB data directory a run copies into its tmpfs (runners/sql/maria_server.py), made once at image
# build: mariadb-install-db as the server's user (10003) with maria.cnf from /opt/assay/maria/ (the redo log
# and system tablespace sizes must match the server's at run time). Its administrator is `tester`@localhost
# (uid 10002 in every image that calls it: sql, python, http) by the unix_socket plugin: only a process of
# that user reaches it (root@localhost likewise only root's, and there is no TCP listener). Only the
# server's user may read it.
set -eu
MARIA=/opt/assay/maria
mkdir -p "$MARIA/data" "$MARIA/no-files"
chown 10003:10003 "$MARIA/data"
# secure-file-priv: an empty place no one may write.
chmod 0500 "$MARIA/no-files"
setpriv --reuid=10003 --regid=10003 --clear-groups mariadb-install-db --defaults-file="$MARIA/maria.cnf" \
  --datadir="$MARIA/data" --auth-root-authentication-method=socket --auth-root-socket-user=tester \
  --skip-test-db --skip-name-resolve >/dev/null
chmod 0700 "$MARIA/data"

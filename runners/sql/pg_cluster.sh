#!/bin/sh
# The PostgreSQL cluster a run copies into its tmpfs (runners/sql/pg_server.py), made once at image build:
# initdb as the server's user (10003), the runner's pg_template.conf, pg_hba.conf and pg_ident.conf in
# /opt/assay/pg/, and no `postgres` database (each costs 7.5 MB of catalogue in a small tmpfs). Only the
# server's user may read it. Both images that run PostgreSQL call it: sandboxes/sql and sandboxes/python.
set -eu
PG=/opt/assay/pg
BIN=/usr/lib/postgresql/15/bin
as_server() { setpriv --reuid=10003 --regid=10003 --clear-groups "$@"; }
mkdir -p "$PG/cluster"
chown 10003:10003 "$PG/cluster"
as_server "$BIN/initdb" -D "$PG/cluster" -U assay_admin --auth=peer --no-sync --wal-segsize=1 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
cp "$PG/pg_hba.conf" "$PG/pg_ident.conf" "$PG/cluster/"
cat "$PG/pg_template.conf" >> "$PG/cluster/postgresql.conf"
echo 'DROP DATABASE postgres' | as_server "$BIN/postgres" --single -D "$PG/cluster" template1 >/dev/null
chown -R 10003:10003 "$PG/cluster"
chmod 0700 "$PG/cluster"

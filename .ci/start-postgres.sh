#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the feedback storage tests and prints the connection string.
# Installs Debian's server package first when no server is present. Usage: conn=$(.ci/start-postgres.sh DIR PORT);
# stop it with: su postgres -c "pg_ctl -D DIR/cluster stop -m fast" (runuser when su is absent).
set -euo pipefail
dir=${1:?data folder}
port=${2:-54329}

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(server_bin)" ] || [ ! -x "$(server_bin)/postgres" ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin=$(server_bin)

mkdir -p "$dir"
chown postgres:postgres "$dir"
as_postgres() { runuser -u postgres -- "$@"; }
as_postgres "$bin/initdb" -D "$dir/cluster" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$dir/cluster" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >&2
# A password made for this run only (never committed): the cluster is throwaway and listens on loopback.
password=${SKINBOT_TEST_POSTGRES_PASSWORD:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}
create="CREATE ROLE skinbot LOGIN PASSWORD '$password';"
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "$create" -c "CREATE DATABASE skinbot_test OWNER skinbot;" >&2 \
  || psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
  -c "$create" -c "CREATE DATABASE skinbot_test OWNER skinbot;" >&2
echo "Host=127.0.0.1;Port=$port;Database=skinbot_test;Username=skinbot;Password=$password"

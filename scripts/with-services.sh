#!/usr/bin/env bash
# Install and start what the test suite needs beyond Python, then run the given command.
# Used by `make test` (and so by .ci/run). As root with apt-get it installs missing packages:
# redis-server, wrk, valgrind, gcc, chromium, postgresql; it starts PostgreSQL and exports
# DATABASE_URL so the database contracts run on PostgreSQL as well as SQLite.
# Without root, tests whose tool is missing are skipped with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  # background_tasks: RQ's contract test runs its own redis-server on loopback
  command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } \
    || echo "redis-server could not be installed: the RQ contract test will be skipped"
  # benchmarks: tests/test_bench.py runs wrk against real servers and callgrind in-process
  for tool in wrk valgrind gcc taskset; do command -v $tool >/dev/null || missing=1; done
  [ -z "${missing:-}" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk valgrind gcc util-linux; }
  # browser tests (tests/browser/): Playwright drives Debian's chromium, never a downloaded browser
  command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
  # Database tasks (tests/databases.py): the same contracts also run on PostgreSQL via DATABASE_URL
  if [ -z "${DATABASE_URL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    command -v pg_ctlcluster >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
    read -r pg_version pg_cluster pg_port _ < <(pg_lsclusters --no-header | head -n1)
    pg_ctlcluster "$pg_version" "$pg_cluster" status >/dev/null || pg_ctlcluster "$pg_version" "$pg_cluster" start
    pg_sql() { su postgres -c "psql -p $pg_port -qtAc \"$1\""; }
    [ "$(pg_sql "SELECT 1 FROM pg_roles WHERE rolname = 'fieldguide'")" = 1 ] || pg_sql "CREATE ROLE fieldguide LOGIN PASSWORD 'fieldguide'"
    [ "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = 'fieldguide'")" = 1 ] || pg_sql "CREATE DATABASE fieldguide OWNER fieldguide"
    export DATABASE_URL="postgresql://fieldguide:fieldguide@127.0.0.1:$pg_port/fieldguide"
  fi
fi
exec "$@"

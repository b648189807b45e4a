#!/usr/bin/env bash
# The whole suite: the database tests on a PostgreSQL server started here on 127.0.0.1 with a
# temporary data directory, then every test (rules, views, browser) on SQLite. The last line is
# pytest's summary of the SQLite run; the exit code is non-zero if either run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export GONGKAI_VAR_DIR="$(mktemp -d /tmp/gongkai-test-var.XXXXXX)"
export GONGKAI_TEST_ARTIFACTS="${GONGKAI_TEST_ARTIFACTS:-$PWD/test-artifacts}"
mkdir -p "$GONGKAI_TEST_ARTIFACTS"
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -n "$pg_dir" ] && rm -rf "$pg_dir"
  rm -rf "$GONGKAI_VAR_DIR"
}
trap cleanup EXIT

as_pg() {  # PostgreSQL refuses to run as root: use the postgres account then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$pg_bin/initdb" ] || { echo "未找到 PostgreSQL 服务器（apt-get install postgresql）" >&2; return 1; }
  pg_dir="$(mktemp -d /tmp/gongkai-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
  pg_port="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U gongkai -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
}

status=0
echo "== PostgreSQL: database tests =="
if start_postgres; then
  GONGKAI_DATABASE_URL="postgres://gongkai@127.0.0.1:$pg_port/gongkai" \
    $PY -m pytest -q -p no:cacheprovider -m "not browser" --ignore=tests/rules "$@" || status=1
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
else
  echo "PostgreSQL 未能启动，数据库测试失败" >&2
  status=1
fi

echo "== SQLite: the whole suite =="
$PY -m pytest "$@" || status=1
exit $status

#!/usr/bin/env bash
# The whole suite: the database tests on a PostgreSQL server started here on 127.0.0.1 with a
# temporary data directory, and every test (rules, views, browser) on SQLite. The two runs share
# nothing (each has its own var directory, the browser tests run only on SQLite), so they run side
# by side, one per core, which halves the wall time; GONGKAI_TEST_SERIAL=1 runs them one after the
# other. The PostgreSQL run's output is printed when it ends; the last line is pytest's summary of
# the SQLite run; the exit code is non-zero if either run failed. Each run is stopped after
# GONGKAI_PASS_TIMEOUT seconds (default 2700) so that a hang is a failure with output, never a CI
# run cut at its limit (each test is also stopped after 900 s by pytest-timeout, with stacks).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
pass_timeout="${GONGKAI_PASS_TIMEOUT:-2700}"
bounded() {  # run "$@" for at most $pass_timeout seconds; say so when it was stopped
  timeout -k 30 "$pass_timeout" "$@"
  local code=$?
  [ "$code" = 124 ] || [ "$code" = 137 ] && echo "!! 测试运行超过 ${pass_timeout} 秒，已停止：$*" >&2
  return "$code"
}
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

# No test waits two minutes for a lock or leaves a transaction open for five: on this server such a
# wait is an error in the test that caused it, not a run that hangs.
pg_guard="-c lock_timeout=120s -c idle_in_transaction_session_timeout=300s"
start_postgres() {
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$pg_bin/initdb" ] || { echo "未找到 PostgreSQL 服务器（apt-get install postgresql）" >&2; return 1; }
  pg_dir="$(mktemp -d /tmp/gongkai-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
  pg_port="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U gongkai -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c full_page_writes=off $pg_guard" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; return 1; }
}

pg_pass() {  # after start_postgres, in this shell, so that the EXIT trap stops the server
  # (the pure rules and the fuzzing of file readers touch no database: SQLite's run has them)
  echo "== PostgreSQL: database tests =="
  [ -n "$pg_port" ] || { echo "PostgreSQL 未能启动，数据库测试失败" >&2; return 1; }
  GONGKAI_VAR_DIR="$(mktemp -d "$GONGKAI_VAR_DIR/pg.XXXXXX")" \
  GONGKAI_DATABASE_URL="postgres://gongkai@127.0.0.1:$pg_port/gongkai" \
    bounded $PY -m pytest -q -p no:cacheprovider -m "not browser" --ignore=tests/rules --ignore=tests/fuzz/test_readers.py "$@"
}

cluster_pass() {  # after pg_pass: two app servers and two workers on this PostgreSQL and a Redis
  echo "== 集群：两台应用服务器、两个后台进程（PostgreSQL + Redis） =="
  [ -n "$pg_port" ] || { echo "PostgreSQL 未能启动，集群测试失败" >&2; return 1; }
  GONGKAI_VAR_DIR="$(mktemp -d "$GONGKAI_VAR_DIR/cluster.XXXXXX")" \
  GONGKAI_CLUSTER_DATABASE_URL="postgres://gongkai@127.0.0.1:$pg_port/gongkai" \
    timeout -k 10 300 $PY -m pytest -q -p no:cacheprovider -m cluster tests/cluster --durations=5
}

pg_port=""
start_postgres || pg_port=""
status=0
if [ "${GONGKAI_TEST_SERIAL:-0}" = 1 ]; then
  pg_pass "$@" || status=1
  cluster_pass || status=1
  echo "== SQLite: the whole suite =="
  bounded $PY -m pytest "$@" || status=1
  exit $status
fi

pg_log="$GONGKAI_VAR_DIR/postgresql-pass.log"
echo "== PostgreSQL: database tests, running beside the SQLite run (printed when it ends) =="
{ pg_pass "$@"; code=$?; cluster_pass || code=1; exit $code; } >"$pg_log" 2>&1 &
pg_job=$!
echo "== SQLite: the whole suite =="
sqlite_log="$GONGKAI_VAR_DIR/sqlite-pass.log"
GONGKAI_VAR_DIR="$(mktemp -d "$GONGKAI_VAR_DIR/sqlite.XXXXXX")" bounded $PY -m pytest "$@" 2>&1 | tee "$sqlite_log"
sqlite_status=${PIPESTATUS[0]}
echo "== PostgreSQL: waiting for its run to end (its last line so far: $(tail -c 300 "$pg_log" | tail -1)) =="
wait "$pg_job" || status=1
cat "$pg_log"
[ "$sqlite_status" = 0 ] || status=1
echo "== SQLite: the whole suite, its summary again =="
tail -1 "$sqlite_log"
exit $status

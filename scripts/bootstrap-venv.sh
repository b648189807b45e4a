#!/usr/bin/env bash
# Create the virtualenv; on a fresh Debian, install python3-venv first when we can (root + apt).
set -euo pipefail
python="$1"; venv="$2"
if [ -z "$python" ]; then
  echo "找不到 python3：请先安装 Python 3.11 或更新版本 (Debian: apt-get install python3)" >&2
  exit 1
fi
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "需要 Python 3.11 或更新版本，当前为 $("$python" --version 2>&1)" >&2; exit 1; }
if ! "$python" -m venv "$venv" 2>/dev/null; then
  rm -rf "$venv"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv python3-pip >/dev/null
    "$python" -m venv "$venv"
  else
    echo "无法创建虚拟环境：请安装 python3-venv (apt-get install python3-venv)" >&2
    exit 1
  fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true

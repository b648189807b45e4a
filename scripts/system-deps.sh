#!/usr/bin/env bash
# Install the Debian packages that a target needs, when missing (as root with apt only).
#   run:  LibreOffice (headless writer) to read legacy .doc notices; without root it warns only.
#   test: the same, chromium for the browser tests, a CJK font so pages render Chinese,
#         postgresql for the database tests on a real server (with postgresql-15-rum, the RUM
#         index of the search: Debian 12's PostgreSQL is 15), redis-server for the cluster test,
#         wrk for the portal benchmark, nginx for the test of deploy/nginx/gongkai.conf.
set -euo pipefail
target="${1:-test}"
case "$target" in
  run) packages=(libreoffice-writer-nogui) ;;
  test) packages=(libreoffice-writer-nogui chromium fonts-noto-cjk postgresql postgresql-15-rum redis-server wrk nginx) ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "缺少 Debian 软件包：${missing[*]}（请以 root 运行 apt-get install ${missing[*]}）" >&2
  [ "$target" = run ] && { echo "（不影响启动；导入 .doc 文件需要 LibreOffice）" >&2; exit 0; }
  exit 1
fi
echo "安装 Debian 软件包：${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts a cluster on install; the tests start their own on a free port instead.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h | while read -r version name _; do pg_ctlcluster "$version" "$name" stop 2>/dev/null || true; done
fi
# Likewise Redis: the cluster test starts its own redis-server.
if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then
  systemctl stop redis-server || true
elif command -v service >/dev/null; then
  service redis-server stop >/dev/null 2>&1 || true
fi

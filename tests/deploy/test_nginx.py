"""deploy/nginx/gongkai.conf in front of a live app server: the file in the repository, rendered with
loopback ports and temporary paths, checked by ``nginx -t`` and run (docs/deploy.md).

nginx terminates TLS with a throw-away certificate, serves the static files itself, refuses an
oversized body with the Chinese message, never serves /media/, and passes everything else to
gunicorn, which must see the request as secure (HSTS, Secure cookies) because nginx says so.
"""

from __future__ import annotations

import http.client
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.bench.common import free_port
from tests.cluster.servers import wait_port
from tests.jobs.test_kill9 import Installation

REPO = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)
WAIT_S = 10
UPLOAD_LIMIT_MB = 20  # GONGKAI_UPLOAD_MAX_BYTES's default

pytestmark = [
    pytest.mark.skipif(NGINX is None, reason="nginx 未安装（scripts/system-deps.sh test 会安装）"),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl 未安装，无法生成测试证书"),
    pytest.mark.django_db(transaction=True),
]


def _replace(text: str, old: str, new: str, count: int = 1) -> str:
    """Every rewrite must find its target: a changed config file fails here, not silently."""
    assert text.count(old) == count, f"deploy/nginx/gongkai.conf no longer contains {old!r} {count}×"
    return text.replace(old, new)


def render(root: Path, app_port: int, http_port: int, https_port: int) -> Path:
    conf = (REPO / "deploy" / "nginx" / "gongkai.conf").read_text(encoding="utf-8")
    conf, servers = re.subn(r"(upstream gongkai_app \{\n)(?:\s*server [^\n]+\n)+",
                            rf"\g<1>    server 127.0.0.1:{app_port};\n", conf)
    assert servers == 1
    conf = _replace(conf, "listen 80;", f"listen 127.0.0.1:{http_port};")
    conf = _replace(conf, "listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    conf = _replace(conf, "/etc/gongkai/tls/gongkai.crt", str(root / "tls.crt"))
    conf = _replace(conf, "/etc/gongkai/tls/gongkai.key", str(root / "tls.key"))
    conf = _replace(conf, "/srv/gongkai/var/static/", f"{root / 'static'}/")
    (root / "gongkai.conf").write_text(conf, encoding="utf-8")
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {root / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    main = root / "nginx.conf"
    main.write_text(f"""{user}
daemon off;
worker_processes 1;
pid {root / 'nginx.pid'};
error_log {root / 'nginx-error.log'} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    types {{ text/css css; text/plain txt; application/javascript js; }}
{temp}
    include {root / 'gongkai.conf'};
}}
""", encoding="utf-8")
    return main


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@pytest.fixture
def proxied(tmp_path, settings):
    """gunicorn on the test database, nginx in front; both stopped whatever happens."""
    site = Installation(tmp_path, settings)
    site.hand_over()
    (tmp_path / "static" / "gongkai").mkdir(parents=True)
    shutil.copy(REPO / "src" / "gongkai" / "static" / "gongkai" / "gongkai.css", tmp_path / "static" / "gongkai")
    (tmp_path / "static" / "nginx-only.txt").write_text("served by nginx\n", encoding="utf-8")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(tmp_path / "tls.key"), "-out", str(tmp_path / "tls.crt")],
                   check=True, capture_output=True, timeout=WAIT_S)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    main = render(tmp_path, app_port, http_port, https_port)
    checked = subprocess.run([NGINX, "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True, timeout=WAIT_S)
    assert checked.returncode == 0, checked.stderr

    env = {**site.env, "GONGKAI_ALLOWED_HOSTS": "127.0.0.1,localhost", "GONGKAI_DEBUG": "false",
           "GONGKAI_PROXY_SSL_HEADER": "X-Forwarded-Proto", "GONGKAI_TRUSTED_PROXIES": "127.0.0.1",
           "GONGKAI_TWO_FACTOR_REQUIRED": "none"}
    log = tmp_path / "process.log"
    processes: list[subprocess.Popen[bytes]] = []
    with open(log, "ab") as output:
        try:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "gongkai.wsgi:application", "--bind", f"127.0.0.1:{app_port}",
                 "--workers", "1", "--threads", "4", "--worker-class", "gthread"],
                env=env, stdout=output, stderr=output, start_new_session=True))
            wait_port(app_port, processes[0], log, WAIT_S)
            processes.append(subprocess.Popen([NGINX, "-c", str(main), "-p", str(tmp_path)],
                                              stdout=output, stderr=output, start_new_session=True))
            wait_port(https_port, processes[1], tmp_path / "nginx-error.log", WAIT_S)
            yield {"app": app_port, "http": http_port, "https": https_port, "root": tmp_path}
        finally:
            for process in reversed(processes):
                _stop(process)


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the throw-away certificate of this test
    return context


def _get(port: int, path: str, tls: bool = True) -> tuple[http.client.HTTPResponse, bytes]:
    connection = (http.client.HTTPSConnection("127.0.0.1", port, timeout=WAIT_S, context=_tls()) if tls
                  else http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT_S))
    try:
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def test_nginx_serves_static_files_passes_pages_as_secure_and_refuses_oversized_bodies(proxied):
    https = proxied["https"]

    static, body = _get(https, "/static/nginx-only.txt")  # a file only nginx's directory has
    assert static.status == 200 and body == b"served by nginx\n"
    static, body = _get(https, "/static/gongkai/gongkai.css")
    assert static.status == 200 and "public" in (static.getheader("Cache-Control") or "")
    assert body == (REPO / "src" / "gongkai" / "static" / "gongkai" / "gongkai.css").read_bytes()

    page, body = _get(https, "/")
    assert page.status == 200 and "</html>" in body.decode()
    assert page.getheader("Strict-Transport-Security")  # Django saw HTTPS through X-Forwarded-Proto
    login, _ = _get(https, "/accounts/login/")
    cookies = [value for name, value in login.getheaders() if name.lower() == "set-cookie"]
    assert cookies and all("Secure" in cookie for cookie in cookies)
    direct, _ = _get(proxied["app"], "/accounts/login/", tls=False)  # the same server without the proxy
    assert direct.getheader("Strict-Transport-Security") is None
    assert not any("Secure" in value for name, value in direct.getheaders() if name.lower() == "set-cookie")

    plain, _ = _get(proxied["http"], "/accounts/login/", tls=False)
    assert plain.status == 301 and plain.getheader("Location") == "https://localhost/accounts/login/"
    media, _ = _get(https, "/media/foi/proofs/x.jpg")  # uploads only through the platform's views
    assert media.status == 404

    with socket.create_connection(("127.0.0.1", https), timeout=WAIT_S) as raw, \
            _tls().wrap_socket(raw, server_hostname="localhost") as conn:
        conn.sendall(f"POST /accounts/login/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     f"Content-Length: {(UPLOAD_LIMIT_MB + 1) * 1024 * 1024}\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, text = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert "上传内容过大" in text.decode() and f"{UPLOAD_LIMIT_MB} MB" in text.decode()

"""Settings come from the environment through strict helpers; a bad value stops start-up with
one line that names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.config import (
    env_bool,
    env_clock,
    env_int,
    env_list,
    env_networks,
    env_report_deadlines,
    env_site_url,
    parse_database_url,
    secret_key,
)


def test_it_parses_sqlite_and_postgres_urls(tmp_path):
    sqlite = parse_database_url("X", "sqlite:///var/db.sqlite3", tmp_path)
    assert sqlite["ENGINE"].endswith("sqlite3") and sqlite["NAME"] == str(tmp_path / "var/db.sqlite3")
    pg = parse_database_url("X", "postgres://gk:p%40ss@127.0.0.1:5433/gongkai", tmp_path)
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "gongkai", "gk", "p@ss", "127.0.0.1", "5433")


@pytest.mark.parametrize("url", ["nonsense", "mysql://x/y", "postgres://host-only", "sqlite://", "postgres://h:port/db"])
def test_it_refuses_malformed_database_urls(url, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_DATABASE_URL"):
        parse_database_url("GONGKAI_DATABASE_URL", url, tmp_path)


def test_it_reads_booleans_lists_and_integers_strictly():
    assert env_bool("GONGKAI_DEBUG", False, {"GONGKAI_DEBUG": "true"}) is True
    assert env_bool("GONGKAI_DEBUG", True, {}) is True
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_DEBUG"):
        env_bool("GONGKAI_DEBUG", False, {"GONGKAI_DEBUG": "maybe"})
    assert env_list("H", [], {"H": "a.gov.cn, b.gov.cn"}) == ["a.gov.cn", "b.gov.cn"]
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_ALLOWED_HOSTS"):
        env_list("GONGKAI_ALLOWED_HOSTS", [], {"GONGKAI_ALLOWED_HOSTS": "a,,b"})
    with pytest.raises(ImproperlyConfigured, match="N"):
        env_int("N", 1, {"N": "二十"})


def test_it_generates_the_secret_key_once(tmp_path):
    first = secret_key("GONGKAI_SECRET_KEY", tmp_path, {})
    assert secret_key("GONGKAI_SECRET_KEY", tmp_path, {}) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_SECRET_KEY"):
        secret_key("GONGKAI_SECRET_KEY", tmp_path, {"GONGKAI_SECRET_KEY": "short"})


def _gongkai(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai.cli", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **env}, stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [("GONGKAI_DATABASE_URL", "nonsense"), ("GONGKAI_DEBUG", "perhaps"), ("GONGKAI_ALLOWED_HOSTS", ","),
     ("GONGKAI_FOI_CLOCK", "reply_workdays=30")],
)
def test_it_stops_start_up_with_one_line_naming_the_variable(variable, value, tmp_path):
    result = _gongkai("check", **{variable: value, "GONGKAI_VAR_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and variable in result.stderr
    assert "Traceback" not in result.stderr


def test_it_lists_our_commands_in_plain_words(tmp_path):
    result = _gongkai("--help", GONGKAI_VAR_DIR=str(tmp_path))
    assert result.returncode == 0
    for command in ("calendar", "worker", "serve", "demo"):
        assert f"  {command}" in result.stdout
    assert "工作日" in result.stdout and "Django 的命令" in result.stdout


def test_it_keeps_generated_files_out_of_the_repository():
    ignored = (Path(__file__).parents[1] / ".gitignore").read_text()
    for entry in (".venv/", "var/"):
        assert entry in ignored


def test_it_reads_the_trusted_proxies_strictly():
    assert env_networks("P", {}) == ()
    assert env_networks("P", {"P": "10.0.0.5, 172.16.0.0/12"}) == ("10.0.0.5", "172.16.0.0/12")
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_TRUSTED_PROXIES.*nginx"):
        env_networks("GONGKAI_TRUSTED_PROXIES", {"GONGKAI_TRUSTED_PROXIES": "10.0.0.5,nginx"})


def test_it_requires_the_site_url_in_production():
    production = {"debug": False, "allowed_hosts": ["gk.example.gov.cn"]}
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_SITE_URL: 生产环境必须设置"):
        env_site_url("GONGKAI_SITE_URL", environ={}, **production)
    assert env_site_url("U", environ={"U": "https://gk.example.gov.cn/"}, **production) == "https://gk.example.gov.cn"
    for bad in ("gk.example.gov.cn", "ftp://gk.example.gov.cn", "https://gk.example.gov.cn/?a=1"):
        with pytest.raises(ImproperlyConfigured, match="完整网址"):
            env_site_url("U", environ={"U": bad}, **production)


def test_it_gives_ones_own_machine_a_site_url_of_its_own():
    local = env_site_url("U", debug=False, allowed_hosts=["127.0.0.1", "localhost"], environ={})
    assert local == "http://127.0.0.1:8000"
    assert env_site_url("U", debug=True, allowed_hosts=["gk.example.gov.cn"], environ={}) == local


def test_it_stops_a_production_start_without_the_site_url(tmp_path):
    environ = {key: value for key, value in os.environ.items() if key != "GONGKAI_SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "check"], capture_output=True, text=True, timeout=60,
        env={**environ, "GONGKAI_ALLOWED_HOSTS": "gk.example.gov.cn", "GONGKAI_VAR_DIR": str(tmp_path)},
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2 and "GONGKAI_SITE_URL" in result.stderr and "Traceback" not in result.stderr


def test_a_jurisdiction_sets_its_foi_clock_within_the_statute():
    assert env_clock("C", {}) == {}
    assert env_clock("C", {"C": "reply_workdays=15, fee_window_pauses=false"}) == {
        "reply_workdays": 15, "fee_window_pauses": False,
    }
    for bad in ("reply_workdays=21", "reply_days=15", "reply_workdays=十五", "max_extension_workdays=25"):
        with pytest.raises(ImproperlyConfigured, match="^C: "):
            env_clock("C", {"C": bad})


def test_a_jurisdiction_sets_its_annual_report_deadlines_within_the_statute():
    assert env_report_deadlines("D", {}) == ""
    assert env_report_deadlines("D", {"D": "department=01-26,government=03-20"}) == "department=01-26,government=03-20"
    for bad in ("department=02-10", "government=04-01", "county=01-20", "department=1月26日"):
        with pytest.raises(ImproperlyConfigured, match="^D: "):
            env_report_deadlines("D", {"D": bad})


def test_uploads_go_to_the_media_directory_all_servers_share(tmp_path):
    """GONGKAI_MEDIA_DIR moves every upload (written through the storage API) out of var/."""
    code = ("import django; django.setup()\n"
            "from django.core.files.base import ContentFile\n"
            "from django.core.files.storage import default_storage\n"
            "print(default_storage.path(default_storage.save('foi/proof.png', ContentFile(b'png'))))")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings", "GONGKAI_VAR_DIR": str(tmp_path / "var"),
             "GONGKAI_MEDIA_DIR": str(tmp_path / "shared")},
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == tmp_path / "shared" / "foi" / "proof.png"
    assert (tmp_path / "shared" / "foi" / "proof.png").read_bytes() == b"png"
    assert not (tmp_path / "var" / "media").exists()

"""The recovery drill: back up while citizens are filing requests, restore into a fresh directory
(and, on PostgreSQL, a fresh database) with the real commands, and find every request that was
acknowledged before the backup began, every upload readable, the row counts and the audit log
verified."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

import gongkai
from gongkai.backup import archive
from tests.backup.conftest import file_request, new_empty_database

pytestmark = pytest.mark.django_db(transaction=True)


def gongkai_commands(*commands: list[str], var_dir: Path, url: str, key: str) -> list[subprocess.CompletedProcess[str]]:
    """The ``gongkai`` commands against the restored place, run side by side (they only read)."""
    env = {**os.environ, "GONGKAI_VAR_DIR": str(var_dir), "GONGKAI_DATABASE_URL": url, "GONGKAI_SECRET_KEY": key,
           "PYTHONPATH": str(Path(gongkai.__file__).resolve().parents[1])}
    running = [(args, subprocess.Popen([sys.executable, "-m", "gongkai.cli", *args], stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True, env=env)) for args in commands]
    done = []
    for args, process in running:
        out, err = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(args, process.returncode, out, err))
    return done


def restored_rows(params: dict, sql: str) -> list[tuple]:
    if connection.vendor == "sqlite":
        with sqlite3.connect(params["NAME"]) as restored:
            return restored.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(host=params["HOST"], port=params["PORT"] or None, user=params["USER"],
                         password=params["PASSWORD"], dbname=params["NAME"]) as restored:
        return restored.execute(sql).fetchall()


def test_a_backup_taken_while_citizens_file_restores_everything_acknowledged_before_it(
    file_database, source_media, unit_a, office_admin, freeze, settings, tmp_path
):
    freeze(date(2026, 9, 28))
    acknowledged: list[tuple[float, str, str, bytes]] = []  # (when, code, upload name, its bytes)
    stop, errors = threading.Event(), []

    def citizens() -> None:
        try:
            number = 0
            while not stop.is_set() and number < 200:
                request = file_request(unit_a, number)  # returns after the commit: the code is shown
                name = request.id_proof.name
                acknowledged.append((time.monotonic(), request.tracking_code, name,
                                     (source_media / name).read_bytes()))
                number += 1
        except BaseException as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()

    filing = threading.Thread(target=citizens)
    filing.start()
    while len(acknowledged) < 5 and filing.is_alive():
        time.sleep(0.02)
    began = time.monotonic()
    result = archive.create(tmp_path / "backups")
    time.sleep(0.1)
    stop.set()
    filing.join(timeout=60)
    assert not errors, errors
    before = [entry for entry in acknowledged if entry[0] < began]
    assert len(before) >= 5 and len(acknowledged) > len(before)  # filing went on during the backup

    var_dir = tmp_path / "fresh-var"
    with new_empty_database(var_dir) as (params, url):
        where = {"var_dir": var_dir, "url": url, "key": settings.SECRET_KEY}
        (restored,) = gongkai_commands(["restore", str(result.path)], **where)
        assert restored.returncode == 0, restored.stderr
        checked, verified = gongkai_commands(["check"], ["audit", "verify"], **where)
        assert checked.returncode == 0, checked.stderr
        assert "恢复核对通过" in checked.stdout
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert verified.stdout.startswith("OK ")
        assert f"共 {result.manifest['audit_chain']['count']} 条记录" in verified.stdout

        codes = dict(restored_rows(params, "SELECT tracking_code, id_proof FROM foi_request"))
    assert len(codes) == result.manifest["tables"]["foi_request"]
    for _when, code, name, data in before:
        assert codes[code] == name
        assert (var_dir / "media" / name).read_bytes() == data

"""An empty place to restore into: a new SQLite file or a new PostgreSQL database on the test
server, with its own var/ and uploads directory, swapped in as the default connection."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection, connections

from tests.foi.conftest import PNG, citizen_details, upload


def postgres_admin():
    import psycopg

    params = connection.settings_dict
    return psycopg.connect(host=params["HOST"], port=params["PORT"] or None, user=params["USER"],
                           password=params["PASSWORD"], dbname="postgres", autocommit=True)


@pytest.fixture
def source_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "source-media")
    return Path(settings.MEDIA_ROOT)


def file_request(unit, number: int = 0):
    """A citizen's request filed through the public form's service, with her identity proof."""
    from gongkai.foi import services

    details = citizen_details(id_proof_ext="png", description=f"第{number}号申请：2025年部门预算明细")
    return services.submit_request(details, unit=unit, id_proof=upload(PNG + str(number).encode()))


@contextmanager
def new_empty_database(var_dir: Path) -> Iterator[tuple[dict[str, Any], str]]:
    """The settings and the ``GONGKAI_DATABASE_URL`` of an empty database beside the test one: a
    SQLite file in ``var_dir`` or a new database on the same PostgreSQL server (dropped after)."""
    saved = dict(connections.settings["default"])
    if connection.vendor == "sqlite":
        path = var_dir / "gongkai.sqlite3"
        yield {**saved, "NAME": str(path)}, f"sqlite:///{path}"
        return
    name = f"gongkai_restore_{uuid.uuid4().hex[:10]}"
    with postgres_admin() as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield ({**saved, "NAME": name},
               f"postgres://{saved['USER']}:{saved['PASSWORD']}@{saved['HOST']}:{saved['PORT'] or 5432}/{name}")
    finally:
        with postgres_admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_target(tmp_path, settings):
    """``target.var_dir``/``target.media`` and, as the default connection, an empty database."""
    original, settings_dict = connections["default"], connections.settings["default"]
    saved = dict(settings_dict)
    var_dir = tmp_path / "restored-var"
    with new_empty_database(var_dir) as (params, _url):
        settings_dict.update(params)
        connections["default"] = connections.create_connection("default")
        settings.VAR_DIR, settings.MEDIA_ROOT = var_dir, str(var_dir / "media")
        try:
            yield SimpleNamespace(var_dir=var_dir, media=var_dir / "media")
        finally:
            connections["default"].close()
            settings_dict.clear()
            settings_dict.update(saved)
            connections["default"] = original

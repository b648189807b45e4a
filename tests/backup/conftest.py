"""An empty place to restore into: a new SQLite file or a new PostgreSQL database on the test
server, with its own var/ and uploads directory, swapped in as the default connection."""

from __future__ import annotations

import uuid
from pathlib import Path

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


@pytest.fixture
def empty_target(tmp_path, settings):
    """``target.var_dir``/``target.media`` and, as the default connection, an empty database;
    ``target.url`` for a ``gongkai`` subprocess."""
    original, settings_dict = connections["default"], connections.settings["default"]
    saved = dict(settings_dict)
    var_dir = tmp_path / "restored-var"
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(var_dir / "gongkai.sqlite3")
        url = f"sqlite:///{settings_dict['NAME']}"
    else:
        name = f"gongkai_restore_{uuid.uuid4().hex[:10]}"
        with postgres_admin() as admin:
            admin.execute(f"CREATE DATABASE {name}")
        settings_dict["NAME"] = name
        url = (f"postgres://{saved['USER']}:{saved['PASSWORD']}@{saved['HOST']}:{saved['PORT'] or 5432}/{name}")
    connections["default"] = connections.create_connection("default")
    settings.VAR_DIR, settings.MEDIA_ROOT = var_dir, str(var_dir / "media")
    target = type("Target", (), {"var_dir": var_dir, "media": var_dir / "media", "url": url})
    try:
        yield target
    finally:
        connections["default"].close()
        settings_dict.clear()
        settings_dict.update(saved)
        connections["default"] = original
        if original.vendor == "postgresql":
            with postgres_admin() as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

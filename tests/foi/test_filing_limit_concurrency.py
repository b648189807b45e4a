"""The per-address filing limit holds under concurrency (an outside test got 8 of 10 concurrent
filings accepted against a limit of 5): ten filings from one address at the same moment, against
the real database, five accepted and five refused with 429."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest
from django.db import connection

from gongkai.foi.models import Request
from tests.foi.conftest import form_data, upload

FILINGS = 10


def _file_at_once(post) -> list[int]:
    """``post()`` from ten threads released together; their status codes."""
    start, statuses, errors = threading.Barrier(FILINGS), [], []

    def file() -> None:
        try:
            start.wait()
            statuses.append(post())
        except BaseException as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=file) for _ in range(FILINGS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return statuses


@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_filings_from_one_address_get_five_accepted(unit_a):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("内存中的 SQLite 测试库不能并发写入；SQLite 由下一个测试在文件数据库上验证")
    from django.test import Client

    statuses = _file_at_once(
        lambda: Client().post("/foi/", {**form_data(unit_a), "id_proof": upload()}, REMOTE_ADDR="203.0.113.50").status_code
    )
    assert sorted(statuses) == [200] * 5 + [429] * 5
    assert Request.objects.count() == 5


CONCURRENT_FILINGS = """
import json, threading
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from tests.foi.conftest import PNG, form_data
from gongkai.foi.models import Request
from gongkai.orgs.models import Unit
unit = Unit.objects.get(key="foiload")
barrier, statuses, errors = threading.Barrier(10), [], []
def file():
    try:
        barrier.wait()
        data = {**form_data(unit), "id_proof": SimpleUploadedFile("id.png", PNG, "image/png")}
        statuses.append(Client(HTTP_HOST="127.0.0.1").post("/foi/", data, REMOTE_ADDR="203.0.113.50").status_code)
    except BaseException as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=file) for _ in range(10)]
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps({"errors": errors, "statuses": sorted(statuses), "requests": Request.objects.count()}))
"""


def test_ten_concurrent_filings_on_the_sqlite_file_database_too(foiload_site):
    """The same on a real SQLite file (WAL, IMMEDIATE transactions), as deployed."""
    site = foiload_site
    env = {**site.env, "GONGKAI_FOI_RATE_LIMIT": "1", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run([sys.executable, "-c", CONCURRENT_FILINGS], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["errors"] == []
    assert result["statuses"] == [200] * 5 + [429] * 5 and result["requests"] == 5

"""A citizen (公众) and her request to 示范市财政局 (unit_a), with the day frozen where a test walks
a request through weeks of law dates (``GONGKAI_FOI_TODAY``, read by ``gongkai.foi.dates``)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.rules.pii import id_check_character

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def resident_id(first17: str) -> str:
    return first17 + id_check_character(first17)


# The citizen of the fixtures: her name, ID number and phone must never leak to the public.
CITIZEN_NAME = "林晓燕"
CITIZEN_ID = resident_id("44120219850315242")
CITIZEN_PHONE = "13719875531"


def citizen_details(**changes: object) -> dict[str, object]:
    details = {
        "applicant_kind": "natural_person", "applicant_name": CITIZEN_NAME, "id_type": "resident_id",
        "id_number": CITIZEN_ID, "phone": CITIZEN_PHONE, "email": "linxy@example.com",
        "address": "示范市端州区天宁北路1号", "postcode": "526040",
        "description": "2025年示范市本级部门预算中“三公”经费的明细", "form_wanted": "electronic",
        "delivery": "online",
    }
    details.update(changes)
    return details


def form_data(unit, **changes: object) -> dict[str, object]:
    """What the public form posts for the citizen (the upload added by ``upload``)."""
    data = {
        "unit": unit.pk, "applicant_kind": "natural_person", "person_name": CITIZEN_NAME,
        "id_type": "resident_id", "id_number": CITIZEN_ID, "phone": CITIZEN_PHONE,
        "email": "linxy@example.com", "address": "", "postcode": "",
        "description": "2025年示范市本级部门预算中“三公”经费的明细",
        "form_wanted": "electronic", "delivery": "online",
    }
    data.update(changes)
    return data


def upload(content: bytes = PNG, name: str = "身份证.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def filed(unit_a, freeze):
    """The citizen's request filed online on Monday 2026-09-28, before National Day."""
    from gongkai.foi import services

    freeze(date(2026, 9, 28))
    return services.submit_request(citizen_details(), unit=unit_a)


@pytest.fixture(scope="session")
def _foiload_template(tmp_path_factory):
    """One migrated SQLite file database (``bench.foiload.prepare``), made once per run."""
    from gongkai.bench.foiload import prepare

    return prepare(tmp_path_factory.mktemp("foiload-template"))


@pytest.fixture
def foiload_site(_foiload_template, tmp_path):
    """A fresh copy of that database in ``tmp_path``: a real file database, as deployed, for
    tests that write to it from several threads, without migrating it again (~30 s)."""
    import shutil

    from gongkai.bench.foiload import Site

    template = _foiload_template
    for path in template.root.iterdir():
        if path.is_file():
            shutil.copy2(path, tmp_path / path.name)
    env = {
        key: value.replace(str(template.root), str(tmp_path)) if key.startswith("GONGKAI_") else value
        for key, value in template.env.items()
    }
    return Site(root=tmp_path, env=env, unit_id=template.unit_id)

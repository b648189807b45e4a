"""The demo records: the seed notices of units in the demo registry, a few hundred generated
records across units and columns, interpretations, normative documents and one gazette."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_registry(db):
    from gongkai.console.demo import DEMO_UNITS
    from gongkai.orgs.registry import load_registry_data

    load_registry_data(json.loads(DEMO_UNITS.read_text(encoding="utf-8")))


def test_it_loads_lived_in_demo_records_once(demo_registry, client):
    from gongkai.records.deadlines import interpretation_gaps
    from gongkai.records.demo import load_demo_records
    from gongkai.records.models import Gazette, Record, RecordKind, RecordStatus
    from gongkai.records.privacy import scan_record

    result = load_demo_records()
    assert result.seeds == 2 and result.generated >= 300 and result.gazettes == 1 and result.drafts == 2
    seed = Record.objects.get(title__startswith="肇庆市人民政府办公室关于印发肇庆市贯彻落实省府办公厅2016年")
    assert seed.unit.name == "肇庆市人民政府办公室" and seed.index_number and seed.is_public
    assert Record.objects.filter(unit__name="江门市新会区委区府办公室", title__contains="新会区2018年").exists()
    assert Record.objects.filter(kind=RecordKind.INTERPRETATION, interprets__isnull=False).count() >= 10
    assert Record.objects.filter(kind=RecordKind.NORMATIVE, repealed_on__isnull=False).exists()
    assert interpretation_gaps(Record.objects.all())  # some policies lack a timely interpretation
    in_review = Record.objects.get(status=RecordStatus.IN_REVIEW, unit__name="肇庆市财政局")
    assert {found.hit.kind for found in scan_record(in_review)} >= {"id_card", "mobile"}
    assert Gazette.objects.get().is_public
    numbers = list(Record.objects.exclude(index_number=None).values_list("index_number", flat=True))
    assert len(numbers) == len(set(numbers))
    assert "肇庆市人民政府办公室" in client.get("/").content.decode()
    assert load_demo_records().generated == 0  # a second run changes nothing

"""规章 and 行政规范性文件: issued, repealed and in force, counted for the annual report's
第二十条第（一）项 table, and the public list of those in force."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.records import services
from gongkai.records.models import Record, RecordKind
from gongkai.records.normative import NormativeRow, normative_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(make_draft, publish, reviewer_a):
    def normative(title, written_on, kind=RecordKind.NORMATIVE):
        record = publish(make_draft(title=title, kind=kind, columns=("政策文件/规范性文件",)))
        Record.objects.filter(pk=record.pk).update(written_on=written_on)
        record.refresh_from_db()
        return record

    old = normative("示范市行政事业性收费管理办法", date(2023, 5, 10))
    kept = normative("示范市政府投资项目管理办法", date(2025, 2, 1))
    repealed = normative("示范市财政票据管理规定", date(2025, 3, 1))
    services.repeal_record(repealed, date(2025, 11, 30), actor=reviewer_a)
    services.repeal_record(old, date(2025, 6, 30), actor=reviewer_a)
    regulation = normative("示范市政府规章制定程序规定", date(2025, 7, 1), kind=RecordKind.REGULATION)
    normative("示范市2026年预算管理办法", date(2026, 1, 15))
    publish(make_draft(title="一般通知不计入"))
    withdrawn = normative("误发的规范性文件", date(2025, 4, 1))
    services.withdraw_record(withdrawn, "误发", actor=reviewer_a)
    return {"old": old, "kept": kept, "repealed": repealed, "regulation": regulation}


def test_it_counts_the_annual_report_table(documents, unit_a):
    assert normative_counts(2025) == [
        NormativeRow("规章", issued=1, repealed=0, in_force=1),
        NormativeRow("行政规范性文件", issued=2, repealed=2, in_force=1),
    ]
    assert normative_counts(2024, unit_a)[1] == NormativeRow("行政规范性文件", issued=0, repealed=0, in_force=1)
    assert normative_counts(2026)[1].issued == 1


def test_it_lists_the_documents_in_force(documents, client):
    page = client.get("/xxgk/gfxwj/").content.decode()
    assert "示范市政府投资项目管理办法" in page and "示范市政府规章制定程序规定" in page
    assert "示范市财政票据管理规定" not in page and "误发的规范性文件" not in page
    repealed = client.get("/xxgk/gfxwj/?state=repealed").content.decode()
    assert "示范市财政票据管理规定" in repealed and "废止" in repealed


def test_it_refuses_to_repeal_a_general_record(make_draft, publish, reviewer_a):
    from django.core.exceptions import ValidationError

    record = publish(make_draft())
    with pytest.raises(ValidationError):
        services.repeal_record(record, date(2026, 1, 1), actor=reviewer_a)


def test_the_list_keeps_its_order_between_changes_and_shows_a_repeal_on_the_next_request(
    documents, client, settings, reviewer_a,
):
    settings.GONGKAI_PORTAL_CACHE_SECONDS = 0  # every page rendered; the list's order is what is kept
    page = client.get("/xxgk/gfxwj/").content.decode()
    titles = ["示范市2026年预算管理办法", "示范市政府规章制定程序规定", "示范市政府投资项目管理办法"]
    assert [page.index(title) for title in titles] == sorted(page.index(title) for title in titles)  # newest first
    services.repeal_record(documents["kept"], date(2026, 3, 1), actor=reviewer_a)
    assert "示范市政府投资项目管理办法" not in client.get("/xxgk/gfxwj/").content.decode()
    assert "示范市政府投资项目管理办法" in client.get("/xxgk/gfxwj/?state=repealed").content.decode()
    rows = b"".join(client.get("/xxgk/gfxwj/?format=csv").streaming_content).decode("utf-8-sig").splitlines()
    assert [title for title in titles[:2] if title in rows[1] or title in rows[2]] == titles[:2]

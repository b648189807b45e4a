"""有效性 is one rule (``rules.validity``): the list of documents in force, the record page, the
annual report's 现行有效件数 and the search index (hence its filter) all give the same answer, the
index follows a change at once and a passing date by the nightly job, and the search filter
offers exactly the values the index holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from gongkai.portal.search import VALIDITIES
from gongkai.records import searchdocs, services
from gongkai.records.models import Record, RecordKind, Validity
from gongkai.records.normative import normative_counts
from gongkai.search.api import search
from gongkai.search.backends import Filters
from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_normative(make_draft, publish):
    def make(title, **dates):
        record = publish(make_draft(title=title, kind=RecordKind.NORMATIVE, columns=("政策文件/规范性文件",),
                                    body=f"<p>{title}全文。</p>"))
        Record.objects.filter(pk=record.pk).update(**dates)
        record.refresh_from_db()
        with transaction.atomic():
            searchdocs.sync([record])
        return record

    return make


def _answers(client, record):
    """What each surface says of ``record`` today: the page, the list in force, the index."""
    page = client.get(f"/xxgk/content/{record.pk}/").content.decode()
    listed = f"/xxgk/content/{record.pk}/" in client.get("/xxgk/gfxwj/").content.decode()
    indexed = SearchEntry.objects.get(key=record.search_key).validity
    return page, listed, indexed


def test_it_gives_one_validity_to_a_declared_valid_document_past_its_repeal(make_normative, client):
    today = timezone.localdate()
    record = make_normative("示范市旧收费管理办法", declared_validity=Validity.VALID, repealed_on=today - timedelta(days=3))
    page, listed, indexed = _answers(client, record)
    assert "<td>废止</td>" in page and not listed and indexed == "废止"


def test_it_gives_one_validity_to_a_document_not_yet_in_effect(make_normative, client):
    today = timezone.localdate()
    record = make_normative("示范市新预算管理办法", effective_on=today + timedelta(days=10))
    page, listed, indexed = _answers(client, record)
    assert "<td>尚未生效</td>" in page and not listed and indexed == "尚未生效"
    assert record.title in client.get("/xxgk/gfxwj/?state=not_yet").content.decode()


def test_it_counts_in_force_by_the_same_rule(make_normative):
    make_normative("二〇二五年底印发、次年施行的办法", written_on=date(2025, 12, 20), effective_on=date(2026, 1, 1))
    make_normative("宣布失效的办法", written_on=date(2025, 3, 1), declared_validity=Validity.EXPIRED)
    make_normative("现行有效的办法", written_on=date(2025, 3, 1))
    assert normative_counts(2025)[1].in_force == 1  # issued 3, but only one in force on 31 December
    assert normative_counts(2025)[1].issued == 3


def test_it_refreshes_the_index_when_a_record_is_repealed(make_normative, reviewer_a):
    record = make_normative("示范市财政票据管理规定")
    assert SearchEntry.objects.get(key=record.search_key).validity == "有效"
    services.repeal_record(record, timezone.localdate(), actor=reviewer_a)
    assert SearchEntry.objects.get(key=record.search_key).validity == "废止"


def test_it_refreshes_expiries_in_the_index_every_night(make_normative):
    today = timezone.localdate()
    expiring = make_normative("示范市临时补助发放办法", expires_on=today)
    starting = make_normative("示范市明日施行的办法", effective_on=today + timedelta(days=1))
    assert SearchEntry.objects.get(key=expiring.search_key).validity == "有效"
    assert searchdocs.refresh_validity(today) == 0  # nothing changed yet
    assert searchdocs.refresh_validity(today + timedelta(days=1)) == 2
    assert SearchEntry.objects.get(key=expiring.search_key).validity == "失效"
    assert SearchEntry.objects.get(key=starting.search_key).validity == "有效"
    assert [hit.title for hit in search("补助发放", Filters(validity="失效")).hits] == [expiring.title]


def test_it_schedules_the_nightly_refresh():
    from gongkai.records import tasks

    task = tasks.refresh_validity_daily.task_class()
    assert task.validate_datetime(datetime(2026, 5, 20, 0, 20))
    assert not task.validate_datetime(datetime(2026, 5, 20, 12, 0))


def test_it_offers_exactly_the_validities_the_index_holds(make_normative, client):
    today = timezone.localdate()
    made = [
        make_normative("有效的办法"),
        make_normative("尚未生效的办法", effective_on=today + timedelta(days=5)),
        make_normative("已失效的办法", expires_on=today - timedelta(days=5)),
        make_normative("已废止的办法", repealed_on=today - timedelta(days=5)),
        make_normative("宣布已修订的办法", declared_validity=Validity.SUPERSEDED),
    ]
    held = set(SearchEntry.objects.values_list("validity", flat=True))
    assert held == set(VALIDITIES) == {label for _, label in Validity.choices}
    advanced = client.get("/search/advanced/").content.decode()
    for label in VALIDITIES:
        assert f'<option value="{label}">{label}</option>' in advanced
        found = search("办法", Filters(validity=label)).hits
        assert len(found) == 1 and found[0].validity == label
    assert {hit.title for hit in search("办法").hits} == {record.title for record in made}


def test_it_ignores_a_validity_the_index_cannot_hold(make_normative, client):
    record = make_normative("有效的办法")
    page = client.get("/search/", {"q": "办法", "validity": "修订"}).content.decode()
    assert f"/xxgk/content/{record.pk}/" in page


def test_it_refreshes_the_index_when_an_approved_correction_changes_validity(make_normative, clerk_a, reviewer_a):
    record = make_normative("示范市临时救助办法")
    services.update_record(record, {"declared_validity": Validity.EXPIRED}, actor=clerk_a)
    assert SearchEntry.objects.get(key=record.search_key).validity == "有效"  # not before review
    services.approve_correction(record, actor=reviewer_a)
    assert SearchEntry.objects.get(key=record.search_key).validity == "失效"

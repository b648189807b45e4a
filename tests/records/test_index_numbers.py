"""索引号: generated per publishing unit from its organisation code, unique and never reissued,
also when two reviewers publish at the same moment."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction
from django.utils import timezone

from gongkai.records import numbering, services
from gongkai.records.models import IndexCounter, PublishingSettings, Record
from gongkai.rules.indexno import IndexFormat, PeriodForm


def _prepare(make_draft, clerk_a, count):
    records = []
    for number in range(count):
        record = make_draft(title=f"示范市财政局第{number + 1}号公告")
        services.submit_record(record, actor=clerk_a)
        records.append(record)
    return records


@pytest.mark.django_db
def test_it_numbers_per_unit_and_year(make_draft, clerk_a, publish):
    first, second = publish(make_draft()), publish(make_draft(title="第二条"))
    year = timezone.localdate().year
    assert first.index_number == f"MB0000002/{year}-00001"
    assert second.index_number == f"MB0000002/{year}-00002"


@pytest.mark.django_db
def test_it_can_number_by_month(make_draft, publish):
    PublishingSettings.objects.create(pk=1, index_period=PeriodForm.YEAR_MONTH.value)
    record = publish(make_draft())
    assert record.index_number == f"MB0000002/{timezone.localdate():%Y%m}-00001"


@pytest.mark.django_db
def test_it_never_reissues_a_number_after_a_withdrawal(make_draft, publish, reviewer_a):
    first = publish(make_draft())
    services.withdraw_record(first, "误发", actor=reviewer_a)
    second = publish(make_draft(title="重新发布"))
    assert second.index_number != first.index_number
    assert second.index_number.endswith("-00002")


@pytest.mark.django_db
def test_it_starts_a_new_counter_above_imported_numbers(unit_a, columns_a):
    Record.objects.create(unit=unit_a, title="旧网站导入", publisher=unit_a.name, status="published",
                          index_number="MB0000002/2026-00417", published_on=date(2026, 1, 5))
    with transaction.atomic():
        numbers = numbering.draw_index_numbers(unit_a, date(2026, 2, 1), IndexFormat(), count=2)
    assert [n.text for n in numbers] == ["MB0000002/2026-00418", "MB0000002/2026-00419"]
    assert IndexCounter.objects.get(key="MB0000002/2026").last_serial == 419


@pytest.mark.django_db(transaction=True)
def test_it_never_gives_two_concurrent_publications_the_same_number(
    file_database, make_draft, clerk_a, reviewer_a, monkeypatch
):
    records = _prepare(make_draft, clerk_a, 4)
    slow = numbering.make_index_number

    def make_slowly(*args, **kwargs):  # widen the window between reading and writing the counter
        time.sleep(0.1)
        return slow(*args, **kwargs)

    monkeypatch.setattr(numbering, "make_index_number", make_slowly)
    barrier = threading.Barrier(len(records))
    errors: list[BaseException] = []

    def publish(record):
        try:
            barrier.wait(timeout=10)
            services.publish_record(Record.objects.get(pk=record.pk), actor=reviewer_a)
        except BaseException as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=(record,)) for record in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    numbers = list(Record.objects.filter(pk__in=[r.pk for r in records]).values_list("index_number", flat=True))
    assert len(set(numbers)) == len(records) and None not in numbers
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert serials == [1, 2, 3, 4]


@pytest.mark.django_db
def test_it_explains_a_unit_without_an_organisation_code(office_unit, office_admin):
    from django.core.exceptions import ValidationError

    from gongkai.records.catalog import apply_default_columns
    from gongkai.records.models import Column

    apply_default_columns(office_unit)
    record = services.create_record(
        office_unit, {"title": "公开办通知", "body": "正文", "written_on": date(2026, 3, 2)},
        columns=[Column.objects.get(unit=office_unit, name="通知公告")], actor=office_admin,
    )
    services.submit_record(record, actor=office_admin)
    with pytest.raises(ValidationError) as error:
        services.publish_record(record, actor=office_admin)
    assert "单位代码" in str(error.value) and "补正" in str(error.value)
    record.refresh_from_db()
    assert record.status == "in_review" and record.index_number is None

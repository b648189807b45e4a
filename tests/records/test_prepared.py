"""A prepared query (gongkai.prepared) answers what its queryset answers, on SQLite and PostgreSQL,
compiling the SQL once: the instances, their field types, select_related, deferred fields, list
arguments of any length and pages."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.prepared import PreparedQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(unit_a, unit_b):
    from gongkai.records.models import Column, Record

    columns = [Column.objects.create(unit=unit, name=name) for unit in (unit_a, unit_b) for name in ("政策文件", "通知公告")]
    records = []
    for n in range(12):
        record = Record.objects.create(
            unit=(unit_a, unit_b)[n % 2], title=f"第{n}号通知", body=f"<p>正文{n}</p>", status="published",
            published_on=date(2026, 1, 1 + n), written_on=date(2025, 12, 1 + n), index_number=f"T-{n:03d}",
        )
        record.columns.add(columns[n % 4])
        records.append(record)
    return columns, records


def _same(prepared, expected):
    assert [row.pk for row in prepared] == [row.pk for row in expected]
    for got, want in zip(prepared, expected, strict=True):
        assert (got.title, got.published_on, got.unit_id) == (want.title, want.published_on, want.unit_id)
        assert type(got.published_on) is date  # the database's converters ran (SQLite answers text)


def test_a_prepared_query_answers_what_its_queryset_answers_and_compiles_once(catalog, unit_a, unit_b):
    from gongkai.records.models import Record

    def build(unit_pk):
        return Record.objects.filter(unit_id=unit_pk, status="published").select_related("unit").order_by("-published_on")

    query = PreparedQuery(build)
    for unit in (unit_a, unit_b, unit_a):
        with CaptureQueriesContext(connection) as queries:
            rows = query(unit.pk)
            assert [row.unit.name for row in rows] == [unit.name] * 6  # joined: no query per row
        assert len(queries) == 1
        _same(rows, list(build(unit.pk)))
    assert len(query._compiled) == 1
    assert query(10**9) == []


def test_deferred_fields_stay_deferred_and_load_when_asked(catalog):
    from gongkai.records.models import Record

    record = catalog[1][3]
    [row] = PreparedQuery(lambda pk: Record.objects.filter(pk=pk).only("title", "published_on"))(record.pk)
    assert row.get_deferred_fields() >= {"body", "index_number"}
    assert (row.title, row.index_number) == (record.title, "T-003")


def test_list_arguments_of_any_length_and_a_string_argument(catalog):
    from gongkai.records.models import Column, Record

    columns, _ = catalog
    query = PreparedQuery(lambda ids: Record.objects.filter(columns__in=ids).order_by("pk"))
    for ids in ([columns[0].pk], [columns[0].pk, columns[2].pk], [columns[3].pk, columns[1].pk, columns[0].pk], []):
        _same(query(ids), list(Record.objects.filter(columns__in=ids).order_by("pk")))
    assert len(query._compiled) == 3  # one per length; the empty list is never compiled
    by_name = PreparedQuery(lambda name: Column.objects.filter(name=name).order_by("pk"))
    assert [column.pk for column in by_name("通知公告")] == [columns[1].pk, columns[3].pk]
    assert by_name("不存在的栏目") == []


def test_pages_are_slices_of_the_same_query(catalog):
    from django.core.paginator import Paginator

    from gongkai.records.models import Record

    query = PreparedQuery(lambda: Record.objects.order_by("-published_on", "-pk"), arity=0)
    everything = list(Record.objects.order_by("-published_on", "-pk"))
    assert [row.pk for row in query(window=(5, 10))] == [row.pk for row in everything[5:10]]
    assert query(window=(0, 0)) == []  # the page of an empty list
    paginator = Paginator(query.rows(), 5)  # type: ignore[arg-type]
    paginator.count = len(everything)
    assert [[row.pk for row in paginator.page(n).object_list] for n in (1, 2, 3)] == [
        [row.pk for row in everything[start:start + 5]] for start in (0, 5, 10)
    ]


def test_an_argument_that_is_not_one_parameter_is_refused_and_a_wrong_count_too(catalog):
    from gongkai.records.models import Record

    with pytest.raises(ValueError, match="每个参数"):
        PreparedQuery(lambda word: Record.objects.filter(title__contains=word))("通知")  # becomes '%…%'
    with pytest.raises(TypeError, match="需要 1 个参数"):
        PreparedQuery(lambda pk: Record.objects.filter(pk=pk))(1, 2)


def test_a_number_no_integer_column_holds_finds_nothing_instead_of_overflowing(catalog):
    from gongkai.records.models import Record

    query = PreparedQuery(lambda pk: Record.objects.filter(pk=pk))
    assert query(99999999999999999999) == [] and query(-(2**40)) == []  # as the queryset answers

"""The 有效性 query (``records.validityfilter.validity_q``) selects exactly the records whose
validity the one rule (``rules.validity.validity_on``) gives, on every combination of the facts."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest

from gongkai.records.models import Record, RecordStatus
from gongkai.records.validityfilter import validity_q
from gongkai.rules.validity import Validity

pytestmark = pytest.mark.django_db

TODAY = date(2026, 9, 28)
DAYS = [None, TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=1)]
DECLARED = ["", *[v.value for v in Validity]]


def test_it_agrees_with_the_rule_on_every_combination(unit_a):
    records = [
        Record(unit=unit_a, title="t", publisher="p", status=status, declared_validity=declared,
               effective_on=effective, expires_on=expires, repealed_on=repealed)
        for status, declared, effective, expires, repealed in product(
            [RecordStatus.PUBLISHED, RecordStatus.SUPERSEDED], DECLARED, DAYS, DAYS, DAYS)
    ]
    Record.objects.bulk_create(records)
    stored = list(Record.objects.all())
    for wanted in Validity:
        expected = {record.pk for record in stored if record.validity_on(TODAY).value == wanted.value}
        found = set(Record.objects.filter(validity_q(wanted, TODAY)).values_list("pk", flat=True))
        assert found == expected, wanted

"""有效性 as a query: the rows whose validity on a day is a given value, for lists that page
through the database (the API's record list, the portal's list of normative documents) where
deciding each row in Python cannot page: it reads every row of the catalog.

It restates ``rules.validity.validity_on`` step by step, in the same order; a test holds the
two to the same answer on every combination of the facts (tests/records/test_validity_filter.py).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from gongkai.records.models import RecordStatus
from gongkai.rules.validity import Validity


def validity_q(wanted: Validity, day: date) -> Q:
    repealed = Q(repealed_on__lte=day)  # 1. 废止
    superseded = Q(status=RecordStatus.SUPERSEDED, repealed_on__isnull=True)  # 2. 已修订
    expired = Q(expires_on__lt=day)  # 3. 失效
    not_yet = Q(effective_on__gt=day)  # 4. 尚未生效
    by_dates = {
        Validity.REPEALED: repealed,
        Validity.SUPERSEDED: ~repealed & superseded,
        Validity.EXPIRED: ~repealed & ~superseded & expired,
        Validity.NOT_YET: ~repealed & ~superseded & ~expired & not_yet,
    }
    # 5. the dates say 有效; a declared value replaces it
    declared = Q(declared_validity=wanted.value)
    if wanted is Validity.VALID:
        declared |= Q(declared_validity="")
    otherwise = ~repealed & ~superseded & ~expired & ~not_yet & declared
    return by_dates[wanted] | otherwise if wanted in by_dates else otherwise

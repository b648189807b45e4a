"""Handing out 索引号: unique and never reissued, also when two reviewers publish at once.

《政府信息公开目录系统实施指引(试行)》: the 索引号 is unique and permanent (DOMAIN.md 3.1). The
string is written by ``rules.indexno``; this module draws the serials. Each counter ("前段码/期间")
is one ``IndexCounter`` row, locked with SELECT … FOR UPDATE for the rest of the publishing
transaction: a second publication of the same unit and period waits for the first to commit and
then reads its serial (PostgreSQL re-reads a locked row; SQLite runs the two IMMEDIATE transactions
one after the other). The unique 索引号 column is the last guard. A withdrawn record keeps its
number, so a serial is never handed out twice.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from gongkai.orgs.models import Unit
from gongkai.records.models import IndexCounter, Record
from gongkai.rules.indexno import IndexFormat, IndexNumber, make_index_number, sequence_key


def draw_index_numbers(unit: Unit, published_on: date, fmt: IndexFormat, count: int = 1) -> list[IndexNumber]:
    """``count`` consecutive new 索引号 of ``unit`` for ``published_on``. Must run inside the
    transaction that stores them. Raises ``IndexNumberError`` if the unit has no usable code."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("索引号必须在保存信息的同一事务中发放")
    key = sequence_key(unit.org_code, published_on, fmt)
    counter = _locked_counter(key)
    first = counter.last_serial + 1
    counter.last_serial += count
    counter.save(update_fields=["last_serial"])
    return [make_index_number(unit.org_code, published_on, serial, fmt) for serial in range(first, first + count)]


def reserve_up_to(key: str, serial: int) -> None:
    """Make sure the counter ``key`` never hands out ``serial`` or below (imported numbers)."""
    counter = _locked_counter(key)
    if counter.last_serial < serial:
        counter.last_serial = serial
        counter.save(update_fields=["last_serial"])


def _locked_counter(key: str) -> IndexCounter:
    counter = IndexCounter.objects.select_for_update().filter(key=key).first()
    if counter is not None:
        return counter
    try:
        with transaction.atomic():  # a savepoint: a concurrent creator makes this one fail harmlessly
            IndexCounter.objects.create(key=key, last_serial=_highest_serial_on_record(key))
    except IntegrityError:
        pass
    return IndexCounter.objects.select_for_update().get(key=key)


def _highest_serial_on_record(key: str) -> int:
    """A new counter starts above every number already given under ``key`` (e.g. imported ones)."""
    numbers = Record.objects.filter(index_number__startswith=f"{key}-").values_list("index_number", flat=True)
    serials = [int(text.rsplit("-", 1)[1]) for text in numbers if text.rsplit("-", 1)[1].isascii() and text.rsplit("-", 1)[1].isdigit()]
    return max(serials, default=0)

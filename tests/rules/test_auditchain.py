"""The audit log's hash chain: SHA-256 or SM3, and the first broken link named with its kind."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from gongkai.rules import auditchain
from gongkai.rules.auditchain import Breakage, ChainRow


def test_sm3_gives_the_example_digests_of_gb_t_32905_2016():
    # 附录 A: 示例 1 ("abc") and 示例 2 ("abcd" × 16, 512 bits)
    assert auditchain.digest("sm3", b"abc") == (
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    )
    assert auditchain.digest("sm3", b"abcd" * 16) == (
        "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    )


def test_sha256_is_the_default_algorithm_of_the_chain():
    assert auditchain.digest("sha256", b"abc").startswith("ba7816bf")
    with pytest.raises(ValueError):
        auditchain.digest("md5", b"abc")


def test_the_canonical_content_does_not_depend_on_key_order_time_zone_or_address_spelling():
    when = datetime.datetime(2026, 12, 4, 8, 0, tzinfo=datetime.UTC)
    shanghai = when.astimezone(datetime.timezone(datetime.timedelta(hours=8)))
    one = {"created_at": when, "after": {"b": 1, "a": "公开"}, "ip": auditchain.address("::ffff:1.2.3.4")}
    two = {"ip": auditchain.address("::ffff:102:304"), "after": {"a": "公开", "b": 1}, "created_at": shanghai}
    assert auditchain.canonical(one) == auditchain.canonical(two)
    assert auditchain.canonical({"after": {"n": [1e16]}}) == auditchain.canonical({"after": {"n": [10**16]}})
    with pytest.raises(ValueError):
        auditchain.canonical({"created_at": when.replace(tzinfo=None)})


def chain(count: int, algorithm: str = "sha256") -> list[ChainRow]:
    rows, previous = [], auditchain.GENESIS
    for number in range(1, count + 1):
        content = {"action": f"step_{number}", "after": {"n": number}}
        row_hash = auditchain.link(algorithm, previous, content)
        rows.append(ChainRow(number, algorithm, previous, row_hash, content))
        previous = row_hash
    return rows


@pytest.mark.parametrize("algorithm", ["sha256", "sm3"])
def test_an_untouched_chain_verifies_with_its_count_and_head(algorithm):
    rows = chain(5, algorithm)
    verdict = auditchain.verify(rows)
    assert verdict.ok and verdict.count == 5
    assert (verdict.head_id, verdict.head_hash) == (5, rows[-1].row_hash)


def test_it_names_a_changed_row():
    rows = chain(5)
    rows[2] = replace(rows[2], content={"action": "step_3", "after": {"n": 300}})
    verdict = auditchain.verify(rows)
    assert (verdict.broken.row_id, verdict.broken.kind, verdict.count) == (3, Breakage.CHANGED, 2)
    assert "id=3" in verdict.broken.describe() and "被修改" in verdict.broken.describe()


def test_it_names_the_row_after_a_deleted_one():
    rows = chain(5)
    del rows[1]
    verdict = auditchain.verify(rows)
    assert (verdict.broken.row_id, verdict.broken.kind) == (3, Breakage.DELETED)
    first = auditchain.verify(chain(3)[1:])
    assert (first.broken.row_id, first.broken.kind) == (2, Breakage.DELETED)


def test_it_names_a_swapped_pair_as_reordered():
    rows = chain(5)
    rows[1], rows[2] = replace(rows[2], row_id=2), replace(rows[1], row_id=3)
    verdict = auditchain.verify(rows)
    assert (verdict.broken.row_id, verdict.broken.kind) == (2, Breakage.REORDERED)


def test_a_row_claiming_an_unknown_algorithm_is_a_changed_row():
    rows = chain(2)
    rows[1] = replace(rows[1], algorithm="md5")
    assert auditchain.verify(rows).broken.kind is Breakage.CHANGED

"""The hash chain of the audit log: each row carries H(previous row's hash + its own canonical
content), so that a row changed, deleted or moved after the fact is found by walking the chain.

H is SHA-256, or SM3 (GB/T 32905-2016) where the platform is configured for 国密. The algorithm is
kept on every row, so that a log begun under one setting still verifies after the setting changed.

The verdict names the first broken link and what is wrong with it:

- ``changed``: the row's content no longer gives its own stored hash;
- ``deleted``: the row's ``prev_hash`` is the hash of no row in the log (rows before it are gone);
- ``reordered``: its ``prev_hash`` is the hash of a row that is elsewhere in the log.

A chain rewritten from the altered row onward (every later hash recomputed) is only caught
against a head kept outside the database: the manifest of each backup records it.
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from gmssl import func as gm_func  # type: ignore[import-untyped]
from gmssl import sm3 as gm_sm3

GENESIS: Final = "0" * 64


class Algorithm(StrEnum):
    SHA256 = "sha256"
    SM3 = "sm3"


def digest(algorithm: Algorithm | str, data: bytes) -> str:
    """The hexadecimal hash of ``data``."""
    if Algorithm(algorithm) is Algorithm.SM3:
        return str(gm_sm3.sm3_hash(gm_func.bytes_to_list(data)))
    return hashlib.sha256(data).hexdigest()


def canonical(content: Mapping[str, Any]) -> bytes:
    """One byte string per content, whichever engine stored it: keys sorted, times in UTC to the
    microsecond, addresses in their exploded form, huge whole floats as integers (as jsonb returns
    them), JSON without spaces, UTF-8."""
    return json.dumps(
        {key: _plain(value) for key, value in content.items()},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError("audit times must carry their time zone")
        return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    if isinstance(value, ipaddress.IPv4Address | ipaddress.IPv6Address):
        return value.exploded
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e16:
        return int(value)  # PostgreSQL's jsonb gives 1e16 back as 10000000000000000
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def address(value: str | None) -> str | None:
    """An IP address as the chain hashes it (PostgreSQL's ``inet`` may print it otherwise)."""
    return ipaddress.ip_address(value).exploded if value else None


def link(algorithm: Algorithm | str, prev_hash: str, content: Mapping[str, Any]) -> str:
    """The hash a row with ``content`` carries after the row whose hash is ``prev_hash``."""
    return digest(algorithm, prev_hash.encode("ascii") + canonical(content))


@dataclass(frozen=True)
class ChainRow:
    row_id: int
    algorithm: str
    prev_hash: str
    row_hash: str
    content: Mapping[str, Any]


class Breakage(StrEnum):
    CHANGED = "changed"
    DELETED = "deleted"
    REORDERED = "reordered"


LABELS: Final = {
    Breakage.CHANGED: "内容被修改（与其哈希不符）",
    Breakage.DELETED: "之前的记录被删除（上一环的哈希在日志中已不存在）",
    Breakage.REORDERED: "顺序被调换（上一环的哈希属于日志中另一位置的记录）",
}


@dataclass(frozen=True)
class Break:
    row_id: int
    kind: Breakage
    position: int  # how many rows verified before it

    def describe(self) -> str:
        return f"审计日志在记录 id={self.row_id} 处断链（{self.kind.value}）：{LABELS[self.kind]}"


@dataclass(frozen=True)
class Verdict:
    count: int
    head_id: int | None
    head_hash: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(rows: Iterable[ChainRow], stored: Container[str] | None = None) -> Verdict:
    """Walk ``rows`` in chain order (ascending id). ``stored`` answers whether a hash is any row's
    in the whole log (a deleted predecessor or a moved one); without it the rows given are all."""
    if stored is None:
        rows = list(rows)
        stored = frozenset(row.row_hash for row in rows)
    expected, count, head_id = GENESIS, 0, None
    for row in rows:
        broken = _check(row, expected, stored)
        if broken is not None:
            return Verdict(count, head_id, expected, Break(row.row_id, broken, count))
        expected, count, head_id = row.row_hash, count + 1, row.row_id
    return Verdict(count, head_id, expected, None)


def _check(row: ChainRow, expected: str, stored: Container[str]) -> Breakage | None:
    try:
        own = link(row.algorithm, row.prev_hash, row.content)
    except ValueError:  # an unknown algorithm name is a changed row too
        return Breakage.CHANGED
    if own != row.row_hash:
        return Breakage.CHANGED
    if row.prev_hash != expected:
        return Breakage.REORDERED if row.prev_hash in stored else Breakage.DELETED
    return None

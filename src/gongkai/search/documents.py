"""What the search index holds: a published document handed over by the app that owns it.

``search`` imports no app (layers point down): ``records`` and later apps build a
``SearchDocument`` when they publish and call ``gongkai.search.api.index_documents`` inside the
transaction of the publication, and ``remove_documents`` inside that of a withdrawal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SearchDocument:
    key: str  # "<app label>.<model>:<pk>", e.g. "records.record:42"; unique in the index
    title: str
    body: str  # plain text (sanitised HTML turned to text, PII already masked)
    url: str  # where the portal shows it
    published_on: date
    unit_id: int | None = None  # the publishing unit
    column_ids: tuple[int, ...] = field(default=())  # catalog columns it belongs to
    topic: str = ""  # 主题分类
    validity: str = ""  # 有效性
    doc_number: str = ""  # 文号, searchable as written
    index_number: str = ""  # 索引号

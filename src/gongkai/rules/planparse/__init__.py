"""Work-plan notices (工作要点, 分工方案) into plans: CONTRACTS.md section 1.

Pure: no Django. ``read_file`` turns a .txt/.docx/.doc/.xlsx/.html file into a
:class:`Document`; ``parse_document`` turns a Document into a :class:`Plan`; ``to_json`` prints
it as the contract says.

    plan = parse_file("notice.docx")
    print(to_json(plan))
"""

from __future__ import annotations

from pathlib import Path

from gongkai.rules.planparse.deadlines import parse_deadline
from gongkai.rules.planparse.model import (
    Cell,
    Deadline,
    Document,
    Item,
    Milestone,
    Paragraph,
    Plan,
    PlanKind,
    Recurrence,
    Table,
    to_json,
)
from gongkai.rules.planparse.parser import parse_document
from gongkai.rules.planparse.readers import MAX_BYTES, ReadError, read_bytes, read_file, read_text


def clear_caches() -> None:
    """Forget the cells classified so far (they are cached within and across parses): for
    benchmarks that must time a cold parse."""
    from gongkai.rules.planparse.annotations import _assign
    from gongkai.rules.planparse.cells import classify

    classify.cache_clear()
    _assign.cache_clear()


def parse_text(text: str, year: int | None = None) -> Plan:
    """The plan of a notice given as text (one paragraph a line)."""
    return parse_document(read_text(text), year)


def parse_file(path: str | Path, year: int | None = None) -> Plan:
    """The plan of a notice file; raises :class:`ReadError` when the file cannot be read."""
    return parse_document(read_file(path), year)


__all__ = [
    "MAX_BYTES",
    "Cell",
    "Deadline",
    "Document",
    "Item",
    "Milestone",
    "Paragraph",
    "Plan",
    "PlanKind",
    "ReadError",
    "Recurrence",
    "Table",
    "clear_caches",
    "parse_deadline",
    "parse_document",
    "parse_file",
    "parse_text",
    "read_bytes",
    "read_file",
    "read_text",
    "to_json",
]

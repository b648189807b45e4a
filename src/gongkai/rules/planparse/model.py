"""What goes into the parser (a Document of paragraphs and tables) and what comes out (a Plan).

The output follows CONTRACTS.md section 1 field by field; fields added beyond the contract
(``kind``, ``warnings``, ``notice_title``, ``units_inherited``, ``milestones``) only extend it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

# --- input -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One table cell. ``merged`` marks the continuation of a vertically merged cell: its text is
    empty and its value is the one of the cell above (the row above "spans" into this one)."""

    text: str
    merged: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph, or one line of a text file, as written (leading tabs kept: they are layout)."""

    text: str


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """A notice as read from a file: its paragraphs and real tables in document order."""

    blocks: tuple[Block, ...]
    source: str = ""  # the file name, for messages


# --- output ----------------------------------------------------------------------------------


class PlanKind(StrEnum):
    """What the parser found in the document."""

    TABLE = "table"  # a task-division table (分工方案), real or flattened to text
    PROSE = "prose"  # a notice of key points (工作要点) with numbered paragraphs
    NOT_A_PLAN = "not_a_plan"  # neither: an evaluation standard, an ordinary notice…


class Recurrence(StrEnum):
    ONGOING = "ongoing"  # 全年工作、持续推进、长期坚持、常态化
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    YEARLY = "yearly"
    EVENT = "event"  # after a trigger: "收到…后及时转发", "按预算法规时限完成"


@dataclass(frozen=True)
class Milestone:
    """One dated step of a deadline that names several ("中考3月 高考11月")."""

    label: str
    date: date


@dataclass(frozen=True)
class Deadline:
    raw: str | None = None
    date: date | None = None
    recurrence: Recurrence | None = None
    inherited: bool = False  # a merged table cell: the value is the row above's
    milestones: tuple[Milestone, ...] = ()  # only when the deadline names more than one date
    workdays: int | None = None  # an event's window: "印发后20个工作日内" → 20


NO_DEADLINE = Deadline()


@dataclass(frozen=True)
class Item:
    number: str
    section: tuple[str, ...]
    text: str
    lead_units: tuple[str, ...]
    units: tuple[str, ...]
    deadline: Deadline = NO_DEADLINE
    units_inherited: bool = False  # from a merged cell above, or from the section's annotation
    line: int = field(default=0, compare=False)  # where it starts in the document, 0 if unknown
    notes: tuple[str, ...] = ()  # cells of columns the parser keeps as notes ("责任领导：张明")


@dataclass(frozen=True)
class Plan:
    title: str | None
    issuer: str | None
    doc_number: str | None
    issued_on: date | None
    year: int | None
    items: tuple[Item, ...]
    kind: PlanKind
    warnings: tuple[str, ...] = field(default=())
    notice_title: str | None = None  # "…关于印发…的通知" when the plan came inside a notice
    unread: tuple[tuple[int, str], ...] = ()  # (line, text) of the lines no item took, in order


# --- JSON (CONTRACTS.md section 1) -----------------------------------------------------------


def deadline_to_json(deadline: Deadline) -> dict[str, Any]:
    return {
        "raw": deadline.raw,
        "date": deadline.date.isoformat() if deadline.date else None,
        "recurrence": deadline.recurrence.value if deadline.recurrence else None,
        "inherited": deadline.inherited,
        "milestones": [
            {"label": step.label, "date": step.date.isoformat()} for step in deadline.milestones
        ],
        "workdays": deadline.workdays,
    }


def item_to_json(item: Item) -> dict[str, Any]:
    return {
        "number": item.number,
        "section": list(item.section),
        "text": item.text,
        "lead_units": list(item.lead_units),
        "units": list(item.units),
        "deadline": deadline_to_json(item.deadline),
        "units_inherited": item.units_inherited,
        "line": item.line,
        "notes": list(item.notes),
    }


def to_json(plan: Plan) -> dict[str, Any]:
    """The plan exactly as CONTRACTS.md section 1 prints it, plus ``kind`` and ``warnings``."""
    return {
        "title": plan.title,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "year": plan.year,
        "items": [item_to_json(item) for item in plan.items],
        "kind": plan.kind.value,
        "warnings": list(plan.warnings),
        "notice_title": plan.notice_title,
        "unread": [{"line": line, "text": text} for line, text in plan.unread],
    }

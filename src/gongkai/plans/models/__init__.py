"""Plans and what follows them.

Dependency direction inside the package: ``plans`` (the imported notice: plans, sections, items,
the units they name) ← ``progress`` (assignments, reporting periods, reports, evidence, reminders)
← ``supervision`` (bulletins and the half-yearly public progress pages).
"""

from gongkai.plans.models.plans import (
    IMPLEMENTATION_STARTS,
    ImportStatus,
    Item,
    ItemUnit,
    Plan,
    PlanImport,
    PlanStatus,
    Recurrence,
    Section,
    UnitRole,
)
from gongkai.plans.models.progress import (
    Assignment,
    AssignmentRole,
    Evidence,
    EvidenceKind,
    Period,
    ProgressReport,
    ProgressStatus,
    ReminderLog,
    ReportState,
)
from gongkai.plans.models.supervision import (
    Bulletin,
    BulletinStatus,
    ProgressDisclosure,
    ProgressDisclosureStatus,
)

__all__ = [
    "IMPLEMENTATION_STARTS",
    "Assignment",
    "AssignmentRole",
    "Bulletin",
    "BulletinStatus",
    "Evidence",
    "EvidenceKind",
    "ImportStatus",
    "Item",
    "ItemUnit",
    "Period",
    "Plan",
    "PlanImport",
    "PlanStatus",
    "ProgressDisclosure",
    "ProgressDisclosureStatus",
    "ProgressReport",
    "ProgressStatus",
    "Recurrence",
    "ReminderLog",
    "ReportState",
    "Section",
    "UnitRole",
]

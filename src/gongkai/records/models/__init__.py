"""Government information records (政府信息) and what surrounds them.

Dependency direction inside the package: ``catalog`` (columns, settings, counters) ← ``records``
(records, their events and attachments) ← ``gazette`` and ``imports``.
"""

from gongkai.records.models.catalog import Column, IndexCounter, PublishingSettings
from gongkai.records.models.gazette import Gazette, GazetteEntry, GazetteStatus
from gongkai.records.models.imports import CatalogImport, ImportStatus
from gongkai.records.models.records import (
    EDITABLE_STATUSES,
    NORMATIVE_KINDS,
    ON_RECORD_STATUSES,
    POLICY_KINDS,
    Attachment,
    Audience,
    Disclosure,
    EventKind,
    Record,
    RecordEvent,
    RecordKind,
    RecordStatus,
    Validity,
)

__all__ = [
    "EDITABLE_STATUSES",
    "NORMATIVE_KINDS",
    "ON_RECORD_STATUSES",
    "POLICY_KINDS",
    "Attachment",
    "Audience",
    "CatalogImport",
    "Column",
    "Disclosure",
    "EventKind",
    "Gazette",
    "GazetteEntry",
    "GazetteStatus",
    "ImportStatus",
    "IndexCounter",
    "PublishingSettings",
    "Record",
    "RecordEvent",
    "RecordKind",
    "RecordStatus",
    "Validity",
]

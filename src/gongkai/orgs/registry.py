"""The bridge between the unit tables and the pure rules of ``gongkai.rules.units``."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.audit.log import record
from gongkai.orgs.models import GroupPhrase, Unit, UnitAlias
from gongkai.rules import units as unit_rules


def build_registry() -> unit_rules.Registry:
    """The registry as the rules see it, from the current tables (three queries)."""
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in UnitAlias.objects.values_list("unit_id", "alias"):
        aliases.setdefault(unit_id, []).append(alias)
    rows = list(Unit.objects.filter(is_active=True).values(
        "pk", "key", "name", "kind", "category", "org_code", "parent__key", "tags"
    ))
    active = {row["key"] for row in rows}
    units = [
        {
            "key": row["key"], "name": row["name"], "kind": row["kind"],
            "category": row["category"] or None, "org_code": row["org_code"],
            # a unit under a retired parent hangs at the top rather than disappearing
            "parent": row["parent__key"] if row["parent__key"] in active else None,
            "aliases": sorted(aliases.get(row["pk"], [])), "tags": row["tags"] or [],
        }
        for row in rows
    ]
    groups = [
        {**group.rule, "phrase": group.phrase, "aliases": group.aliases}
        for group in GroupPhrase.objects.all()
    ]
    return unit_rules.load_registry({"units": units, "groups": groups})


@transaction.atomic
def load_registry_data(data: dict[str, Any]) -> int:
    """Create the units, aliases and group phrases of registry data (the demo file); returns
    the number of units created. Existing keys are left as they are."""
    registry = unit_rules.load_registry(data)  # validates the whole file before writing
    by_key = {unit.key: unit for unit in Unit.objects.all()}
    created = 0
    for order, entry in enumerate(_parents_first(registry.units)):
        if entry.key in by_key:
            continue
        unit = Unit.objects.create(
            key=entry.key, name=entry.name, kind=entry.kind.value,
            category=entry.category.value if entry.category else "", org_code=entry.org_code,
            parent=by_key[entry.parent] if entry.parent else None, tags=list(entry.tags),
            sort_order=order,
        )
        UnitAlias.objects.bulk_create([UnitAlias(unit=unit, alias=alias) for alias in entry.aliases])
        by_key[unit.key] = unit
        created += 1
    for item in unit_rules.registry_to_data(registry)["groups"]:
        rule = {k: v for k, v in item.items() if k not in ("phrase", "aliases")}
        GroupPhrase.objects.get_or_create(
            phrase=item["phrase"], defaults={"aliases": item["aliases"], "rule": rule}
        )
    record("registry_loaded", object_type="orgs.unit", object_repr=f"{created} 个单位",
           after={"units": created, "groups": len(registry.groups)})
    return created


def _parents_first(entries: tuple[unit_rules.UnitEntry, ...]) -> list[unit_rules.UnitEntry]:
    placed: set[str] = set()
    ordered: list[unit_rules.UnitEntry] = []
    pending = list(entries)
    while pending:
        ready = [e for e in pending if e.parent is None or e.parent in placed]
        if not ready:  # load_registry already refused cycles and unknown parents
            raise unit_rules.RegistryError("单位的上级关系有循环")
        ordered += ready
        placed |= {e.key for e in ready}
        pending = [e for e in pending if e.key not in placed]
    return ordered

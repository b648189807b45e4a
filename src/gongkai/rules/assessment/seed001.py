"""Seed 001's indicators (六政务公开办〔2017〕2号 二): 共性 plus each class's 个性, the demo system.

The notice lists the indicators but gives no points; ``data/seed001.json`` holds the points the
demo assumes, and its ``note`` says how they were set (each class 100: 共性 60, 个性 40). Item
3(8) of the 市级部门 个性 applies one sentence to 承担重点领域 departments and another to the
others: it is two leaves, 5.3.8 and 5.3.9, one per class.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Final

from gongkai.rules.assessment.indicators import (
    ALL_CLASSES,
    CLASS_LABELS,
    Indicator,
    IndicatorSystem,
    require_valid,
)

DATA: Final = Path(__file__).resolve().parent / "data" / "seed001.json"
_BY_LABEL: Final = {label: cls for cls, label in CLASS_LABELS.items()}


def seed001_system() -> IndicatorSystem:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    indicators = tuple(
        Indicator(
            code=item["code"],
            name=item["name"],
            points=Decimal(str(item["points"])),
            guide=item.get("guide", ""),
            classes=frozenset(_BY_LABEL[label] for label in item["classes"]) if "classes" in item else ALL_CLASSES,
            key_area=bool(item.get("key_area", False)),
            measure=item.get("measure", ""),
        )
        for item in data["indicators"]
    )
    return require_valid(IndicatorSystem(data["name"], indicators, data["note"]))

"""The one place the plans app calls the pure notice parser (gongkai.rules.planparse)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gongkai.rules import planparse

MAX_BYTES = planparse.MAX_BYTES
EXTENSIONS = (".txt", ".docx", ".doc", ".xlsx", ".html", ".htm")


class ParseFailure(ValueError):
    """The file cannot be read as a notice; the message names the file and the problem."""


def parse_path(path: str | Path, name: str, year: int | None = None) -> dict[str, Any]:
    """The contract JSON of CONTRACTS.md section 1 for an uploaded file."""
    try:
        plan = planparse.parse_file(path, year)
    except planparse.ReadError as error:
        raise ParseFailure(f"{name}：{error}") from None
    if plan.kind == planparse.PlanKind.NOT_A_PLAN or not plan.items:
        warnings = "；".join(plan.warnings)
        raise ParseFailure(f"{name}：没有找到任务分工表或带责任单位的工作任务。{warnings}".rstrip("。") + "。")
    return planparse.to_json(plan)

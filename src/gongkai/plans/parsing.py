"""The one place the plans app calls the pure notice parser (gongkai.rules.planparse)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_BYTES = 20 * 1024 * 1024
EXTENSIONS = (".txt", ".docx", ".doc", ".xlsx", ".html", ".htm")


class ParseFailure(ValueError):
    """The file cannot be read as a notice; the message names the file and the problem."""


def parse_path(path: str | Path, name: str, year: int | None = None) -> dict[str, Any]:
    """The contract JSON of CONTRACTS.md section 1 for an uploaded file."""
    raise NotImplementedError

"""A spreadsheet cell as the text a clerk typed: the one rule both .xlsx readers use (the
assessment's indicator systems, ``rules.assessment.sheet``, and the website check systems,
``rules.monitoring.sheet``).

Empty is ``""``; a whole number Excel stored as a float (``3.0``) reads as ``3``; anything else is
its text without surrounding white space.
"""

from __future__ import annotations

from typing import Any


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

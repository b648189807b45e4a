"""Quarters (季度) of the monitoring reports: ``2026Q4`` and its first and last days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

_QUARTER: Final = re.compile(r"(\d{4})Q([1-4])")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str, low: int = 2000, high: int = 2100) -> Quarter:
        match = _QUARTER.fullmatch(text.strip())
        if match is None or not low <= int(match.group(1)) <= high:
            raise ValueError(f"季度“{text}”无效，应写作 2026Q4（{low} 至 {high} 年）")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def first_day(self) -> date:
        return date(self.year, self.number * 3 - 2, 1)

    @property
    def last_day(self) -> date:
        following = self.following.first_day
        return date.fromordinal(following.toordinal() - 1)

    @property
    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def following(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.number - 1]}季度"

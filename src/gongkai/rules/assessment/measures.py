"""Scores the platform measures itself: a leaf bound to a measure shows the evaluator the value
the platform computed for the round's period and the points it suggests; the evaluator decides.

The suggestion is proportional: the leaf's points times the share done on time, to the cent
(half up). A period with nothing to measure suggests nothing (None), never full points.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Final


class Measure(StrEnum):
    RECORDS_ON_TIME = "records_on_time"  # 《条例》第二十六条: 20 个工作日内公开
    FOI_ON_TIME = "foi_on_time"  # 《条例》第三十三条: 依申请公开按期答复


MEASURE_LABELS: Final = {
    Measure.RECORDS_ON_TIME: "主动公开信息在形成之日起规定工作日内公开",
    Measure.FOI_ON_TIME: "依申请公开在法定期限内答复",
}
MEASURE_BY_LABEL: Final = {label: measure for measure, label in MEASURE_LABELS.items()}


@dataclass(frozen=True)
class Measured:
    measure: Measure
    met: int  # done on time
    total: int  # done in the period

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.met) / Decimal(self.total) if self.total else None

    def describe(self) -> str:
        if not self.total:
            return f"{MEASURE_LABELS[self.measure]}：考评期间内没有可计算的事项"
        percent = (Decimal(100) * self.met / self.total).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"{MEASURE_LABELS[self.measure]}：{self.total} 件中按时 {self.met} 件（{percent}%）"


def suggested_points(points: Decimal, measured: Measured) -> Decimal | None:
    share = measured.share
    if share is None:
        return None
    return (points * share).quantize(Decimal("0.01"), ROUND_HALF_UP)

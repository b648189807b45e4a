"""The website check indicator system as data, and the score it gives a site.

Default: 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号), DOMAIN.md 4.2:
- 单项否决指标: any one makes the site 不合格 and nothing else is scored;
- 扣分指标, 100 points: deductions within one indicator never exceed its points; under 60 the
  site is 不合格; above 80 the 加分 part (30 points) is added;
- a site whose department has no external service is not checked on 服务实用情况: the rest is
  scored out of 75 and multiplied by 4/3 (in general: by 100 over the points left).

The per-finding amounts (1 point per broken link on the home page, 0.1 per broken link elsewhere,
…) are those of the national 普查 score sheet as the offices use them; DOMAIN.md 8 item 5 lists them
as still to verify against the original, so they are data the office can change, not code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any, Final

from gongkai.rules.monitoring.findings import (
    BROKEN_LINK,
    COLUMN_BLANK,
    COLUMN_STALE,
    UNAVAILABLE,
    UNDATED,
    Finding,
)

FULL: Final = Decimal(100)
FAIL_BELOW: Final = Decimal(60)
BONUS_ABOVE: Final = Decimal(80)
CENT: Final = Decimal("0.01")


class Verdict(StrEnum):
    PASS = "合格"
    FAIL = "不合格"


@dataclass(frozen=True)
class Deduction:
    """``each`` points for every finding named ``indicator`` whose evidence matches ``where``;
    ``each`` None means the points the inspector stated on the finding."""

    indicator: str
    each: Decimal | None = None
    where: tuple[tuple[str, Any], ...] = ()

    def matches(self, finding: Finding) -> bool:
        return finding.indicator == self.indicator and not finding.veto and all(
            finding.evidence.get(key) == value for key, value in self.where
        )


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    group: str  # the 一级指标 it sits under
    points: Decimal  # its cap (扣分) or its maximum (加分)
    deductions: tuple[Deduction, ...] = ()
    service: bool = False  # 服务实用情况: not checked for sites without external services
    guide: str = ""  # 评分标准 as printed


@dataclass(frozen=True)
class Veto:
    name: str
    rule: str


@dataclass(frozen=True)
class CheckSystem:
    name: str
    vetoes: tuple[Veto, ...]
    deduct: tuple[Indicator, ...]
    bonus: tuple[Indicator, ...]

    @property
    def deduct_points(self) -> Decimal:
        return sum((indicator.points for indicator in self.deduct), Decimal(0))

    @property
    def service_points(self) -> Decimal:
        return sum((indicator.points for indicator in self.deduct if indicator.service), Decimal(0))


def _d(text: str) -> Decimal:
    return Decimal(text)


def _stated(indicator: str) -> tuple[Deduction, ...]:
    return (Deduction(indicator),)


NATIONAL_2019: Final = CheckSystem(
    name="政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）",
    vetoes=(
        Veto("站点无法访问", "监测 1 周，每天 ≥20 次，超过 15 秒仍无法打开的次数占比 ≥5%"),
        Veto("首页不更新", "监测 2 周，首页无新信息（仅为导航页的检查二级页面；未注明发布时间的视为不更新）"),
        Veto("栏目不更新", "动态要闻类 2 周、通知公告政策文件类 6 个月未更新合计 ≥5 个；应更新而长期未更新 ≥10 个；空白栏目 ≥5 个"),
        Veto("严重错误", "严重错别字（如领导人姓名）、虚假或伪造内容、反动暴力色情等内容"),
        Veto("互动回应差", "检查前 1 年内，政务咨询类栏目有留言超过 3 个月未回应"),
        Veto("服务不实用", "无办事服务，或办事指南要素严重缺失"),
    ),
    deduct=(
        Indicator("1.1", "首页可用性", "网站可用性", _d("5"),
                  (Deduction(UNAVAILABLE, _d("5")),),
                  guide="首页无法打开的次数占全部监测次数的比例超过 1% 的，扣 5 分"),
        Indicator("1.2", "链接可用性", "网站可用性", _d("10"),
                  (Deduction(BROKEN_LINK, _d("1"), (("on_home", True),)),
                   Deduction(BROKEN_LINK, _d("0.1"), (("on_home", False),))),
                  guide="首页上的链接每发现一个不能正常访问的扣 1 分；其他页面每发现一个扣 0.1 分"),
        Indicator("2.1", "动态要闻、通知公告类栏目更新", "信息更新情况", _d("15"),
                  (Deduction(COLUMN_STALE, _d("2"), (("class_code", "news"),)),
                   Deduction(COLUMN_STALE, _d("2"), (("class_code", "notice"),))),
                  guide="动态要闻类栏目 2 周、通知公告政策文件类栏目 6 个月未更新的，每个扣 2 分"),
        Indicator("2.2", "其他栏目更新", "信息更新情况", _d("5"),
                  (Deduction(COLUMN_STALE, _d("1"), (("class_code", "other"),)),),
                  guide="应更新而未按期更新的其他栏目，每个扣 1 分"),
        Indicator("2.3", "空白栏目", "信息更新情况", _d("5"),
                  (Deduction(COLUMN_BLANK, _d("1")),), guide="每发现一个空白栏目扣 1 分"),
        Indicator("2.4", "信息发布时间", "信息更新情况", _d("5"),
                  (Deduction(UNDATED, _d("0.1")),), guide="信息页面未注明发布时间的，每个扣 0.1 分"),
        Indicator("3.1", "政务咨询", "互动回应情况", _d("15"), _stated("政务咨询"),
                  guide="渠道无效、答复不及时或答复质量差，由检查人员按实扣分"),
        Indicator("3.2", "调查征集", "互动回应情况", _d("10"), _stated("调查征集"),
                  guide="未开展调查征集或未公开采纳情况，由检查人员按实扣分"),
        Indicator("3.3", "互动访谈", "互动回应情况", _d("5"), _stated("互动访谈"),
                  guide="未开展互动访谈或内容不完整，由检查人员按实扣分"),
        Indicator("4.1", "办事指南", "服务实用情况", _d("10"), _stated("办事指南"), service=True,
                  guide="办事指南要素缺失或不准确，由检查人员按实扣分"),
        Indicator("4.2", "附件下载", "服务实用情况", _d("5"), _stated("附件下载"), service=True,
                  guide="表格附件无法下载或未提供，由检查人员按实扣分"),
        Indicator("4.3", "在线系统", "服务实用情况", _d("10"), _stated("在线系统"), service=True,
                  guide="在线办事系统无法使用，由检查人员按实扣分"),
    ),
    bonus=(
        Indicator("5.1", "解读回应", "加分指标", _d("10"), _stated("解读回应")),
        Indicator("5.2", "办事服务", "加分指标", _d("10"), _stated("办事服务")),
        Indicator("5.3", "互动交流", "加分指标", _d("5"), _stated("互动交流")),
        Indicator("5.4", "功能与检索", "加分指标", _d("5"), _stated("功能与检索")),
    ),
)


@dataclass(frozen=True)
class Line:
    """Points one finding costs (or earns) under one indicator, after the indicator's cap."""

    code: str
    indicator: str
    finding_key: str
    points: Decimal
    capped: bool = False


@dataclass(frozen=True)
class Score:
    verdict: Verdict
    vetoes: list[str]  # names of the veto indicators hit
    deduct_score: Decimal | None  # the 扣分 part out of 100, None when a veto stopped scoring
    bonus: Decimal
    total: Decimal | None
    lines: list[Line]  # deductions
    bonus_lines: list[Line]
    scale: Decimal  # 1, or 4/3 for a site without services

    def as_json(self) -> dict[str, Any]:
        def line(item: Line) -> dict[str, Any]:
            return {"code": item.code, "indicator": item.indicator, "finding": item.finding_key,
                    "points": str(item.points), "capped": item.capped}

        return {
            "verdict": self.verdict.value, "vetoes": self.vetoes,
            "deduct_score": None if self.deduct_score is None else str(self.deduct_score),
            "bonus": str(self.bonus), "total": None if self.total is None else str(self.total),
            "scale": str(self.scale), "lines": [line(item) for item in self.lines],
            "bonus_lines": [line(item) for item in self.bonus_lines],
        }


def _points_for(indicator: Indicator, finding: Finding) -> Decimal | None:
    for rule in indicator.deductions:
        if rule.matches(finding):
            return rule.each if rule.each is not None else (finding.points or Decimal(0))
    return None


def _lines(indicator: Indicator, findings: Iterable[Finding]) -> list[Line]:
    """The findings this indicator charges, in key order, cut at its cap: the finding that
    crosses the cap is charged what is left, the ones after it nothing (still listed)."""
    lines: list[Line] = []
    left = indicator.points
    for finding in sorted(findings, key=lambda item: item.key):
        points = _points_for(indicator, finding)
        if points is None:
            continue
        charged = min(points, left)
        left -= charged
        lines.append(Line(indicator.code, indicator.name, finding.key, charged, capped=charged < points))
    return lines


def score(findings: Sequence[Finding], system: CheckSystem = NATIONAL_2019, *, has_services: bool = True) -> Score:
    """The site's verdict and score, each deducted point tied to the finding that cost it."""
    veto_names = {veto.name for veto in system.vetoes}
    hit = sorted({finding.indicator for finding in findings if finding.veto and finding.indicator in veto_names})
    if hit:
        return Score(Verdict.FAIL, hit, None, Decimal(0), None, [], [], Decimal(1))
    indicators = [item for item in system.deduct if has_services or not item.service]
    lines = [line for indicator in indicators for line in _lines(indicator, findings)]
    possible = sum((item.points for item in indicators), Decimal(0))
    scale = Decimal(1) if possible == FULL else FULL / possible
    deducted = sum((line.points for line in lines), Decimal(0))
    deduct_score = ((possible - deducted) * scale).quantize(CENT, ROUND_HALF_UP)
    bonus_lines: list[Line] = []
    bonus = Decimal(0)
    if deduct_score > BONUS_ABOVE:
        bonus_lines = [line for indicator in system.bonus for line in _lines(indicator, findings)]
        bonus = sum((line.points for line in bonus_lines), Decimal(0))
    verdict = Verdict.FAIL if deduct_score < FAIL_BELOW else Verdict.PASS
    return Score(verdict, [], deduct_score, bonus, deduct_score + bonus, lines, bonus_lines, scale)


def system_summary(system: CheckSystem) -> Mapping[str, Any]:
    return {
        "name": system.name, "vetoes": [veto.name for veto in system.vetoes],
        "deduct_points": str(system.deduct_points), "service_points": str(system.service_points),
        "bonus_points": str(sum((item.points for item in system.bonus), Decimal(0))),
    }

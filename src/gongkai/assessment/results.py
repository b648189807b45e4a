"""A round's results: each unit's 得分率 and 重点领域得分率 over the 审定 scores, ranked within its
class (ties shared and marked, never broken), and the office's table as .xlsx."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.assessment.models import Participant, Round
from gongkai.assessment.services import leaf_entries
from gongkai.orgs.models import UnitCategory
from gongkai.plans.bulletin_docx import TITLE_FONT, _body, _heading, _line, _page, _table
from gongkai.rules.assessment.scoring import (
    STAGE_LABELS,
    STAGE_ORDER,
    Stage,
    UnitResult,
    missing_leaves,
    performance_points,
    rank,
    shown,
    unit_result,
)
from gongkai.rules.sheetcells import keep_text

SUMMARY_HEADER = ["类别", "排名", "单位", "得分", "表彰加分", "满分", "得分率", "重点领域得分", "重点领域满分", "重点领域得分率",
                  "未审定指标数", "并列", "绩效考核折算分", "并列名次决定理由"]
DETAIL_HEADER = ["单位", "编号", "指标", "分值", *[STAGE_LABELS[stage] for stage in STAGE_ORDER], "说明或理由"]


@dataclass(frozen=True)
class ResultRow:
    participant: Participant
    result: UnitResult
    unapproved: int  # leaves without a 审定 score (counted 0)
    position: int
    tied: bool  # equal to another, not decided: 并列
    performance: Decimal  # the rate in the performance assessment's points (settings weight)
    decision: str = ""  # the reason of the office's decision, when it ordered this unit's tie

    @property
    def position_text(self) -> str:
        if self.tied:
            return f"{self.position}（并列）"
        return f"{self.position}（并列，公开办已决定先后）" if self.decision else str(self.position)

    @property
    def score_text(self) -> str:
        bonus = f" + 加分 {shown(self.result.bonus)}" if self.result.bonus else ""
        return f"{shown(self.result.score)}{bonus} / {shown(self.result.points)}"

    @property
    def rate_text(self) -> str:
        return percent(self.result.rate)

    @property
    def key_rate_text(self) -> str:
        key_rate = self.result.key_rate
        return "—" if key_rate is None else percent(key_rate)


def percent(rate: Decimal) -> str:
    return f"{(rate * 100).quantize(Decimal('0.01'))}%"


def round_results(round_: Round) -> list[tuple[str, list[ResultRow]]]:
    """Per class (in the order of the categories), its units ranked by 得分率, each with what its
    rate is worth in the performance assessment (``GONGKAI_ASSESSMENT_WEIGHT``)."""
    weight = settings.GONGKAI_ASSESSMENT_WEIGHT
    system = round_.system.as_rules()
    by_class: dict[str, list[tuple[Participant, UnitResult, int]]] = {}
    for participant in round_.participants.select_related("unit"):
        approved = {code: stages[Stage.APPROVE].score for code, stages in leaf_entries(participant).items()
                    if Stage.APPROVE in stages}
        cls = UnitCategory(participant.category)
        result = unit_result(system, participant.unit.name, cls, approved, participant.bonus)
        unapproved = len(missing_leaves(system, cls, approved))
        by_class.setdefault(participant.category, []).append((participant, result, unapproved))
    orders, reasons = round_.tie_orders(), round_.tie_reasons()
    tables = []
    for category in UnitCategory:
        members = by_class.get(category.value, [])
        if not members:
            continue
        found = {result.unit: (participant, result, unapproved) for participant, result, unapproved in members}
        ranked = rank(((result.unit, result.rate) for _, result, _ in members), orders)
        tables.append((category.label, [
            ResultRow(*found[entry.name], entry.position, entry.tied, performance_points(entry.value, weight),
                      reasons.get(entry.name, "") if entry.decided else "")
            for entry in ranked
        ]))
    return tables


def average_rate(tables: list[tuple[str, list[ResultRow]]]) -> tuple[Decimal, Decimal] | None:
    """The government-wide figure: the mean 得分率 of all units and its performance points."""
    rates = [row.result.rate for _, rows in tables for row in rows]
    if not rates:
        return None
    mean = sum(rates, Decimal(0)) / len(rates)
    return mean, performance_points(mean, settings.GONGKAI_ASSESSMENT_WEIGHT)


def results_xlsx(round_: Round) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "得分汇总"
    summary.append(SUMMARY_HEADER)
    for label, rows in round_results(round_):
        for row in rows:
            result = row.result
            summary.append([label, row.position, result.unit, _number(result.score), _number(result.bonus),
                            _number(result.points),
                            row.rate_text, _number(result.key_score), _number(result.key_points), row.key_rate_text,
                            row.unapproved, "是" if row.tied or row.decision else "", _number(row.performance),
                            row.decision])
    detail = workbook.create_sheet("评分明细")
    detail.append(DETAIL_HEADER)
    system = round_.system.as_rules()
    for participant in round_.participants.select_related("unit"):
        entries = leaf_entries(participant)
        for leaf in system.leaves(participant.category):
            stages = entries.get(leaf.code, {})
            detail.append([participant.unit.name, leaf.code, leaf.name, _number(leaf.points),
                           *[_number(stages[stage].score) if stage in stages else None for stage in STAGE_ORDER],
                           "；".join(stages[stage].note for stage in STAGE_ORDER if stage in stages and stages[stage].note)])
    for sheet in (summary, detail):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    output = io.BytesIO()
    keep_text(workbook).save(output)
    return output.getvalue()


DOCX_HEADER = ["排名", "单位", "得分", "表彰加分", "得分率", "重点领域得分率", "未审定", "绩效考核折算分"]
DOCX_WIDTHS = [1.8, 6.4, 2.2, 2.0, 2.4, 2.8, 1.8, 2.8]


def results_docx(round_: Round) -> bytes:
    """The office's tables as a Word document (landscape): per class its ranked units, and the
    government-wide figure that goes into the performance assessment."""
    tables = round_results(round_)
    document = Document()
    _page(document.sections[0], landscape=True)
    _line(document, f"{round_.title}得分与排名", TITLE_FONT, 22, center=True)
    weight = settings.GONGKAI_ASSESSMENT_WEIGHT
    intro = "得分率 = （审定得分 + 表彰加分）÷ 本类别适用指标的满分；未审定的指标按 0 分计；得分率相同的单位并列，公开办决定先后的按其决定排列。"
    average = average_rate(tables)
    if average:
        intro += f"\n全体参评单位平均得分率 {percent(average[0])}，折合政府绩效考核 {shown(average[1])} 分（政务公开权重 {shown(weight)}%）。"
    _body(document, intro)
    for label, rows in tables:
        _heading(document, label)
        _table(document, DOCX_HEADER, [
            [row.position_text, row.result.unit, shown(row.result.score),
             shown(row.result.bonus) if row.result.bonus else "", row.rate_text, row.key_rate_text,
             str(row.unapproved), shown(row.performance)]
            for row in rows
        ], DOCX_WIDTHS)
    decided = [f"{row.result.unit}：{row.decision}" for _, rows in tables for row in rows if row.decision]
    if decided:
        _heading(document, "并列名次的决定")
        _body(document, "\n".join(decided))
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _number(value: Decimal | None) -> Any:
    if value is None:
        return None
    return float(shown(value)) if "." in shown(value) else int(shown(value))

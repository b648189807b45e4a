"""The annual report's template as data: sections, tables, rows and columns, per format version.

Two versions are known (DOMAIN.md 2.2): the current format of 国办公开办函〔2021〕30号 and the
2019 trial format of 国办公开办函〔2019〕60号, kept for reading the 2019 and 2020 reports. They
differ in §二 (four tables against five, other columns) and in §三's row 三(六)其他处理 (three
sub-rows against one). Everything that differs is in the :data:`FORMATS` table below, not in an
``if``: the checks, the reader and the report builder walk these tuples.

Row keys are those of CONTRACTS.md §6 ("一", "三(三)1", "三(六)", "四"); the ``foi`` app's outcome
codes reach them through :func:`outcome_row`. Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from gongkai.rules.foioutcomes import (
    APPLICANT_LABELS,
    OUTCOMES,
    TOTAL_COLUMN_LABEL,
    ApplicantKind,
    Outcome,
    OutcomeGroup,
    ReportTemplate,
    outcomes_in,
    report_row,
)

__all__ = ["ReportTemplate"]


class Measure(StrEnum):
    """What a cell holds, which decides what D5 accepts in it."""

    COUNT = "count"  # a non-negative integer (件, 个, 次)
    MONEY = "money"  # 万元: non-negative, decimals allowed (DOMAIN.md 2.6 D5)
    CHANGE = "change"  # 2019 format's 本年增/减: an integer of either sign


@dataclass(frozen=True)
class Column:
    key: str  # the JSON key of CONTRACTS.md §6, e.g. "制发"
    label: str  # as printed, e.g. "本年制发件数"
    measure: Measure = Measure.COUNT


@dataclass(frozen=True)
class ProactiveTable:
    """One of §二's tables, keyed to an item of 条例第二十条."""

    item: str  # "第二十条第（一）项"
    columns: tuple[Column, ...]
    rows: tuple[str, ...]  # 信息内容, as printed


@dataclass(frozen=True)
class ApplicationRow:
    """One row of §三. ``group`` is the row key of its heading ("三(三)") for a sub-row."""

    key: str
    label: str
    group: str = ""
    counts_outcome: bool = False  # one of the rows 三(七)总计 adds up (D2)


@dataclass(frozen=True)
class ReviewGroup:
    """A group of §四: 行政复议, 未经复议直接起诉 or 复议后起诉, five columns, the last its 总计."""

    label: str
    parent: str  # "行政复议" or "行政诉讼"


@dataclass(frozen=True)
class ReportFormat:
    version: ReportTemplate
    document: str  # the notice that set the format
    sections: tuple[str, ...]
    proactive: tuple[ProactiveTable, ...]
    application_rows: tuple[ApplicationRow, ...]

    @property
    def application_keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.application_rows)

    @property
    def outcome_keys(self) -> tuple[str, ...]:
        """The rows whose sum is 三(七)总计 (D2), in report order."""
        return tuple(row.key for row in self.application_rows if row.counts_outcome)

    def proactive_table_of(self, row: str) -> ProactiveTable:
        return next(table for table in self.proactive if row in table.rows)


def report_title(body: str, year: int) -> str:
    """"示范市财政局2026年政府信息公开工作年度报告"."""
    return f"{body}{year}年政府信息公开工作年度报告"


# --- §三: columns and rows ----------------------------------------------------------------------

# 《政府信息公开条例》 applicant categories (DOMAIN.md 1.6), in the report's column order.
APPLICATION_COLUMNS: Final[tuple[str, ...]] = (
    *(APPLICANT_LABELS[kind] for kind in ApplicantKind),
    TOTAL_COLUMN_LABEL,
)
APPLICANT_COLUMNS: Final = len(ApplicantKind)  # the columns 总计 adds up (D1)
TOTAL_COLUMN: Final = len(ApplicantKind)  # index of 总计
ORGANISATION_HEADING: Final = "法人或其他组织"


def column_name(index: int) -> str:
    """The column as a clerk finds it in the printed table: "法人或其他组织·商业企业"."""
    label = APPLICATION_COLUMNS[index]
    if 0 < index < TOTAL_COLUMN:
        return f"{ORGANISATION_HEADING}·{label}"
    return label


def row_key(stored_row: str) -> str:
    """``foioutcomes``' "三（三）1" → the contract's "三(三)1"."""
    return stored_row.replace("（", "(").replace("）", ")")


def outcome_row(outcome: Outcome, version: ReportTemplate = ReportTemplate.FORMAT_2021) -> str:
    """The §三 row key an outcome counts in under ``version``."""
    return row_key(report_row(outcome, version))


def _application_rows(other_split: bool) -> tuple[ApplicationRow, ...]:
    """§三's rows (DOMAIN.md 2.4), from the outcome table of ``foioutcomes``: a group without
    sub-rows is one row under its heading; the 2019 format prints （六）其他处理 as one row."""
    rows = [
        ApplicationRow("一", "一、本年新收政府信息公开申请数量"),
        ApplicationRow("二", "二、上年结转政府信息公开申请数量"),
    ]
    for info in OUTCOMES.values():
        key = row_key(info.row)
        group = key.rstrip("0123456789")
        if info.group is OutcomeGroup.OTHER and not other_split:
            if info.outcome is Outcome.OTHER_NOT_AMENDED:  # the first of the three: once
                rows.append(ApplicationRow(group, info.group.label, counts_outcome=True))
        elif key == group:  # 三(一), 三(二)
            rows.append(ApplicationRow(key, info.group.label, counts_outcome=True))
        else:
            rows.append(ApplicationRow(key, info.item, group=group, counts_outcome=True))
    rows += [ApplicationRow("三(七)", "（七）总计"), ApplicationRow("四", "四、结转下年度继续办理")]
    return tuple(rows)


GROUP_HEADINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        row_key(OUTCOMES[outcomes_in(group)[0]].row).rstrip("0123456789"): group.label
        for group in OutcomeGroup
    }
)


# --- §四 ----------------------------------------------------------------------------------------

REVIEW_RESULTS: Final[tuple[str, ...]] = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
REVIEW_GROUPS: Final[tuple[ReviewGroup, ...]] = (
    ReviewGroup("行政复议", "行政复议"),
    ReviewGroup("未经复议直接起诉", "行政诉讼"),
    ReviewGroup("复议后起诉", "行政诉讼"),
)
REVIEW_COLUMNS: Final = len(REVIEW_GROUPS) * len(REVIEW_RESULTS)  # 15 (DOMAIN.md 2.5)
PENDING: Final = REVIEW_RESULTS.index("尚未审结")


def review_cell_name(index: int) -> str:
    """ "行政诉讼·复议后起诉·尚未审结" for index 13."""
    group = REVIEW_GROUPS[index // len(REVIEW_RESULTS)]
    result = REVIEW_RESULTS[index % len(REVIEW_RESULTS)]
    prefix = group.label if group.label == group.parent else f"{group.parent}·{group.label}"
    return f"{prefix}·{result}"


# --- the two formats ----------------------------------------------------------------------------

SECTIONS: Final[tuple[str, ...]] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

def _table(number: str, rows: tuple[str, ...], *columns: Column) -> ProactiveTable:
    return ProactiveTable(f"第二十条第（{number}）项", columns, rows)


_DECIDED = Column("处理决定数量", "本年处理决定数量")
_LAST_YEAR = Column("上一年项目数量", "上一年项目数量")
_CHANGE = Column("本年增减", "本年增/减", Measure.CHANGE)
_DECISIONS = Column("处理决定数量", "处理决定数量")

FORMAT_2021: Final = ReportFormat(
    version=ReportTemplate.FORMAT_2021,
    document="国办公开办函〔2021〕30号",
    sections=SECTIONS,
    proactive=(  # DOMAIN.md 2.3
        _table(
            "一", ("规章", "行政规范性文件"), Column("制发", "本年制发件数"),
            Column("废止", "本年废止件数"), Column("现行有效", "现行有效件数"),
        ),
        _table("五", ("行政许可",), _DECIDED),
        _table("六", ("行政处罚", "行政强制"), _DECIDED),
        _table("八", ("行政事业性收费",), Column("收费金额", "本年收费金额（单位：万元）", Measure.MONEY)),
    ),  # fmt: skip
    application_rows=_application_rows(other_split=True),
)

FORMAT_2019: Final = ReportFormat(
    version=ReportTemplate.TRIAL_2019,
    document="国办公开办函〔2019〕60号",
    sections=SECTIONS,
    proactive=(  # DOMAIN.md 2.7
        _table(
            "一", ("规章", "规范性文件"), Column("新制作", "本年新制作数量"),
            Column("新公开", "本年新公开数量"), Column("对外公开总数", "对外公开总数量"),
        ),
        _table("五", ("行政许可", "其他对外管理服务事项"), _LAST_YEAR, _CHANGE, _DECISIONS),
        _table("六", ("行政处罚", "行政强制"), _LAST_YEAR, _CHANGE, _DECISIONS),
        _table("八", ("行政事业性收费",), _LAST_YEAR, _CHANGE),
        _table(
            "九", ("政府集中采购",), Column("采购项目数量", "采购项目数量"),
            Column("采购总金额", "采购总金额", Measure.MONEY),
        ),
    ),  # fmt: skip
    application_rows=_application_rows(other_split=False),
)

FORMATS: Final[Mapping[ReportTemplate, ReportFormat]] = MappingProxyType(
    {ReportTemplate.FORMAT_2021: FORMAT_2021, ReportTemplate.TRIAL_2019: FORMAT_2019}
)

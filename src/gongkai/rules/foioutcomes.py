"""The outcome and applicant vocabularies of the annual report (政府信息公开工作年度报告).

Every disclosure request ends in exactly one outcome, and every outcome counts in exactly one row of
table §三 "收到和处理政府信息公开申请情况" (DOMAIN.md 1.5, 2.4); every applicant counts in exactly one
of its columns (DOMAIN.md 1.6). The ``foi`` app stores the codes below and the annual-report
builder counts by them, so both read the same table and neither spells a row label itself.

Row labels follow the 国办公开办函〔2021〕30号 format. In the 2019 trial format （六）其他处理 is a
single row: :func:`report_row` maps the three 其他处理 codes onto it for that template.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class OutcomeGroup(StrEnum):
    """The seven result groups of §三 三、本年度办理结果 (total excluded)."""

    DISCLOSED = "disclosed"  # （一）予以公开
    PARTIAL = "partial"  # （二）部分公开
    WITHHELD = "withheld"  # （三）不予公开
    UNAVAILABLE = "unavailable"  # （四）无法提供
    NOT_PROCESSED = "not_processed"  # （五）不予处理
    OTHER = "other"  # （六）其他处理

    @property
    def label(self) -> str:
        return GROUP_LABELS[self]


GROUP_LABELS: Final[Mapping[OutcomeGroup, str]] = MappingProxyType(
    {
        OutcomeGroup.DISCLOSED: "（一）予以公开",
        # The report's own note: a request handled by 区分处理 counts here only.
        OutcomeGroup.PARTIAL: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        OutcomeGroup.WITHHELD: "（三）不予公开",
        OutcomeGroup.UNAVAILABLE: "（四）无法提供",
        OutcomeGroup.NOT_PROCESSED: "（五）不予处理",
        OutcomeGroup.OTHER: "（六）其他处理",
    }
)


class Outcome(StrEnum):
    """The outcome of one request; the value is the stored code."""

    DISCLOSED = "disclosed"
    PARTIAL = "partial"
    WITHHELD_STATE_SECRET = "withheld.state_secret"
    WITHHELD_PROHIBITED_BY_LAW = "withheld.prohibited_by_law"
    WITHHELD_SECURITY_STABILITY = "withheld.security_stability"
    WITHHELD_THIRD_PARTY = "withheld.third_party"
    WITHHELD_INTERNAL_AFFAIRS = "withheld.internal_affairs"
    WITHHELD_PROCESS_INFORMATION = "withheld.process_information"
    WITHHELD_ENFORCEMENT_FILE = "withheld.enforcement_file"
    WITHHELD_ADMINISTRATIVE_QUERY = "withheld.administrative_query"
    UNAVAILABLE_NOT_HELD = "unavailable.not_held"
    UNAVAILABLE_NEEDS_CREATION = "unavailable.needs_creation"
    UNAVAILABLE_STILL_UNCLEAR = "unavailable.still_unclear"
    NOT_PROCESSED_PETITION = "not_processed.petition"
    NOT_PROCESSED_REPEATED = "not_processed.repeated"
    NOT_PROCESSED_PUBLICATION = "not_processed.publication"
    NOT_PROCESSED_EXCESSIVE = "not_processed.excessive"
    NOT_PROCESSED_CONFIRM_OR_REISSUE = "not_processed.confirm_or_reissue"
    OTHER_NOT_AMENDED = "other.not_amended"
    OTHER_FEE_UNPAID = "other.fee_unpaid"
    OTHER = "other.other"

    @property
    def info(self) -> OutcomeInfo:
        return OUTCOMES[self]

    @property
    def label(self) -> str:
        return OUTCOMES[self].label


@dataclass(frozen=True)
class OutcomeInfo:
    """One row of §三: where an outcome counts and what the 答复书 cites for it."""

    outcome: Outcome
    group: OutcomeGroup
    row: str  # short key of the report row, e.g. "三（三）1"
    item: str  # the sub-row label as printed, "" where the group itself is the row
    article: str  # the 《政府信息公开条例》 provision the 答复书 cites
    verified: bool = True  # False: recalled or derived, see DOMAIN.md 2.4 and 8

    @property
    def label(self) -> str:
        """The short Chinese name for lists and the 答复书: "不予公开：属于国家秘密"."""
        group = _SHORT_GROUP[self.group]
        if not self.item:
            return group
        return f"{group}：{self.item.split('.', 1)[1]}"


_SHORT_GROUP: Final[Mapping[OutcomeGroup, str]] = MappingProxyType(
    {
        OutcomeGroup.DISCLOSED: "予以公开",
        OutcomeGroup.PARTIAL: "部分公开",
        OutcomeGroup.WITHHELD: "不予公开",
        OutcomeGroup.UNAVAILABLE: "无法提供",
        OutcomeGroup.NOT_PROCESSED: "不予处理",
        OutcomeGroup.OTHER: "其他处理",
    }
)


def _row(
    outcome: Outcome, group: OutcomeGroup, row: str, item: str, article: str, verified: bool = True
) -> tuple[Outcome, OutcomeInfo]:
    return outcome, OutcomeInfo(outcome, group, row, item, article, verified)


_D, _P, _W = OutcomeGroup.DISCLOSED, OutcomeGroup.PARTIAL, OutcomeGroup.WITHHELD
_U, _N, _O = OutcomeGroup.UNAVAILABLE, OutcomeGroup.NOT_PROCESSED, OutcomeGroup.OTHER

# In report order. Articles are those of the 2019 《政府信息公开条例》 (国务院令第711号).
OUTCOMES: Final[Mapping[Outcome, OutcomeInfo]] = MappingProxyType(
    dict(
        [
            # 第三十六条第（一）（二）项: already published, or may be disclosed → provide it.
            _row(Outcome.DISCLOSED, _D, "三（一）", "", "第三十六条第（一）项、第（二）项"),
            # 第三十七条: 区分处理, the disclosable part with reasons for the rest.
            _row(Outcome.PARTIAL, _P, "三（二）", "", "第三十七条"),
            # 第十四条: mandatory refusals.
            _row(Outcome.WITHHELD_STATE_SECRET, _W, "三（三）1", "1.属于国家秘密", "第十四条"),
            _row(
                Outcome.WITHHELD_PROHIBITED_BY_LAW, _W, "三（三）2",
                "2.其他法律行政法规禁止公开", "第十四条",
            ),
            _row(
                Outcome.WITHHELD_SECURITY_STABILITY, _W, "三（三）3",
                "3.危及“三安全一稳定”", "第十四条",
            ),
            # 第十五条, with the third-party consultation of 第三十二条.
            _row(
                Outcome.WITHHELD_THIRD_PARTY, _W, "三（三）4",
                "4.保护第三方合法权益", "第十五条、第三十二条",
            ),
            # 第十六条: discretionary ("可以不予公开").
            _row(
                Outcome.WITHHELD_INTERNAL_AFFAIRS, _W, "三（三）5",
                "5.属于三类内部事务信息", "第十六条第一款",
            ),
            _row(
                Outcome.WITHHELD_PROCESS_INFORMATION, _W, "三（三）6",
                "6.属于四类过程性信息", "第十六条第二款",
            ),
            _row(
                Outcome.WITHHELD_ENFORCEMENT_FILE, _W, "三（三）7",
                "7.属于行政执法案卷", "第十六条第二款",
            ),
            # 第三十六条第（七）项 (工商、不动产登记资料 …): the mapping is derived (DOMAIN.md 1.5).
            _row(
                Outcome.WITHHELD_ADMINISTRATIVE_QUERY, _W, "三（三）8",
                "8.属于行政查询事项", "第三十六条第（七）项", verified=False,
            ),
            # 第三十六条第（四）项 (不存在) and 第（五）项 (不属于本机关负责公开).
            _row(
                Outcome.UNAVAILABLE_NOT_HELD, _U, "三（四）1",
                "1.本机关不掌握相关政府信息", "第三十六条第（四）项、第（五）项",
            ),
            # 第三十八条: no duty to process or analyse existing information into new information.
            _row(
                Outcome.UNAVAILABLE_NEEDS_CREATION, _U, "三（四）2",
                "2.没有现成信息需要另行制作", "第三十八条",
            ),
            # 第三十条: 补正 was given and the request is still unclear.
            _row(
                Outcome.UNAVAILABLE_STILL_UNCLEAR, _U, "三（四）3",
                "3.补正后申请内容仍不明确", "第三十条",
            ),
            # 第三十九条第一款: 信访、投诉、举报 in the form of a request.
            _row(
                Outcome.NOT_PROCESSED_PETITION, _N, "三（五）1",
                "1.信访举报投诉类申请", "第三十九条第一款",
            ),
            # 第三十六条第（六）项: 不予重复处理.
            _row(Outcome.NOT_PROCESSED_REPEATED, _N, "三（五）2", "2.重复申请", "第三十六条第（六）项"),
            # 第三十九条第二款: 政府公报、报刊、书籍等公开出版物.
            _row(
                Outcome.NOT_PROCESSED_PUBLICATION, _N, "三（五）3",
                "3.要求提供公开出版物", "第三十九条第二款",
            ),
            # 第三十五条: 数量、频次明显超过合理范围, reasons asked and found unreasonable.
            _row(
                Outcome.NOT_PROCESSED_EXCESSIVE, _N, "三（五）4",
                "4.无正当理由大量反复申请", "第三十五条",
            ),
            # No article names this case; the report counts it here. The closest provisions are
            # 第三十六条第（六）项 (already answered) and 第三十八条 (no new documents).
            _row(
                Outcome.NOT_PROCESSED_CONFIRM_OR_REISSUE, _N, "三（五）5",
                "5.要求行政机关确认或重新出具已获取信息",
                "第三十六条第（六）项、第三十八条（参照）", verified=False,
            ),
            # ⚠️ UNVERIFIED: the three sub-rows of （六） are recalled from the 30号 format
            # (DOMAIN.md 2.4, open item 8.1). 第三十条: 逾期不补正，视为放弃.
            _row(
                Outcome.OTHER_NOT_AMENDED, _O, "三（六）1",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条",
                verified=False,
            ),
            # 第四十二条 and 国办函〔2020〕109号: fee not paid within the time the notice gave.
            _row(
                Outcome.OTHER_FEE_UNPAID, _O, "三（六）2",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "第四十二条、国办函〔2020〕109号", verified=False,
            ),
            _row(Outcome.OTHER, _O, "三（六）3", "3.其他", "", verified=False),
        ]
    )
)


class ReportTemplate(StrEnum):
    """The versions of the annual-report tables (DOMAIN.md 2.2)."""

    TRIAL_2019 = "2019"  # 2019 trial format: （六）其他处理 is one row
    FORMAT_2021 = "2021"  # 国办公开办函〔2021〕30号


def report_row(outcome: Outcome, template: ReportTemplate = ReportTemplate.FORMAT_2021) -> str:
    """The §三 row an outcome counts in under ``template``."""
    info = OUTCOMES[outcome]
    if template is ReportTemplate.TRIAL_2019 and info.group is OutcomeGroup.OTHER:
        return "三（六）"
    return info.row


def outcomes_in(group: OutcomeGroup) -> tuple[Outcome, ...]:
    """The outcomes of one group, in report order."""
    return tuple(outcome for outcome, info in OUTCOMES.items() if info.group is group)


OUTCOME_CHOICES: Final[tuple[tuple[str, str], ...]] = tuple(
    (outcome.value, info.label) for outcome, info in OUTCOMES.items()
)


# --- applicants (DOMAIN.md 1.6: the columns of table §三) --------------------------------------


class ApplicantKind(StrEnum):
    """Who asked; the value is the stored code, in the report's column order."""

    NATURAL_PERSON = "natural_person"  # 自然人
    BUSINESS = "business"  # 法人或其他组织：商业企业
    RESEARCH = "research"  # 法人或其他组织：科研机构
    PUBLIC_INTEREST = "public_interest"  # 法人或其他组织：社会公益组织
    LEGAL_SERVICE = "legal_service"  # 法人或其他组织：法律服务机构
    OTHER_ORGANISATION = "other_organisation"  # 法人或其他组织：其他

    @property
    def label(self) -> str:
        return APPLICANT_LABELS[self]

    @property
    def is_organisation(self) -> bool:
        """法人或其他组织 (all columns but 自然人)."""
        return self is not ApplicantKind.NATURAL_PERSON

    @property
    def column_label(self) -> str:
        """The label with its column group, as a form shows it: "法人或其他组织 — 商业企业"."""
        if self.is_organisation:
            return f"{ORGANISATION_GROUP_LABEL} — {self.label}"
        return self.label


ORGANISATION_GROUP_LABEL: Final = "法人或其他组织"
TOTAL_COLUMN_LABEL: Final = "总计"

APPLICANT_LABELS: Final[Mapping[ApplicantKind, str]] = MappingProxyType(
    {
        ApplicantKind.NATURAL_PERSON: "自然人",
        ApplicantKind.BUSINESS: "商业企业",
        ApplicantKind.RESEARCH: "科研机构",
        ApplicantKind.PUBLIC_INTEREST: "社会公益组织",
        ApplicantKind.LEGAL_SERVICE: "法律服务机构",
        ApplicantKind.OTHER_ORGANISATION: "其他",
    }
)

APPLICANT_CHOICES: Final[tuple[tuple[str, str], ...]] = tuple(
    (kind.value, kind.column_label) for kind in ApplicantKind
)

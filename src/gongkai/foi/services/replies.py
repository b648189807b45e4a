"""The reply (第三十六条): exactly one outcome of the annual report's table and its 答复书.
"""


from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from gongkai.foi import letters
from gongkai.foi.models import (
    EventKind,
    Letter,
    LetterKind,
    Request,
    Status,
)
from gongkai.foi.services.clock_steps import open_consultations
from gongkai.foi.services.common import (
    ABANDON_OUTCOMES,
    add_event,
    audit_step,
    law_date,
    lock,
    require_step,
    save_clock,
    summary,
)
from gongkai.foi.services.issuing import issue_letter
from gongkai.foi.transitions import Step
from gongkai.links import absolute_url
from gongkai.orgs.models import User
from gongkai.records.models import Audience, Record, RecordStatus
from gongkai.rules.foioutcomes import Outcome, OutcomeGroup

# --- 答复 (第三十六条) ---------------------------------------------------------------------------


@transaction.atomic
def reply(
    request: Request, *, outcome: Outcome | str, text: str, on: date | None = None, date_reason: str = "",
    actor: User | None = None, published_index_number: str = "",
) -> Letter:
    """The reply: exactly one outcome of the annual report's table, and the 答复书; where the
    information is already published (第三十六条第（一）项), the reply points to that record."""
    request = lock(request)
    require_step(Step.REPLY, request, actor)
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise ValidationError("请选择一个办理结果。") from None
    if outcome in ABANDON_OUTCOMES:
        raise ValidationError("“视为放弃”由系统在期限届满后登记，不能作为答复结果。")
    if not text.strip():
        raise ValidationError("请填写答复内容。")
    if open_consultations(request):
        raise ValidationError("还有尚未结束的征求意见，请先登记收到意见或结束征求。")
    day = law_date(on, request, "答复日期", reason=date_reason)
    if request.received_on is not None and day < request.received_on:
        raise ValidationError("答复日期早于收到申请之日。")
    published = _published_record(published_index_number)
    before = summary(request)
    request.outcome, request.replied_on, request.status = outcome.value, day, Status.REPLIED
    request.published_record = published
    if published is not None:
        text = (
            f"{text.strip()}\n该信息已主动公开：《{published.title}》（索引号：{published.index_number}），"
            f"可在本机关门户网站“政府信息公开”栏目查阅，网址：{absolute_url(reverse('records:record', args=[published.pk]))}。"
        )
    add_event(request, EventKind.REPLIED, day, actor, note=outcome.label, outcome=outcome.value)
    save_clock(request)
    audit_step("foi_request_replied", request, before)
    values = {
        "答复结果": outcome.label, "法律依据": letters.article_text(outcome.info.article),
        "答复内容": text.strip(),
    }
    return issue_letter(request, LetterKind.REPLY, on=day, actor=actor, values=values)


def _published_record(index_number: str) -> Record | None:
    if not index_number.strip():
        return None
    # 第三十六条第（一）项 points the applicant to the record: the public must be able to open it.
    record = Record.objects.filter(
        Record.public_q(), index_number=index_number.strip(), status=RecordStatus.PUBLISHED,
    ).exclude(audience=Audience.APPLICANT).first()
    if record is None:
        raise ValidationError(f"没有找到索引号为“{index_number.strip()}”、公众可以查阅的已公开信息，请核对。")
    return record


def outcome_group(request: Request) -> OutcomeGroup | None:
    return Outcome(request.outcome).info.group if request.outcome else None

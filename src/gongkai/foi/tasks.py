"""Background work of disclosure requests: the acknowledgement e-mail and the daily search for
information that several applicants asked for."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from gongkai.foi import dates
from gongkai.foi.models import Request
from gongkai.links import absolute_url


def acknowledgement_text(request: Request) -> tuple[str, str]:
    """Subject and body of the e-mail that confirms a request was received."""
    subject = f"政府信息公开申请已收到（查询码 {request.display_code}）"
    body = "\n".join([
        f"{request.applicant_name}：",
        "",
        f"{request.unit.name}已于{request.submitted_at:%Y年%m月%d日}收到您的政府信息公开申请。",
        f"查询码：{request.display_code}",
        f"收到申请之日：{request.received_on.isoformat() if request.received_on else '待确认'}",
        f"答复期限：{request.due_on.isoformat() if request.due_on else '待确定'}"
        "（收到申请之日起20个工作日内，《中华人民共和国政府信息公开条例》第三十三条）",
        "",
        f"请凭查询码在 {absolute_url(reverse('foi:track'))} 查看办理进度和答复文书。查询码是查看办理情况的唯一凭证，请妥善保管。",
        "",
        "本邮件由系统自动发送，请勿回复。",
    ])
    return subject, body


@db_task(retries=3, retry_delay=60)
def send_acknowledgement(request_id: int) -> None:
    request = Request.objects.select_related("unit").get(pk=request_id)
    if not request.email:
        return
    subject, body = acknowledgement_text(request)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [request.email])


@db_periodic_task(crontab(hour="2", minute="17"), retries=1)
def propose_disclosures_daily() -> int:
    from gongkai.foi.proposals import propose_disclosures

    return len(propose_disclosures(today=dates.today()))


@db_periodic_task(crontab(minute="41"), retries=1)
def sweep_orphan_proofs_hourly() -> int:
    """Identity proofs left on disk by a server killed before their request was committed."""
    from gongkai.foi.services.filing import sweep_orphan_proofs

    return sweep_orphan_proofs()

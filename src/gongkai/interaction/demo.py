"""Demo content of interaction for ``make run``: published and open messages, a consultation on a
draft of 肇庆市财政局 with comments, and an incident on its clock. Loaded once (nothing is added
when messages exist), deterministic apart from being dated from today."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from gongkai.foi import dates
from gongkai.interaction import consultations, incidents, services
from gongkai.interaction.models import Message
from gongkai.orgs.models import Unit
from gongkai.orgs.policy import SYSTEM
from gongkai.records import services as records
from gongkai.records.models import Column

UNIT = "肇庆市财政局"
DRAFT = (
    "肇庆市市级财政专项资金管理办法（征求意见稿）\n"
    "第一条 为规范市级财政专项资金管理，提高资金使用效益，制定本办法。\n"
    "第二条 本办法所称专项资金，是指市级财政预算安排、具有专门用途的资金。\n"
    "第三条 专项资金实行目录清单管理，清单向社会公开。\n"
    "第四条 本办法自公布之日起施行，有效期五年。"
)
MESSAGES = [
    ("consult", "部门预算公开的时间", "请问市级部门预算一般什么时候在网站公开？", "市级部门预算在批复后20日内公开，请关注市财政局网站“财政信息”栏目。"),
    ("suggest", "建议公开专项资金清单", "建议把市级专项资金清单放到网站上，方便群众查询。", ""),
    ("help", "路灯损坏", "小区门口的路灯坏了很久，请帮忙联系维修。", ""),
]


def load_demo_interaction() -> int:
    """Returns how many messages were created (0 when the demo was loaded before)."""
    unit = Unit.objects.filter(name=UNIT).first()
    if unit is None or Message.objects.exists():
        return 0
    with transaction.atomic():
        created = [_message(unit, *row) for row in MESSAGES]
        _consultation(unit)
        _incident(unit)
    return len(created)


def _message(unit: Unit, kind: str, subject: str, text: str, reply: str) -> Message:
    message = services.submit_message({
        "kind": kind, "subject": subject, "text": text, "name": "演示留言人", "phone": "13800000000",
        "email": "", "may_publish": True,
    })
    if reply:
        message = services.route(message, unit, actor=SYSTEM)
        message = services.reply(message, reply, actor=SYSTEM)
    return message


def _consultation(unit: Unit) -> None:
    column = Column.objects.filter(unit=unit, name="通知公告").first()
    draft = records.create_record(unit, {
        "title": "肇庆市市级财政专项资金管理办法", "written_on": dates.today(), "body": DRAFT,
        "kind": "normative", "genre": "办法",
    }, columns=[column] if column else [])
    consultation = consultations.open_consultation(
        draft, kind="normative", closes_on=dates.today() + timedelta(days=30), actor=SYSTEM,
        explanation="为规范市级财政专项资金管理，根据预算法及其实施条例，起草本办法。",
    )
    shown = consultations.submit_comment(consultation, {
        "section": "第三条", "text": "建议目录清单每年更新并注明更新日期。", "name": "", "phone": "", "email": "",
        "text_public": True,
    })
    consultations.moderate(shown, True, actor=SYSTEM)
    consultations.submit_comment(consultation, {
        "section": "", "text": "建议增加绩效评价结果公开的规定。", "name": "", "phone": "", "email": "",
        "text_public": True,
    })


def _incident(unit: Unit) -> None:
    incidents.register_incident(
        title="网传市级专项资金拨付延迟", learned_at=timezone.now() - timedelta(hours=3), level="general",
        lead_unit=unit, summary="网络论坛有帖子反映某专项资金拨付延迟。", actor=SYSTEM,
    )

"""A citizen's message and the day frozen (``GONGKAI_FOI_TODAY``, read through ``gongkai.foi.dates``
by every clock of the platform)."""

from __future__ import annotations

from datetime import date

import pytest

# The sender of the fixtures: her name, phone and e-mail must never reach a public page.
SENDER_NAME = "周雨桐"
SENDER_PHONE = "13622334455"
SENDER_EMAIL = "zhouyt@example.com"


def message_details(**changes: object) -> dict[str, object]:
    details = {
        "kind": "consult", "subject": "小学报名时间", "text": "请问今年小学一年级什么时候开始网上报名？",
        "name": SENDER_NAME, "phone": SENDER_PHONE, "email": SENDER_EMAIL, "may_publish": True,
    }
    details.update(changes)
    return details


def form_data(**changes: object) -> dict[str, object]:
    data = {key: value for key, value in message_details().items() if key != "may_publish"}
    data["may_publish"] = "on"
    data.update(changes)
    return data


@pytest.fixture
def received(freeze, unit_a, unit_b):
    """A 咨询 message left online on Wednesday 2026-09-30, before National Day, that names no unit:
    it waits in the office for routing."""
    from gongkai.interaction import services

    freeze(date(2026, 9, 30))
    return services.submit_message(message_details(subject="一个问题", text="路灯坏了很久了，什么时候修？"))


@pytest.fixture
def routed(received, office_admin, unit_a):
    from gongkai.interaction import services

    return services.route(received, unit_a, actor=office_admin)


# A commenter on a consultation: her details must never reach a public page either.
COMMENTER_NAME = "欧阳建国"
COMMENTER_PHONE = "13577889900"
COMMENTER_EMAIL = "ouyangjg@example.com"
COMMENTER_ID = "110105194912310029"

DRAFT_TEXT = (
    "示范市城市养犬管理办法（征求意见稿）\n"
    "第一条 为了规范养犬行为，保障公民健康和人身安全，制定本办法。\n"
    "第二条 本办法适用于本市城市建成区内的养犬管理。\n"
    "第三条 携犬出户应当束犬链，犬链长度不得超过1.5米。"
)


@pytest.fixture
def draft(unit_a):
    """A draft of 示范市财政局 with three articles, not published."""
    from gongkai.records.models import Record, RecordKind

    return Record.objects.create(unit=unit_a, kind=RecordKind.NORMATIVE, title="示范市城市养犬管理办法",
                                 publisher=unit_a.name, body=f"<p>{DRAFT_TEXT}</p>", body_text=DRAFT_TEXT)


@pytest.fixture
def final_record(unit_a):
    """The final document, published by the unit (as the records' review would)."""
    from gongkai.records.models import Record, RecordKind, RecordStatus

    return Record.objects.create(
        unit=unit_a, kind=RecordKind.NORMATIVE, title="示范市城市养犬管理办法", publisher=unit_a.name,
        body="<p>第一条 正式文本。</p>", body_text="第一条 正式文本。", status=RecordStatus.PUBLISHED,
        index_number="11441200MB0000002B/2026-00101", published_on=date(2026, 11, 20),
    )


@pytest.fixture
def consultation(freeze, draft, clerk_a):
    from gongkai.interaction import consultations

    freeze(date(2026, 10, 1))
    return consultations.open_consultation(
        draft, kind="normative", closes_on=date(2026, 10, 31), explanation="为规范养犬行为，起草本办法。",
        actor=clerk_a,
    )


def comment_details(**changes: object) -> dict[str, object]:
    details = {
        "section": "第三条", "text": f"建议犬链长度放宽到2米。我是{COMMENTER_NAME}，电话{COMMENTER_PHONE}，身份证{COMMENTER_ID}。",
        "name": COMMENTER_NAME, "phone": COMMENTER_PHONE, "email": COMMENTER_EMAIL, "text_public": True,
    }
    details.update(changes)
    return details

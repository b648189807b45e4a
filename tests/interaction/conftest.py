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

"""Events that cannot describe a real request are refused before anything is counted.

Pure Python: no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gongkai.rules.foiclock.events import Amendment, Extension, RequestEvents
from gongkai.rules.foiclock.limits import ClockError, ClockRules


def validate_events(events: RequestEvents, rules: ClockRules) -> None:
    received = events.received_on
    if received is None:
        if events.amendments or events.pauses or events.extensions or events.fee_notice:
            raise ClockError("收到申请之日尚未确认，不能记录补正、暂停、延期或收费")
        return
    start = next((a.amended_on for a in reversed(events.amendments) if a.amended_on is not None), received)
    _validate_extensions(events.extensions, received, start, rules)
    for pause in events.pauses:
        if pause.last is not None and pause.last < pause.first:
            raise ClockError(f"暂停的开始日 {pause.first.isoformat()} 晚于结束日 {pause.last.isoformat()}")
        if pause.served_on is not None and pause.served_on < pause.first:
            raise ClockError(f"征求意见书送达日 {pause.served_on.isoformat()} 早于发出之日 {pause.first.isoformat()}")
    _validate_amendments(events.amendments, received)
    fee = events.fee_notice
    if fee is not None:
        if fee.served_on < received:
            raise ClockError(f"收费通知送达日 {fee.served_on.isoformat()} 早于收到申请之日 {received.isoformat()}")
        if fee.paid_on is not None and fee.paid_on < fee.served_on:
            raise ClockError(f"缴费日 {fee.paid_on.isoformat()} 早于收费通知送达日 {fee.served_on.isoformat()}")
    if events.replied_on is not None and events.replied_on < received:
        raise ClockError(f"答复日 {events.replied_on.isoformat()} 早于收到申请之日 {received.isoformat()}")
    if events.served_on is not None and (events.replied_on is None or events.served_on < events.replied_on):
        raise ClockError("答复书的送达日应在答复日之后")


def _validate_extensions(
    extensions: Sequence[Extension], received: date, start: date, rules: ClockRules
) -> None:
    # 第三十三条第二款: one extension per reply period, at most 20 working days, with the office
    # head's consent; one approved before a 补正 restarted the period lapsed with it.
    current = [e for e in extensions if start == received or e.approved_on is None or e.approved_on >= start]
    if len(current) > 1:
        raise ClockError("答复期限只能延长一次（第三十三条第二款）")
    for extension in extensions:
        if not 1 <= extension.workdays <= rules.max_extension_workdays:
            raise ClockError(
                f"延长的期限应为1至{rules.max_extension_workdays}个工作日（第三十三条第二款）："
                f"{extension.workdays}"
            )
        if not extension.approved_by.strip():
            raise ClockError("延期须经政府信息公开工作机构负责人同意（第三十三条第二款），未记录批准人")
        if extension.approved_on is not None and extension.approved_on < received:
            raise ClockError(f"延期批准日 {extension.approved_on.isoformat()} 早于收到申请之日")


def _validate_amendments(amendments: Sequence[Amendment], received: date) -> None:
    start = received
    for index, amendment in enumerate(amendments):
        if index and amendments[index - 1].amended_on is None:
            raise ClockError("上一次补正尚未收到，不能再次告知补正")
        sent, amended = amendment.notice_sent_on, amendment.amended_on
        if sent is not None and sent < start:
            raise ClockError(f"补正告知日 {sent.isoformat()} 早于收到申请之日 {start.isoformat()}")
        if amended is not None and amended < (sent or start):
            raise ClockError(
                f"收到补正之日 {amended.isoformat()} 早于{'补正告知日' if sent else '收到申请之日'} "
                f"{(sent or start).isoformat()}"
            )
        if amendment.reply_by is not None and amendment.reply_by < (sent or start):
            raise ClockError(f"补正期限 {amendment.reply_by.isoformat()} 早于补正告知日")
        start = amended or start

"""The letters of a request: numbered in the unit's yearly series, rendered from the office's
templates, and served (国办公开办函〔2016〕235号).
"""


from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from gongkai.audit.log import record
from gongkai.foi import dates, letters
from gongkai.foi.models import (
    EventKind,
    Letter,
    LetterKind,
    LetterSeries,
    LetterTemplate,
    Request,
    ServiceMethod,
)
from gongkai.foi.services.common import (
    add_event,
    law_date,
    lock,
    require_step,
    save_clock,
)
from gongkai.foi.transitions import Step, user_may
from gongkai.orgs.models import Unit, User
from gongkai.orgs.policy import SYSTEM, policy

# --- letters -----------------------------------------------------------------------------------


def default_prefix(unit: Unit) -> str:
    """"肇庆市财政局" → "肇财依复": the city's first character and the department's."""
    name = unit.name.replace("人民政府", "")
    for marker in ("市", "县", "区"):
        head, sep, tail = name.partition(marker)
        if sep and head and tail:
            return f"{head[0]}{tail[0]}依复"
    return f"{name[:2]}依复"


def _series(unit: Unit, year: int) -> LetterSeries:
    """This year's series of ``unit``, locked; created with last year's 机关代字 if new."""
    series = LetterSeries.objects.select_for_update().filter(unit=unit, year=year).first()
    if series is not None:
        return series
    previous = LetterSeries.objects.filter(unit=unit).order_by("-year").first()
    prefix = previous.prefix if previous else default_prefix(unit)
    try:
        with transaction.atomic():
            return LetterSeries.objects.create(unit=unit, year=year, prefix=prefix)
    except IntegrityError:  # another transaction created it first (PostgreSQL)
        return LetterSeries.objects.select_for_update().get(unit=unit, year=year)


def allocate_number(unit: Unit, year: int) -> tuple[LetterSeries, int]:
    """The next number of the unit's series: a locked increment, never reused."""
    series = _series(unit, year)
    LetterSeries.objects.filter(pk=series.pk).update(last_serial=F("last_serial") + 1)
    series.refresh_from_db(fields=["last_serial"])
    return series, series.last_serial


def _letter_values(request: Request, number: str, issued_on: date) -> dict[str, str]:
    return {
        "申请人": request.applicant_name, "单位名称": request.unit.name, "文号": number,
        "查询码": request.display_code, "收到日期": letters.chinese_date(request.received_on),
        "申请内容": request.description.strip(), "成文日期": letters.chinese_date(issued_on),
    }


@transaction.atomic
def generate_letter(
    request: Request, kind: LetterKind | str, *, on: date | None = None, date_reason: str = "", actor: User | None = None,
    values: Mapping[str, str] | None = None, addressee: str | None = None,
) -> Letter:
    """Number a letter in the unit's series and render it from the office's template (the steps
    issue theirs themselves; this is for a letter made again, e.g. after the template changed)."""
    if actor is not None and not user_may(actor, Step.SERVE, request):
        raise PermissionDenied("您没有权限为该申请制发文书。")
    day = law_date(on, request, "成文日期", reason=date_reason)
    return issue_letter(request, kind, on=day, actor=actor, values=values, addressee=addressee)


def issue_letter(
    request: Request, kind: LetterKind | str, *, on: date, actor: User | None,
    values: Mapping[str, str] | None = None, addressee: str | None = None,
) -> Letter:
    """The letter of a step, dated the step's law date (already checked by the step)."""
    request = lock(request)
    kind = LetterKind(kind)
    day = on
    series, serial = allocate_number(request.unit, day.year)
    number = series.number(serial)
    template = letters.template_for(kind)
    filled = {**_letter_values(request, number, day), **(values or {})}
    content = letters.render_docx(
        letters.fill(template.title, filled), number, letters.fill(template.body, filled),
        request.unit.name, day,
    )
    letter = Letter.objects.create(
        request=request, kind=kind, series=series, serial=serial, number=number,
        addressee=(addressee or request.applicant_name)[:100], issued_on=day, content=content,
        created_by=actor,
    )
    add_event(request, EventKind.LETTER_ISSUED, day, actor, note=f"{kind.label} {number}",
           kind=kind.value, letter=letter.pk, number=number)
    save_clock(request)  # an extension notice is the applicant's notification (第三十三条第二款)
    record("foi_letter_issued", letter, after={"kind": kind.value, "number": number, "request": request.tracking_code})
    return letter


@transaction.atomic
def record_service(
    letter: Letter, *, method: ServiceMethod | str, served_on: date, signed_on: date | None = None, date_reason: str = "",
    actor: User | None = None,
) -> Letter:
    """送达: how the letter reached its addressee and the day they signed for it."""
    request = lock(letter.request)
    require_step(Step.SERVE, request, actor)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    try:
        method = ServiceMethod(method)
    except ValueError:
        raise ValidationError("请选择送达方式。") from None
    law_date(served_on, request, "送达日期", reason=date_reason)
    if served_on < letter.issued_on:
        raise ValidationError("送达日期早于文书的成文日期。")
    if signed_on is not None and (signed_on < served_on or signed_on > dates.today()):
        raise ValidationError("签收日期应在送达日期之后、今天之前。")
    before = {"service_method": letter.service_method, "served_on": letter.served_on, "signed_on": letter.signed_on}
    letter.service_method, letter.served_on, letter.signed_on = method.value, served_on, signed_on
    letter.save(update_fields=["service_method", "served_on", "signed_on"])
    add_event(request, EventKind.LETTER_SERVED, served_on, actor, note=f"{letter.number}：{method.label}",
           letter=letter.pk, method=method.value, signed_on=signed_on)
    save_clock(request)  # a consultation letter's service starts the party's days; a reply's decides lateness
    record("foi_letter_served", letter, before=before, after={
        "service_method": method.value, "served_on": served_on, "signed_on": signed_on,
    })
    return letter


def _require_office(actor: User | None) -> None:
    policy.require_manage(actor or SYSTEM, "只有公开办管理员可以修改文书模板和文号。")


@transaction.atomic
def save_letter_template(kind: LetterKind | str, *, title: str, body: str, actor: User | None = None) -> LetterTemplate:
    _require_office(actor)
    unknown = letters.unknown_placeholders(title + body)
    if unknown:
        names = "、".join("{" + name + "}" for name in unknown)
        raise ValidationError(f"模板中有无法识别的占位符：{names}。")
    if not title.strip() or not body.strip():
        raise ValidationError("标题和正文都不能为空。")
    kind = LetterKind(kind)
    current = letters.template_for(kind)
    before = {"title": current.title, "body": current.body}
    template, _ = LetterTemplate.objects.update_or_create(
        kind=kind, defaults={"title": title.strip(), "body": body.strip(), "updated_by": actor},
    )
    record("foi_letter_template_saved", template, before=before, after={"title": template.title, "body": template.body})
    return template


@transaction.atomic
def reset_letter_template(kind: LetterKind | str, *, actor: User | None = None) -> None:
    _require_office(actor)
    template = LetterTemplate.objects.filter(kind=kind).first()
    if template is not None:
        record("foi_letter_template_reset", template, before={"title": template.title, "body": template.body})
        template.delete()


@transaction.atomic
def set_letter_prefix(unit: Unit, prefix: str, *, year: int | None = None, actor: User | None = None) -> LetterSeries:
    """The 机关代字 of the unit's series from this year on (numbers already given stay)."""
    _require_office(actor)
    prefix = prefix.strip()
    if not prefix or any(char in prefix for char in "〔〕[]（）()号"):
        raise ValidationError("机关代字不能为空，也不含括号、年份或“号”，如“肇财依复”。")
    series = _series(unit, year or dates.today().year)
    before = {"prefix": series.prefix}
    series.prefix = prefix
    series.save(update_fields=["prefix"])
    record("foi_letter_prefix_set", series, before=before, after={"prefix": prefix})
    return series

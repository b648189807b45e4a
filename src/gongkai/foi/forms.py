"""Forms of the public application, the staff registration and the steps on the request page.

Every message is one an applicant or a clerk can act on; the forms only clean input, the services
decide and write.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from gongkai.foi import dates, validators
from gongkai.foi.models import (
    ApplicantKind,
    Channel,
    Delivery,
    FormWanted,
    IdType,
    ServiceMethod,
    Status,
)
from gongkai.orgs.models import Unit
from gongkai.params import LawDateField
from gongkai.rules.foiclock import MAX_EXTENSION_WORKDAYS, ClockState, PauseKind
from gongkai.rules.foifee import FeeMethod
from gongkai.rules.foioutcomes import OUTCOMES, OutcomeGroup
from gongkai.rules.textcodec import without_control_characters
from gongkai.rules.units import is_valid_org_code

_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def open_session(request: HttpRequest) -> None:
    """Give the visitor of a public form a session before the form is sent, so that the form
    sent again after a lost answer comes from the same session (:func:`bound_token`)."""
    if request.session.session_key is None:
        request.session["public_form"] = True
        request.session.save()


def bound_token(request: HttpRequest, token: str | None) -> str | None:
    """The form's ``submission_token`` bound to the session that sent it, as stored: the same
    form sent twice from one browser is stored once, while another applicant's token sent from
    elsewhere matches nothing and can never return their tracking code."""
    if not token:
        return None
    open_session(request)
    return bind_token(settings.SECRET_KEY, str(request.session.session_key), token)


def bind_token(secret_key: str, session_key: str, token: str) -> str:
    """The stored form of ``token`` sent from the session ``session_key`` (a keyed hash)."""
    message = f"{session_key}:{token}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()[:32]


class PlainCharField(forms.CharField):
    """A text field that drops the invisible control characters (C0 but tab and line breaks) on
    the way in: what a request says goes into letters, and a .docx cannot hold them. They are
    removed rather than refused since nobody can see them to correct them."""

    def to_python(self, value: Any) -> Any:
        return super().to_python(without_control_characters(value) if isinstance(value, str) else value)


def _required(message: str) -> dict[str, str]:
    return {"required": message}


def _date_field(label: str, required: bool = True, help_text: str = "") -> forms.DateField:
    """A law date of a request: a real date from 1949-10-01 to the end of next year
    (``rules.lawdates``), refused with the field's name otherwise (9999-12-31 used to get in)."""
    return LawDateField(
        label=label, required=required, help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "请输入有效日期，如 2026-09-28。", "required": f"请填写{label}。"},
    )


def active_units() -> Any:
    return Unit.objects.filter(is_active=True).order_by("sort_order", "id")


def _date_reason() -> forms.CharField:
    return forms.CharField(
        label="补录理由", max_length=500, required=False,
        help_text="日期早于今天3个工作日以上的属于补录，须写明理由（记入审计日志）。",
    )


class ApplicationForm(forms.Form):
    """The contents 《政府信息公开条例》第二十九条 requires, for 自然人 and 法人或其他组织."""

    unit = forms.ModelChoiceField(
        label="申请公开的机关", queryset=Unit.objects.none(), empty_label="请选择掌握该信息的机关",
        error_messages=_required("请选择申请公开的机关。"),
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类型", choices=ApplicantKind.choices, initial=ApplicantKind.NATURAL_PERSON,
    )
    person_name = PlainCharField(label="姓名", max_length=50, required=False)
    id_type = forms.ChoiceField(label="身份证件类型", choices=IdType.choices, required=False,
                                initial=IdType.RESIDENT_ID)
    id_number = PlainCharField(label="身份证件号码", max_length=40, required=False)
    org_name = PlainCharField(label="名称", max_length=100, required=False)
    organisation_code = PlainCharField(label="统一社会信用代码", max_length=18, required=False)
    legal_representative = PlainCharField(label="法定代表人或负责人", max_length=50, required=False)
    contact_person = PlainCharField(label="联系人", max_length=50, required=False)
    phone = PlainCharField(label="联系电话", max_length=30, error_messages=_required("请填写联系电话。"))
    email = forms.EmailField(
        label="电子邮箱", required=False, help_text="填写后，系统会把查询码发送到这个邮箱。",
        error_messages={"invalid": "请填写有效的电子邮箱地址，如 name@example.com。"},
    )
    address = PlainCharField(label="通信地址", max_length=200, required=False)
    postcode = PlainCharField(label="邮政编码", max_length=6, required=False)
    description = PlainCharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述", max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "请描述您申请公开的政府信息。", "max_length": "描述不能超过2000字。"},
    )
    form_wanted = forms.ChoiceField(
        label="信息的载体形式", choices=FormWanted.choices, widget=forms.RadioSelect,
        error_messages=_required("请选择所需信息的载体形式（纸质或电子）。"),
    )
    delivery = forms.ChoiceField(
        label="获取信息的方式", choices=Delivery.choices, widget=forms.RadioSelect,
        error_messages=_required("请选择获取信息的方式。"),
    )
    id_proof = forms.FileField(
        label="身份证明材料",
        help_text="自然人上传身份证件的扫描件或照片；法人或其他组织上传营业执照等证明文件。"
        f"只接受 {validators.ID_PROOF_TYPES}，不超过 10 MB。",
        error_messages=_required("请上传身份证明材料。"),
    )
    submission_token = PlainCharField(widget=forms.HiddenInput, required=False)

    proof_required = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = active_units()
        self.fields["id_proof"].required = self.proof_required
        if not self.is_bound:
            self.initial.setdefault("submission_token", secrets.token_hex(16))

    def clean_submission_token(self) -> str:
        token = self.cleaned_data.get("submission_token", "").strip().lower()
        return token if _TOKEN.match(token) else ""

    def clean_id_proof(self) -> Any:
        upload = self.cleaned_data.get("id_proof")
        if not upload:
            return upload
        verdict = validators.check_id_proof_size(upload.name, upload.size)
        if verdict.ok:  # only a file of an acceptable size is read, then judged whole
            content = upload.read()
            upload.seek(0)
            verdict = validators.check_id_proof(upload.name, content)
        if not verdict.ok:
            raise ValidationError(verdict.message)
        self.proof_extension = verdict.extension
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("applicant_kind") == ApplicantKind.NATURAL_PERSON:
            self._clean_person(data)
        else:
            self._clean_organisation(data)
        self._clean_contact(data)
        return data

    def _need(self, data: dict[str, Any], field: str, message: str) -> bool:
        if not str(data.get(field) or "").strip():
            self.add_error(field, message)
            return False
        return True

    def _clean_person(self, data: dict[str, Any]) -> None:
        self._need(data, "person_name", "请填写申请人姓名。")
        self._need(data, "id_type", "请选择身份证件类型。")
        if not self._need(data, "id_number", "请填写身份证件号码。"):
            return
        number = data["id_number"].strip().upper()
        if data.get("id_type") == IdType.RESIDENT_ID:
            problem = validators.resident_id_problem(number, dates.today())
            if problem:
                self.add_error("id_number", problem)
        elif len(number) < 5:
            self.add_error("id_number", "身份证件号码过短，请核对。")
        data["id_number"] = number

    def _clean_organisation(self, data: dict[str, Any]) -> None:
        self._need(data, "org_name", "请填写法人或其他组织的名称。")
        self._need(data, "legal_representative", "请填写法定代表人或负责人。")
        self._need(data, "contact_person", "请填写联系人姓名。")
        if self._need(data, "organisation_code", "请填写统一社会信用代码。"):
            code = data["organisation_code"].strip().upper()
            if not is_valid_org_code(code):
                self.add_error("organisation_code", "统一社会信用代码应为18位，且校验位正确，请核对。")
            data["organisation_code"] = code

    def _clean_contact(self, data: dict[str, Any]) -> None:
        phone = data.get("phone") or ""
        if phone and (problem := validators.phone_problem(phone)):
            self.add_error("phone", problem)
        elif phone:
            data["phone"] = validators.normalize_phone(phone)
        if data.get("postcode") and (problem := validators.postcode_problem(data["postcode"])):
            self.add_error("postcode", problem)
        if data.get("delivery") == Delivery.POST:
            self._need(data, "address", "选择邮寄时，请填写通信地址。")
            self._need(data, "postcode", "选择邮寄时，请填写邮政编码。")
        if data.get("delivery") == Delivery.EMAIL and "email" not in self.errors:
            self._need(data, "email", "选择电子邮件时，请填写电子邮箱。")

    def details(self) -> dict[str, Any]:
        """The cleaned data in the shape ``services.submit_request`` stores."""
        data = self.cleaned_data
        person = data["applicant_kind"] == ApplicantKind.NATURAL_PERSON
        return {
            "applicant_kind": data["applicant_kind"],
            "applicant_name": (data["person_name"] if person else data["org_name"]).strip(),
            "organisation_code": "" if person else data["organisation_code"],
            "legal_representative": "" if person else data["legal_representative"].strip(),
            "contact_person": data["contact_person"].strip(),
            "id_type": data["id_type"] if person else "",
            "id_number": data["id_number"] if person else "",
            "phone": data["phone"], "email": data.get("email") or "",
            "address": data["address"].strip(), "postcode": data["postcode"].strip(),
            "description": data["description"].strip(), "form_wanted": data["form_wanted"],
            "delivery": data["delivery"], "id_proof_ext": getattr(self, "proof_extension", ""),
            "items": data.get("items") or 1,
        }


class RegistrationForm(ApplicationForm):
    """Staff register a request that came in person, by post, fax or e-mail (第三十一条)."""

    channel = forms.ChoiceField(
        label="申请渠道", choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    arrived_on = _date_field("申请到达之日")
    date_reason = _date_reason()
    signed_on = _date_field("签收日期", required=False, help_text="邮寄需签收的：行政机关签收之日。")
    confirmed_on = _date_field(
        "与申请人确认之日", required=False,
        help_text="平常信函、传真、电子邮件：与申请人确认之日；尚未联系上申请人的留空，答复期限暂不起算。",
    )
    items = forms.IntegerField(label="件数", min_value=1, max_value=999, initial=1,
                               help_text="按“一事一申请”拆分后的件数。")

    proof_required = False

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("submission_token")
        if units is not None:
            self.fields["unit"].queryset = units
        self.fields["arrived_on"].initial = dates.today()


# --- the steps on the request page ---------------------------------------------------------------


class DateForm(forms.Form):
    on = _date_field("日期")
    date_reason = _date_reason()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = dates.today()


class TransferForm(forms.Form):
    unit = forms.ModelChoiceField(label="转至", queryset=Unit.objects.none(),
                                  error_messages=_required("请选择转办的单位。"))
    reason = PlainCharField(label="理由", max_length=500, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = active_units()


class AmendmentForm(DateForm):
    what = PlainCharField(label="需要补正的内容", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages=_required("请写明需要补正的内容。"))
    reply_by = _date_field("补正期限", required=False, help_text="留空则为告知之日起15个工作日。")
    late_reason = forms.CharField(
        label="逾期告知补正的理由", max_length=500, required=False,
        help_text="第三十条要求自收到申请之日起7个工作日内一次性告知；逾期的，只能由公开办管理员决定并写明理由。",
    )


class AmendedForm(DateForm):
    text = PlainCharField(label="补正的内容", widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages=_required("请填写补正的内容。"))


class ExtensionForm(DateForm):
    workdays = forms.IntegerField(
        label="延长的工作日数", min_value=1, max_value=MAX_EXTENSION_WORKDAYS, initial=MAX_EXTENSION_WORKDAYS,
        error_messages={"max_value": "延长的期限最长不得超过20个工作日（第三十三条第二款）。",
                        "min_value": "延长的工作日数至少为1。", "required": "请填写延长的工作日数。"},
    )
    reason = PlainCharField(label="延期理由", max_length=500, error_messages=_required("请写明延期的理由。"))


class DecisionForm(DateForm):
    decision = forms.ChoiceField(label="审批意见", choices=[("approve", "同意延期"), ("refuse", "不同意")])
    note = PlainCharField(label="说明", max_length=500, required=False)


class ConsultForm(DateForm):
    kind = forms.ChoiceField(label="征求对象", choices=[
        (PauseKind.THIRD_PARTY.value, "第三方（第三十二条，15个工作日）"),
        (PauseKind.OTHER_AGENCY.value, "其他机关"),
    ])
    party = PlainCharField(label="名称", max_length=100, error_messages=_required("请填写被征求意见的单位或个人。"))


class EndConsultForm(DateForm):
    started = forms.TypedChoiceField(label="征求意见", coerce=int, choices=[])
    result = PlainCharField(label="意见或结果", max_length=500, required=False)

    def __init__(self, *args: Any, consultations: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].choices = [
            (event.pk, f"{event.data.get('party', '')}（{event.on.isoformat()} 起）") for event in consultations
        ]


class FeeForm(DateForm):
    method = forms.ChoiceField(label="计收方式", choices=[(m.value, m.label) for m in FeeMethod])
    pages = forms.IntegerField(label="页数（按量计收）", min_value=0, required=False)


class ReplyForm(DateForm):
    outcome = forms.ChoiceField(label="办理结果", error_messages=_required("请选择一个办理结果。"))
    text = PlainCharField(
        label="答复内容", widget=forms.Textarea(attrs={"rows": 5}),
        help_text="提供的信息及获取方式，或不予公开的理由。",
        error_messages=_required("请填写答复内容。"),
    )
    published_index_number = PlainCharField(
        label="已主动公开信息的索引号（可选）", max_length=64, required=False,
        help_text="申请的信息已经主动公开的，填写其索引号，答复书和查询页将指向该信息。",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", "请选择")] + outcome_choices()


def outcome_choices() -> list[Any]:
    """The reply outcomes grouped as the annual report groups them; 视为放弃 is not a reply."""
    groups: list[Any] = []
    for group in OutcomeGroup:
        options = [(o.value, info.label) for o, info in OUTCOMES.items()
                   if info.group is group and o.value not in ("other.not_amended", "other.fee_unpaid")]
        groups.append((group.label.split("（区分")[0], options))
    return groups


class ServiceForm(forms.Form):
    letter = forms.TypedChoiceField(label="文书", coerce=int, choices=[])
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_on = _date_field("送达日期")
    signed_on = _date_field("签收日期", required=False)
    date_reason = _date_reason()

    def __init__(self, *args: Any, letters: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["letter"].choices = [(letter.pk, str(letter)) for letter in letters]
        self.fields["served_on"].initial = dates.today()


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部")] + list(Status.choices))
    state = forms.ChoiceField(label="期限", required=False, choices=[("", "全部")] + [
        (state.value, state.label) for state in ClockState
    ])
    channel = forms.ChoiceField(label="渠道", required=False, choices=[("", "全部")] + list(Channel.choices))
    received_from = _date_field("收到日期自", required=False)
    received_to = _date_field("至", required=False)
    unit = forms.ModelChoiceField(label="单位", required=False, queryset=Unit.objects.none(), empty_label="全部")

    def __init__(self, *args: Any, office: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if office:
            self.fields["unit"].queryset = active_units()
        else:
            del self.fields["unit"]


class TemplateForm(forms.Form):
    title = PlainCharField(label="标题", max_length=100)
    body = PlainCharField(label="正文", widget=forms.Textarea(attrs={"rows": 14}),
                           help_text="每行一段；第一行以“：”结尾时作为称呼，不缩进。")


class PrefixForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    prefix = PlainCharField(label="机关代字", max_length=40, help_text="如“肇财依复”，文号为 肇财依复〔2026〕3号。")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = active_units()


class TrackForm(forms.Form):
    code = PlainCharField(label="查询码", max_length=30, error_messages=_required("请输入查询码。"),
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))


class PublicAmendmentForm(TrackForm):
    text = PlainCharField(label="补正内容", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages=_required("请填写补正的内容。"))

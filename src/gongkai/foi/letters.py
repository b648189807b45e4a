"""Letters as .docx from the office's templates: placeholders, default wording, and the layout
(黑体 title, 仿宋_GB2312 body, the 文号 under the title, the unit and date at the foot)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import date
from typing import Final

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gongkai.foi.models import LetterKind, LetterTemplate
from gongkai.rules.textcodec import without_control_characters

BODY_FONT: Final = "仿宋_GB2312"
TITLE_FONT: Final = "黑体"
BODY_SIZE: Final = 16  # 三号
TITLE_SIZE: Final = 22  # 二号

# Placeholder → what it becomes; shown to the office beside the template editor.
PLACEHOLDERS: Final[Mapping[str, str]] = {
    "申请人": "申请人姓名或名称（征求意见书中为第三方名称）",
    "单位名称": "办理机关名称",
    "文号": "本文书的文号",
    "查询码": "申请的查询码",
    "收到日期": "收到申请之日",
    "申请内容": "申请公开的信息的描述",
    "成文日期": "本文书的日期",
    "补正内容": "需要补正的内容（补正告知书）",
    "补正期限": "申请人应在此日期前补正（补正告知书）",
    "原答复期限": "延期前的答复期限（延期答复告知书）",
    "延期工作日": "延长的工作日数（延期答复告知书）",
    "延长后答复期限": "延期后的答复期限（延期答复告知书）",
    "延期理由": "延期的理由（延期答复告知书）",
    "第三方": "被征求意见的第三方（征求第三方意见书）",
    "意见期限": "第三方提出意见的期限：收到意见书后第15个工作日（征求第三方意见书）",
    "答复结果": "办理结果，如“部分公开”（答复书）",
    "法律依据": "办理结果所依据的条款（答复书）",
    "答复内容": "答复正文：提供的信息、获取方式或不予公开的理由（答复书）",
}

_REGULATION: Final = "《中华人民共和国政府信息公开条例》"
_OPENING: Final = "本机关于{收到日期}收到您（单位）提出的政府信息公开申请（查询码：{查询码}），申请公开：“{申请内容}”。"

DEFAULTS: Final[Mapping[str, tuple[str, str]]] = {
    LetterKind.AMENDMENT: ("政府信息公开申请补正告知书", "\n".join([
        "{申请人}：",
        _OPENING,
        f"经审查，您的申请内容不够明确。根据{_REGULATION}第三十条的规定，请您对以下内容作出补正：{{补正内容}}",
        "请您于{补正期限}前提交补正后的申请。本机关自收到补正后的申请之日起重新计算答复期限。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        "特此告知。",
    ])),
    LetterKind.EXTENSION: ("政府信息公开申请延期答复告知书", "\n".join([
        "{申请人}：",
        _OPENING,
        f"因{{延期理由}}，本机关不能在{{原答复期限}}前作出答复。根据{_REGULATION}第三十三条第二款的规定，"
        "经本机关政府信息公开工作机构负责人同意，答复期限延长{延期工作日}个工作日，"
        "本机关将于{延长后答复期限}前作出答复。",
        "特此告知。",
    ])),
    LetterKind.CONSULTATION: ("政府信息公开征求第三方意见书", "\n".join([
        "{申请人}：",
        "本机关收到政府信息公开申请，申请公开：“{申请内容}”。该信息可能涉及贵方的商业秘密或者个人隐私，"
        f"公开后可能损害贵方合法权益。根据{_REGULATION}第三十二条的规定，现书面征求贵方意见。",
        "请贵方自收到本意见书之日起15个工作日内（即{意见期限}前）以书面形式提出是否同意公开的意见及理由。"
        "逾期未提出意见的，本机关将依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；"
        "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
        "特此函询。",
    ])),
    LetterKind.REPLY: ("政府信息公开申请答复书", "\n".join([
        "{申请人}：",
        _OPENING,
        "经审查，现答复如下：{答复内容}",
        "办理结果：{答复结果}。依据：{法律依据}。",
        "如对本答复不服，可以自收到本答复书之日起60日内依法申请行政复议，"
        "或者自收到本答复书之日起6个月内依法向人民法院提起行政诉讼。",
        "特此答复。",
    ])),
}

_PLACEHOLDER: Final = re.compile(r"\{([^{}\s]{1,20})\}")


def template_for(kind: str) -> LetterTemplate:
    """The office's template of ``kind``, or the default wording (unsaved) when it has none."""
    stored = LetterTemplate.objects.filter(kind=kind).first()
    if stored is not None:
        return stored
    title, body = DEFAULTS[kind]
    return LetterTemplate(kind=kind, title=title, body=body)


def unknown_placeholders(text: str) -> list[str]:
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill(text: str, values: Mapping[str, str]) -> str:
    """Placeholders replaced by their values; an unknown one stays as written, visibly."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未定）"


def article_text(article: str) -> str:
    """"第三十七条" → "《中华人民共和国政府信息公开条例》第三十七条"; other bases stay as they are."""
    if not article:
        return _REGULATION
    return f"{_REGULATION}{article}" if article.startswith("第") else article


def render_docx(title: str, number: str, body: str, unit_name: str, issued_on: date) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    _paragraph(document, title, TITLE_FONT, TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, number, BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.CENTER)
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        salutation = index == 0 and line.endswith("：")
        _paragraph(document, line, BODY_FONT, BODY_SIZE, indent=not salutation)
    document.add_paragraph()
    _paragraph(document, unit_name, BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph(document, chinese_date(issued_on), BODY_FONT, BODY_SIZE, WD_ALIGN_PARAGRAPH.RIGHT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _paragraph(
    document: object, text: str, font: str, size: int,
    alignment: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False,
) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    if alignment is not None:
        paragraph.alignment = alignment
    layout = paragraph.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Pt(28)  # GB/T 9704: 22 lines a page of 三号 text
    if indent:
        layout.first_line_indent = Pt(size * 2)  # 首行缩进两个字
    run = paragraph.add_run(without_control_characters(text))  # lxml refuses them: a request
    # filed before the form dropped them, or through another door, still gets its letter
    run.font.size = Pt(size)
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

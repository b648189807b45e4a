"""The 表彰通知 draft of seed 001 三(四) as a Word document, laid out like the office's other
documents (``plans.bulletin_docx``): the units named, the bonus points each unit or 县区 earns in
the next annual assessment, and the ties the office still has to decide, marked as such."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from gongkai.assessment.models import Round
from gongkai.plans.bulletin_docx import TITLE_FONT, _body, _heading, _line, _page, _table
from gongkai.plans.exports import BODY_FONT
from gongkai.rules.assessment.scoring import shown
from gongkai.rules.awards import AwardResult
from gongkai.rules.board import day_text

BONUS_COLUMNS = ["序号", "单位或县区", "年度考评加分"]
BONUS_WIDTHS = [1.6, 9.0, 3.4]


AWARDS_TITLE = "关于表彰政务公开示范点建设先进单位的通知"


def awards_docx(round_: Round, outcome: AwardResult, issuer: str, issued_on: date, *, draft: bool = True) -> bytes:
    """The notice; ``draft`` marks it (草稿) and lists the ties still to decide, the version issued
    as a record is the office's decision and carries neither."""
    document = Document()
    _page(document.sections[0], landscape=False)
    _line(document, AWARDS_TITLE + ("（草稿）" if draft else ""), TITLE_FONT, 22, center=True)
    _line(document, "各县区政务公开办公室，市政府各部门、各直属机构，各相关事业单位：", BODY_FONT, 16)
    named = "、".join(outcome.awarded)
    _body(document, (
        f"根据{round_.title}评估结果，综合得分率达80%以上且重点领域信息公开得分率不低于80%的单位中，按分类名额，决定对{named}"
        f"等{len(outcome.awarded)}个单位予以表彰，授予“政务公开示范点建设先进单位”称号。"
        if outcome.awarded else f"根据{round_.title}评估结果，各类单位均未达到表彰标准，本次不予表彰。"
    ))
    if outcome.bonus:
        _heading(document, "一、年度考评加分")
        _body(document, "受表彰单位在年度政务公开考核时给予加分；乡镇、街道的加分计入所属县区。")
        rows = [[str(number), name, shown(points)] for number, (name, points) in enumerate(outcome.bonus.items(), 1)]
        _table(document, BONUS_COLUMNS, rows, BONUS_WIDTHS)
    if outcome.ties and draft:
        _heading(document, "二、待确定事项")
        _body(document, "\n".join(f"{'、'.join(names)}得分率相同，名次先后待确定。" for names in outcome.ties))
    document.add_paragraph()
    if issuer:
        _line(document, issuer, BODY_FONT, 16, right=True)
    _line(document, day_text(issued_on), BODY_FONT, 16, right=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

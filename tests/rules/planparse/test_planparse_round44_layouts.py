"""Layouts of the forty-fourth round of real notices (tests/fixtures/notices/real/1651-1696):
medical-insurance funds, tourism and relics, grain, intellectual property, petitions and dispute
mediation; each as a small synthetic page written the way those pages are, and each read by a
general rule."""

from __future__ import annotations

from gongkai.rules.planparse import parse_text


def test_the_principles_a_rule_follows_are_no_tasks():
    plan = parse_text(
        "某市矛盾纠纷多元化解条例\n第一章 总 则\n第三条 本市矛盾纠纷多元化解工作实行党委领导、政府负责、社会协同的原则。\n"
        "第四条 本市矛盾纠纷多元化解应当遵循下列原则:\n(一)尊重当事人意愿,和解、调解优先;\n(二)公平公正,便民高效,诚实守信。\n"
        "第五条 市和区平安建设领导机构负责统筹谋划、督导考评、推动落实矛盾纠纷多元化解工作。\n"
    )
    assert [item.units for item in plan.items] == [("市和区平安建设领导机构",)]


def test_a_notice_s_numbered_requests_go_to_the_offices_asked():
    plan = parse_text(
        "关于印发医疗机构药品备案采购实施细则的通知\n一、请各市(州)卫生计生委制定分级审核备案采购实施方案及监督管理办法,并报省卫生计生委备案。\n"
        "二、请各市(州)卫生计生委于2014年3月底前上报首批分级审核备案采购目录。\n"
    )
    assert [item.units for item in plan.items] == [("各市(州)卫生计生委",)] * 2

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

"""Every amount of the national 2019 system (``rules.monitoring.indicators.NATIONAL_2019``) checked
against DOMAIN.md section 4.2, 《政府网站与政务新媒体检查指标》(国办秘函〔2019〕19号), quoted here.

DOMAIN.md states the part totals, the 4/3 rule, the veto thresholds and (recalled, item 5 of its
section 8 still to verify) the per-link amounts. It gives no cap per indicator and no amount per
stale column, blank column or undated page: those are the 普查 score sheet as the offices use it,
pinned below as data so that a change to any of them is a visible, deliberate change of this file.
"""

from __future__ import annotations

from decimal import Decimal

from gongkai.rules.monitoring import columns, findings
from gongkai.rules.monitoring.indicators import BONUS_ABOVE, FAIL_BELOW, NATIONAL_2019

D = Decimal


def test_the_parts_add_up_as_domain_says() -> None:
    # DOMAIN 4.2: "The 扣分 part is worth **100** points ✅ [S54][S55]; the 加分 part **30** ✅ [S55]."
    assert NATIONAL_2019.deduct_points == D(100)
    assert sum(item.points for item in NATIONAL_2019.bonus) == D(30)
    # DOMAIN 4.2: "The national text scores them out of 75 and multiplies by **4/3**": the service
    # indicators (服务实用情况) carry the 25 points a site without services is not checked on.
    assert NATIONAL_2019.deduct_points - NATIONAL_2019.service_points == D(75)
    assert {item.name for item in NATIONAL_2019.deduct if item.service} == {"办事指南", "附件下载", "在线系统"}
    # DOMAIN 4.2: "**<60 = 不合格**; **>80** goes on to 加分 scoring".
    assert (D(60), D(80)) == (FAIL_BELOW, BONUS_ABOVE)


def test_the_per_link_amounts_are_those_domain_recalls() -> None:
    # DOMAIN 4.2: "链接可用性 = number of unreachable links on the home page and other pages …
    # per-link deduction amounts (recalled as 1 point per broken home-page link and 0.1 per other
    # page)" — still to verify (DOMAIN 8 item 5), the amounts agree with what it recalls.
    links = next(item for item in NATIONAL_2019.deduct if item.name == "链接可用性")
    assert {rule.where: rule.each for rule in links.deductions} == {
        (("on_home", True),): D("1"), (("on_home", False),): D("0.1"),
    }


def test_the_veto_thresholds_are_domains() -> None:
    # 站点无法访问: "Monitor 1 week, ≥20 visits/day … ≥15 s is **≥5%** → veto"
    assert (7, 20, D("0.05")) == (findings.PROBE_DAYS, findings.PROBES_PER_DAY, findings.UNAVAILABLE_VETO)
    # 首页(网站)不更新: "Monitor **2 weeks**; no new information on the home page → veto"
    assert findings.HOME_DAYS == 14
    # 栏目不更新: "动态/要闻 … **2 weeks** … 通知公告/政策文件 … **6 months** …, totalling **≥5**;
    # (2) … long stale **≥10**; (3) **空白栏目 ≥5**"
    assert (columns.NEWS_DAYS, columns.NOTICE_MONTHS) == (14, 6)
    assert (findings.STALE_NEWS_NOTICE_VETO, findings.STALE_OTHER_VETO, findings.BLANK_VETO) == (5, 10, 5)
    assert [veto.name for veto in NATIONAL_2019.vetoes][:5] == ["站点无法访问", "首页不更新", "栏目不更新", "严重错误",
                                                                 "互动回应差"]


# Every indicator of the 扣分 and 加分 parts: (code, name, 一级指标, cap, service, amounts per finding).
# Amounts None: the inspector states the points (DOMAIN 4.2 names these indicators — 互动回应情况
# (政务咨询, 调查征集, 互动访谈), 服务实用情况 (办事指南要素, 附件下载, 在线系统) — without amounts).
EXPECTED = [
    ("1.1", "首页可用性", "网站可用性", D(5), False, [("站点无法访问", D(5), ())]),
    ("1.2", "链接可用性", "网站可用性", D(10), False, [("链接不可用", D(1), (("on_home", True),)),
                                                  ("链接不可用", D("0.1"), (("on_home", False),))]),
    ("2.1", "动态要闻、通知公告类栏目更新", "信息更新情况", D(15), False,
     [("栏目不更新", D(2), (("class_code", "news"),)), ("栏目不更新", D(2), (("class_code", "notice"),))]),
    ("2.2", "其他栏目更新", "信息更新情况", D(5), False, [("栏目不更新", D(1), (("class_code", "other"),))]),
    ("2.3", "空白栏目", "信息更新情况", D(5), False, [("空白栏目", D(1), ())]),
    ("2.4", "信息发布时间", "信息更新情况", D(5), False, [("未注明发布时间", D("0.1"), ())]),
    ("3.1", "政务咨询", "互动回应情况", D(15), False, [("政务咨询", None, ())]),
    ("3.2", "调查征集", "互动回应情况", D(10), False, [("调查征集", None, ())]),
    ("3.3", "互动访谈", "互动回应情况", D(5), False, [("互动访谈", None, ())]),
    ("4.1", "办事指南", "服务实用情况", D(10), True, [("办事指南", None, ())]),
    ("4.2", "附件下载", "服务实用情况", D(5), True, [("附件下载", None, ())]),
    ("4.3", "在线系统", "服务实用情况", D(10), True, [("在线系统", None, ())]),
    ("5.1", "解读回应", "加分指标", D(10), False, [("解读回应", None, ())]),
    ("5.2", "办事服务", "加分指标", D(10), False, [("办事服务", None, ())]),
    ("5.3", "互动交流", "加分指标", D(5), False, [("互动交流", None, ())]),
    ("5.4", "功能与检索", "加分指标", D(5), False, [("功能与检索", None, ())]),
]


def test_every_amount_is_the_one_written_here() -> None:
    actual = [
        (item.code, item.name, item.group, item.points, item.service,
         [(rule.indicator, rule.each, rule.where) for rule in item.deductions])
        for item in (*NATIONAL_2019.deduct, *NATIONAL_2019.bonus)
    ]
    assert actual == EXPECTED


def test_each_guide_prints_the_amounts_it_charges() -> None:
    """The 评分标准 a clerk reads says what the rule charges (no guide promising 2 while 1 is charged)."""
    for item in NATIONAL_2019.deduct:
        for rule in item.deductions:
            if rule.each is not None:
                assert f"扣 {rule.each.normalize():f} 分" in item.guide, (item.code, item.guide)
    # 1.1 charges an unavailability share above 1 % that is not yet the 5 % veto.
    assert D("0.01") == findings.UNAVAILABLE_DEDUCT and "超过 1%" in NATIONAL_2019.deduct[0].guide

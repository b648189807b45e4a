from __future__ import annotations

from decimal import Decimal

from gongkai.rules.monitoring.findings import Finding
from gongkai.rules.monitoring.indicators import NATIONAL_2019, Verdict, score


def f(indicator: str, key: str, veto: bool = False, points: str | None = None, **evidence: object) -> Finding:
    return Finding(indicator, veto, evidence, key=key, points=Decimal(points) if points else None)


def test_the_national_system_adds_up() -> None:
    assert NATIONAL_2019.deduct_points == 100
    assert NATIONAL_2019.service_points == 25
    assert sum(item.points for item in NATIONAL_2019.bonus) == 30


def test_a_veto_stops_scoring() -> None:
    result = score([f("首页不更新", "h", veto=True), f("链接不可用", "l", on_home=True)])
    assert result.verdict is Verdict.FAIL and result.vetoes == ["首页不更新"]
    assert result.total is None and result.lines == []


def test_each_deducted_point_names_its_finding() -> None:
    findings = [
        f("链接不可用", "链接不可用:/a", on_home=True),
        f("链接不可用", "链接不可用:/b", on_home=False),
        f("链接不可用", "链接不可用:/c", on_home=False),
        f("栏目不更新", "栏目不更新:/news/", class_code="news"),
        f("空白栏目", "空白栏目:/blank/"),
        f("未注明发布时间", "未注明发布时间:/x"),
    ]
    result = score(findings)
    # 100 - (1 + 0.1 + 0.1) - 2 - 1 - 0.1 = 95.7; above 80 but no bonus findings
    assert result.deduct_score == Decimal("95.70") and result.total == Decimal("95.70")
    assert result.verdict is Verdict.PASS
    assert [(line.code, line.finding_key, line.points) for line in result.lines] == [
        ("1.2", "链接不可用:/a", Decimal("1")),
        ("1.2", "链接不可用:/b", Decimal("0.1")),
        ("1.2", "链接不可用:/c", Decimal("0.1")),
        ("2.1", "栏目不更新:/news/", Decimal("2")),
        ("2.3", "空白栏目:/blank/", Decimal("1")),
        ("2.4", "未注明发布时间:/x", Decimal("0.1")),
    ]


def test_an_indicator_never_costs_more_than_its_points() -> None:
    findings = [f("链接不可用", f"l{i:02}", on_home=True) for i in range(12)]
    result = score(findings)
    assert sum(line.points for line in result.lines) == 10  # 12 × 1 capped at 10
    assert [line.points for line in result.lines][-3:] == [Decimal(1), Decimal(0), Decimal(0)]
    assert result.lines[-1].capped and result.deduct_score == Decimal("90.00")


def test_bonus_only_above_80() -> None:
    bonus = f("解读回应", "b", points="6")
    stale = [f("栏目不更新", f"s{i}", class_code="notice") for i in range(8)]  # 2 × 8 = 16, cap 15
    consult = f("政务咨询", "c", points="5")
    assert score([bonus, *stale]).total == Decimal("91.00")  # 85 + 6
    low = score([bonus, *stale, consult])  # 100 - 15 - 5 = 80: not above 80
    assert low.deduct_score == Decimal("80.00") and low.bonus == 0 and low.total == Decimal("80.00")


def test_below_60_is_a_fail() -> None:
    findings = [f(name, name, points=str(points)) for name, points in
                [("政务咨询", 15), ("调查征集", 10), ("互动访谈", 5), ("办事指南", 10), ("在线系统", 1)]]
    result = score(findings)
    assert result.deduct_score == Decimal("59.00") and result.verdict is Verdict.FAIL


def test_the_four_thirds_rule_for_a_site_without_services() -> None:
    findings = [f("栏目不更新", "s", class_code="news"), f("办事指南", "g", points="10")]
    result = score(findings, has_services=False)
    # service findings are not checked: (75 - 2) × 4/3 = 97.33
    assert result.deduct_score == Decimal("97.33")
    assert [line.code for line in result.lines] == ["2.1"]

"""GONGKAI_ASSESSMENT_WEIGHT: 政务公开's weight in the performance assessment, never below 4%."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.config import env_weight


def test_it_defaults_to_4_and_reads_a_decimal():
    assert env_weight("W", "4", "4", environ={}) == 4
    assert env_weight("W", "4", "4", environ={"W": " 4.5 "}) == Decimal("4.5")


@pytest.mark.parametrize("value", ["3.9", "101", "五", "nan", ""])
def test_it_refuses_a_weight_below_4_or_not_a_number(value):
    with pytest.raises(ImproperlyConfigured, match="W: 应为 4 至 100 之间的百分数"):
        env_weight("W", "4", "4", environ={"W": value})

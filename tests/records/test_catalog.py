"""The basic catalog: a default column tree per unit kind, edited by the office only."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.records import catalog
from gongkai.records.models import Column

pytestmark = pytest.mark.django_db


def test_it_gives_a_department_and_a_county_their_default_columns(unit_a, city):
    from gongkai.orgs.models import Unit, UnitKind

    county = Unit.objects.create(key="county", name="示范县人民政府", kind=UnitKind.COUNTY_GOV, parent=city)
    catalog.apply_default_columns(unit_a)
    catalog.apply_default_columns(county)
    department = set(Column.objects.filter(unit=unit_a, parent=None).values_list("name", flat=True))
    government = set(Column.objects.filter(unit=county, parent=None).values_list("name", flat=True))
    required = {"机构信息", "政策文件", "政策解读", "规划计划", "财政信息", "重点领域信息", "政府信息公开年报", "政府信息公开指南"}
    assert required <= department and required <= government
    assert "行政执法" in department and "统计信息" in government
    assert Column.objects.filter(unit=county, parent__name="重点领域信息", name="义务教育").exists()
    assert catalog.apply_default_columns(unit_a) == 0  # applying twice adds nothing


def test_it_lets_the_office_edit_the_columns(unit_a, office_admin, login, columns_a):
    client = login(office_admin)
    client.post(f"/console/records/catalog/{unit_a.pk}/", {"name": "双随机一公开", "parent": columns_a["行政执法"].pk})
    added = Column.objects.get(name="双随机一公开")
    assert added.path == "行政执法 / 双随机一公开"
    client.post(f"/console/records/columns/{added.pk}/", {"name": "双随机、一公开", "sort_order": "5", "is_active": "0"})
    added.refresh_from_db()
    assert added.name == "双随机、一公开" and not added.is_active


def test_it_keeps_clerks_out_of_the_catalog_settings(unit_a, clerk_a, login, columns_a):
    with pytest.raises(PermissionDenied):
        catalog.add_column(unit_a, "自建栏目", actor=clerk_a)
    client = login(clerk_a)
    assert client.get(f"/console/records/catalog/{unit_a.pk}/").status_code == 403
    assert client.post(f"/console/records/columns/{columns_a['通知公告'].pk}/", {"name": "改名"}).status_code == 403
    assert client.get("/console/records/settings/").status_code == 403

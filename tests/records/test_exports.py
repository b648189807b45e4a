"""Lists as files: the public catalog pages' CSV and the console list's .csv/.xlsx, every row the
list holds (not the page), scoped as the list is, streamed."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


@pytest.fixture
def catalog(make_draft, publish, clerk_b, columns_b):
    from gongkai.records import services

    published = [publish(make_draft(title=f"财政局通知{n}", written_on=date(2026, 3, n))) for n in range(1, 26)]
    draft = make_draft(title="=HYPERLINK(\"http://x\")未发布")
    other = services.create_record(clerk_b.unit, {"title": "教育局草稿", "body": "<p>x</p>", "written_on": date(2026, 3, 2)},
                                   columns=[columns_b["通知公告"]], actor=clerk_b)
    return published, draft, other


def test_the_public_catalog_csv_holds_every_listed_record(client, catalog, unit_a):
    published, draft, _ = catalog
    response = client.get(f"/xxgk/units/{unit_a.key}/?format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows[0][:3] == ["信息编号", "索引号", "名称"]
    assert {int(row[0]) for row in rows[1:]} == {record.pk for record in published}  # 25 rows, beyond one page
    assert all(row[12] == "有效" and row[16] == "通知公告" for row in rows[1:])
    assert str(draft.pk) not in {row[0] for row in rows[1:]}


def test_the_console_export_is_scoped_and_every_row(login, clerk_a, catalog):
    published, draft, other = catalog
    client = login(clerk_a)
    rows = _csv(client.get("/console/records/?format=csv"))
    ids = {int(row[0]) for row in rows[1:]}
    assert ids == {record.pk for record in published} | {draft.pk}
    assert other.pk not in ids
    assert any(row[2].startswith("'=HYPERLINK") for row in rows[1:])  # a formula stays text
    drafts_only = _csv(client.get("/console/records/?status=draft&format=csv"))
    assert {int(row[0]) for row in drafts_only[1:]} == {draft.pk}


def test_the_console_export_as_xlsx(login, clerk_a, catalog):
    published, draft, _ = catalog
    response = login(clerk_a).get("/console/records/?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "信息编号" and len(values) == 1 + len(published) + 1
    [title] = [cell for row in sheet.iter_rows(min_col=3, max_col=3) for cell in row if "HYPERLINK" in str(cell.value)]
    assert title.value == '=HYPERLINK("http://x")未发布' and title.data_type == "s"  # text, not a formula


def test_the_normative_list_and_the_plans_have_csv_links(client, catalog):
    page = client.get("/xxgk/gfxwj/")
    assert "format=csv" in page.content.decode()
    assert _csv(client.get("/xxgk/gfxwj/?format=csv"))[0][0] == "信息编号"
    assert "format=csv" in client.get("/plans/").content.decode()
    assert _csv(client.get("/plans/?format=csv"))[0][:2] == ["方案编号", "标题"]

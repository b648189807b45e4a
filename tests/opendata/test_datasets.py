"""Data sets: a clerk uploads a table, a reviewer publishes it, the public downloads it as CSV,
XLSX and JSON with the same rows; a bad sheet is refused whole; units see only their own drafts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from gongkai.audit.models import AuditEntry
from gongkai.opendata import services
from gongkai.opendata.models import Dataset, DatasetStatus, DatasetVersion
from tests.opendata.conftest import HEADER, ROWS, xlsx

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_it_downloads_the_uploaded_xlsx_as_csv_json_and_xlsx_with_the_same_rows(client, published):
    base = f"/data/{published.slug}/data"
    as_csv = client.get(base + ".csv")
    assert as_csv.status_code == 200 and as_csv["Content-Type"] == "text/csv; charset=utf-8"
    assert as_csv["Content-Disposition"] == f"attachment; filename*=UTF-8''{published.slug}-data.csv"
    csv_rows = list(csv.reader(io.StringIO(_body(as_csv).decode("utf-8-sig"))))

    as_json = client.get(base + ".json")
    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in as_json["Content-Disposition"]
    document = json.loads(_body(as_json))

    as_xlsx = client.get(base + ".xlsx")
    assert as_xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    xlsx_rows = [list(row) for row in load_workbook(io.BytesIO(_body(as_xlsx))).active.iter_rows(values_only=True)]

    assert csv_rows[0] == HEADER == document["columns"] == xlsx_rows[0]
    uploaded = [[("" if cell is None else str(cell)) for cell in row] for row in ROWS]
    assert csv_rows[1:] == uploaded
    assert [[("" if record[name] is None else str(record[name])) for name in HEADER] for record in document["rows"]] == uploaded
    assert [[("" if cell is None else str(cell)) for cell in row] for row in xlsx_rows[1:]] == uploaded


def test_it_refuses_a_bad_header_whole_with_the_row_and_the_reason(login, clerk_a, unit_a, make_dataset):
    dataset = make_dataset(unit_a, clerk_a)
    sheet = xlsx([["学校", "", "学生数", "学校"], ["第一中学", "初中", 1200, "x"]])
    response = login(clerk_a).post(f"/console/opendata/{dataset.pk}/upload/",
                                   {"file": SimpleUploadedFile("学校.xlsx", sheet)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "整份未保存" in page
    assert "第 1 行：表头第 B 列为空" in page
    assert "第 1 行：表头第 D 列“学校”与第 A 列重名" in page
    assert not DatasetVersion.objects.filter(dataset=dataset).exists()
    assert not AuditEntry.objects.filter(action="opendata_version_uploaded").exists()


def test_it_refuses_a_shifted_row_whole_and_keeps_the_version_before(login, clerk_a, published):
    bad = xlsx([HEADER, ROWS[0], ["第三中学", "初中", 900, "2001-09-01", "多出一列"]])
    response = login(clerk_a).post(f"/console/opendata/{published.pk}/upload/", {"file": SimpleUploadedFile("b.xlsx", bad)})
    assert response.status_code == 400
    assert "第 3 行：有 5 列，而表头有 4 列" in response.content.decode()
    assert DatasetVersion.objects.filter(dataset=published).count() == 1


def test_a_new_version_waits_for_review_while_the_public_keeps_the_published_one(client, login, clerk_a, reviewer_a, published):
    login(clerk_a).post(f"/console/opendata/{published.pk}/upload/",
                        {"file": SimpleUploadedFile("新.csv", "学校,学段,学生数,开办日期\n新学校,小学,10,\n".encode("gb18030"))})
    client.post(f"/console/opendata/{published.pk}/steps/submit/")
    published.refresh_from_db()
    assert published.status == DatasetStatus.IN_REVIEW
    client.logout()
    assert "第一中学" in _body(client.get(f"/data/{published.slug}/data.csv")).decode("utf-8-sig")
    login(reviewer_a).post(f"/console/opendata/{published.pk}/steps/publish/")
    published.refresh_from_db()
    assert published.status == DatasetStatus.PUBLISHED and published.published_version.number == 2
    client.logout()
    assert "新学校" in _body(client.get(f"/data/{published.slug}/data.csv")).decode("utf-8-sig")


def test_the_clerk_cannot_publish_and_the_submitter_cannot_approve(login, clerk_a, unit_a, make_dataset):
    dataset = make_dataset(unit_a, clerk_a)
    services.upload_version(dataset, "a.csv", "名称\n甲\n".encode(), actor=clerk_a)
    client = login(clerk_a)
    client.post(f"/console/opendata/{dataset.pk}/steps/submit/")
    response = client.post(f"/console/opendata/{dataset.pk}/steps/publish/")
    assert response.status_code == 403
    dataset.refresh_from_db()
    assert dataset.status == DatasetStatus.IN_REVIEW and dataset.issued_on is None


def test_the_office_publishes_and_a_reviewer_returns_with_a_comment(login, office_admin, reviewer_a, clerk_a, unit_a, make_dataset):
    dataset = make_dataset(unit_a, clerk_a)
    services.submit_dataset(make_dataset(unit_a, clerk_a, source="records_monthly"), actor=clerk_a)
    services.upload_version(dataset, "a.csv", "名称\n甲\n".encode(), actor=clerk_a)
    services.submit_dataset(dataset, actor=clerk_a)
    login(reviewer_a).post(f"/console/opendata/{dataset.pk}/steps/return/", {"comment": "请补充字段说明"})
    dataset.refresh_from_db()
    assert (dataset.status, dataset.review_comment) == (DatasetStatus.DRAFT, "请补充字段说明")
    services.submit_dataset(dataset, actor=clerk_a)
    login(office_admin).post(f"/console/opendata/{dataset.pk}/steps/publish/")
    dataset.refresh_from_db()
    assert dataset.status == DatasetStatus.PUBLISHED and dataset.issued_on.isoformat() == "2026-09-28"
    actions = list(AuditEntry.objects.filter(object_type="opendata.dataset", object_id=str(dataset.pk)).order_by("pk").values_list("action", flat=True))
    assert actions == ["opendata_dataset_created", "opendata_version_uploaded", "opendata_dataset_submitted",
                       "opendata_dataset_returned", "opendata_dataset_submitted", "opendata_dataset_published"]


def test_a_unit_never_sees_another_units_unpublished_data_set(login, clerk_a, clerk_b, published, draft_b, client):
    as_a = login(clerk_a)
    assert as_a.get(f"/console/opendata/{draft_b.pk}/").status_code == 404
    assert as_a.post(f"/console/opendata/{draft_b.pk}/upload/", {"file": SimpleUploadedFile("a.csv", b"a\n1\n")}).status_code == 404
    assert "教育局未发布的数据集" not in as_a.get("/console/opendata/").content.decode()
    as_b = login(clerk_b)
    assert as_b.get(f"/console/opendata/{draft_b.pk}/").status_code == 200
    assert as_b.get(f"/console/opendata/{published.pk}/").status_code == 200  # published: everyone's
    assert as_b.post(f"/console/opendata/{published.pk}/upload/",
                     {"file": SimpleUploadedFile("a.csv", b"a\n1\n")}).status_code == 403  # but not theirs to change
    client.logout()
    assert client.get(f"/data/{draft_b.slug}/").status_code == 404
    assert client.get(f"/data/{draft_b.slug}/data.csv").status_code == 404
    assert "教育局未发布的数据集" not in client.get("/data/").content.decode()


def test_the_portal_lists_filters_and_previews_a_data_set(client, published, draft_b):
    catalog = client.get("/data/", {"theme": "education"}).content.decode()
    assert "学校名录" in catalog
    assert "学校名录" not in client.get("/data/", {"theme": "finance"}).content.decode()
    assert client.get("/data/", {"theme": "nonsense"}).status_code == 400
    page = client.get(f"/data/{published.slug}/").content.decode()
    assert "第一中学" in page and "开办日期" in page and "发布日期：2026-09-28" in page
    assert f"/data/{published.slug}/metadata.jsonld" in page
    assert client.get(f"/data/{published.slug}/other.csv").status_code == 404


def test_it_serves_dcat_json_ld_for_a_data_set_and_the_catalog(client, published, draft_b):
    node = client.get(f"/data/{published.slug}/metadata.jsonld")
    assert node["Content-Type"] == "application/ld+json; charset=utf-8"
    body = node.json()
    assert body["@type"] == "dcat:Dataset" and body["dct:identifier"] == published.slug
    assert {d["dct:format"] for d in body["dcat:distribution"]} == {"CSV", "XLSX", "JSON"}
    catalog = client.get("/data/catalog.jsonld").json()
    assert [d["dct:identifier"] for d in catalog["dcat:dataset"]] == [published.slug]


def test_own_data_is_generated_from_the_database_when_downloaded(client, clerk_a, reviewer_a, unit_a, make_dataset):
    dataset = make_dataset(unit_a, clerk_a, title="依申请公开统计", source="foi_statistics")
    services.submit_dataset(dataset, actor=clerk_a)
    services.publish_dataset(dataset, actor=reviewer_a)
    from gongkai.foi import services as foi
    from tests.foi.conftest import CITIZEN_NAME, citizen_details

    first = json.loads(_body(client.get(f"/data/{dataset.slug}/foi-statistics.json")))
    assert first["columns"] == ["分类", "项目", "件数"]
    foi.submit_request(citizen_details(), unit=unit_a)
    second = json.loads(_body(client.get(f"/data/{dataset.slug}/foi-statistics.json")))
    total = [row for row in second["rows"] if row["分类"] == "按年份"]
    assert total == [{"分类": "按年份", "项目": "2026年", "件数": 1}]
    assert CITIZEN_NAME not in json.dumps(second, ensure_ascii=False)


def test_an_upload_to_an_own_data_set_is_refused(clerk_a, unit_a, make_dataset):
    from django.core.exceptions import ValidationError

    dataset = make_dataset(unit_a, clerk_a, source="records_monthly")
    with pytest.raises(ValidationError):
        services.upload_version(dataset, "a.csv", b"a\n1\n", actor=clerk_a)
    assert Dataset.objects.get(pk=dataset.pk).versions.count() == 0


def test_a_published_data_sets_description_changes_only_once_reviewed(client, login, clerk_a, reviewer_a, published):
    as_clerk = login(clerk_a)
    response = as_clerk.post(f"/console/opendata/{published.pk}/edit/", {
        "title": "全市学校名录（2026）", "theme": "education", "frequency": "semiannual", "licence": "open", "keywords": "学校",
        "source": "foi_statistics",  # not a field of a published data set: ignored
    })
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "学校名录" and published.pending_changes["title"] == "全市学校名录（2026）"
    assert "每半年" in as_clerk.get(f"/console/opendata/{published.pk}/").content.decode()
    client.logout()
    assert "全市学校名录（2026）" not in client.get(f"/data/{published.slug}/").content.decode()
    services.submit_dataset(published, actor=clerk_a)
    services.publish_dataset(published, actor=reviewer_a)
    published.refresh_from_db()
    assert (published.title, published.frequency, published.source, published.pending_changes) == (
        "全市学校名录（2026）", "semiannual", "upload", {})
    assert "全市学校名录（2026）" in client.get(f"/data/{published.slug}/").content.decode()


def test_a_withdrawn_data_set_is_corrected_and_published_again_staying_off_the_portal_until_then(
    client, login, clerk_a, reviewer_a, published,
):
    login(reviewer_a).post(f"/console/opendata/{published.pk}/steps/withdraw/", {"comment": "学生数有误"})
    client.logout()
    assert client.get(f"/data/{published.slug}/data.csv").status_code == 404

    clerk = login(clerk_a)
    page = clerk.get(f"/console/opendata/{published.pk}/").content.decode()
    assert "撤回原因：学生数有误" in page and "改正后重新提交审核" in page
    clerk.post(f"/console/opendata/{published.pk}/upload/",
               {"file": SimpleUploadedFile("改.csv", "学校,学段,学生数,开办日期\n第一中学,初中,1180,\n".encode())})
    clerk.post(f"/console/opendata/{published.pk}/steps/submit/")
    published.refresh_from_db()
    assert published.status == DatasetStatus.IN_REVIEW and not published.is_public
    client.logout()
    assert client.get(f"/data/{published.slug}/data.csv").status_code == 404  # in review: still off the portal

    reviewer = login(reviewer_a)
    reviewer.post(f"/console/opendata/{published.pk}/steps/return/", {"comment": "请附说明"})
    published.refresh_from_db()
    assert published.status == DatasetStatus.WITHDRAWN  # returned: withdrawn as before, not published
    login(clerk_a).post(f"/console/opendata/{published.pk}/steps/submit/")
    login(reviewer_a).post(f"/console/opendata/{published.pk}/steps/publish/")
    published.refresh_from_db()
    assert published.is_public and published.withdrawn_reason == ""
    client.logout()
    assert "1180" in _body(client.get(f"/data/{published.slug}/data.csv")).decode("utf-8-sig")
    assert [entry.action for entry in AuditEntry.objects.filter(object_id=str(published.pk)).order_by("pk")][-6:] == [
        "opendata_dataset_withdrawn", "opendata_version_uploaded", "opendata_dataset_submitted",
        "opendata_dataset_returned", "opendata_dataset_submitted", "opendata_dataset_published",
    ]

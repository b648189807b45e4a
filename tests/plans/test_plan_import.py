"""Uploading a notice: parsed in the background, reviewed as a draft; bad files get a clear
message and leave no plan behind."""

from __future__ import annotations

import io

import pytest

from gongkai.console.demo import SEEDS
from gongkai.plans.models import ImportStatus, Plan, PlanImport

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(admin_zq, login, settings, tmp_path, immediate_jobs):
    settings.MEDIA_ROOT = tmp_path
    return login(admin_zq)


def _upload(client, content, name, issuer, django_capture_on_commit_callbacks):
    file = io.BytesIO(content)
    file.name = name
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/console/plans/import/", {"file": file, "issuer_unit": issuer.pk})


def test_it_parses_an_upload_in_the_background_into_a_draft(office_client, zhaoqing, django_capture_on_commit_callbacks):
    content = (SEEDS / "000_f587d089185122da.txt").read_bytes()
    response = _upload(office_client, content, "000.txt", zhaoqing, django_capture_on_commit_callbacks)
    job = PlanImport.objects.get()
    assert response["Location"] == f"/console/plans/imports/{job.pk}/"
    assert job.status == ImportStatus.DONE and job.plan.items.count() == 91
    status = office_client.get(f"/console/plans/imports/{job.pk}/", HTTP_HX_REQUEST="true")
    assert status["HX-Redirect"] == f"/console/plans/{job.plan.pk}/"
    review = office_client.get(f"/console/plans/{job.plan.pk}/").content.decode()
    assert "共 91 项" in review


def test_it_polls_while_the_worker_is_busy(office_client, zhaoqing):
    job = PlanImport.objects.create(original_name="big.docx", issuer_unit=zhaoqing, status=ImportStatus.PARSING,
                                    step="正在读取和解析文件")
    fragment = office_client.get(f"/console/plans/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "正在读取和解析文件" in fragment


# a PDF's table whose cells were wrapped over lines: no row is whole, none is imported
_SCATTERED = (
    "知识产权保护工作任务分解表\n序号 工作重点 工作内容 具体任务 成果形式 责任部门\n"
    "将故意侵犯知识产权行为情\n况纳入信用记录\n完善信用征信目录，探索建立\n健全信用监督机制，将恶\n"
    "意侵犯行为纳入信用体\n系\n省信用办、知识产权\n局、工商局\n加强专业化市场知识产\n权管理和保护\n"
).encode()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [(b"", "empty.txt", "文件是空的"),
     (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "notice.pdf", "不支持的文件类型"),
     (b"MZ\x90\x00" + bytes(range(256)) * 40, "notice.docx", "notice.docx"),
     (bytes(range(256)) * 40, "notice.txt", "notice.txt"),
     (_SCATTERED, "scattered.txt", "单元格在复制时被拆成了多行")],
)
def test_it_refuses_bad_files_with_a_clear_message(office_client, zhaoqing, content, name, message,
                                                   django_capture_on_commit_callbacks):
    response = _upload(office_client, content, name, zhaoqing, django_capture_on_commit_callbacks)
    if response.status_code == 302:
        job = PlanImport.objects.get()
        assert job.status == ImportStatus.FAILED and message in job.error
        page = office_client.get(response["Location"]).content.decode()
        assert message in page and "Traceback" not in page
    else:
        assert message in response.content.decode()
    assert not Plan.objects.exists()


def test_it_refuses_an_oversized_upload(office_client, zhaoqing, django_capture_on_commit_callbacks, settings):
    from gongkai.plans import parsing

    content = b"x" * (parsing.MAX_BYTES + 1)
    response = _upload(office_client, content, "huge.txt", zhaoqing, django_capture_on_commit_callbacks)
    assert "超过 20 MB" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_it_refuses_a_zip_bomb_named_docx_before_any_job(office_client, zhaoqing, django_capture_on_commit_callbacks):
    """Found by an outside test: the notice import had no zip-bomb check (attachments had)."""
    from tests.documents import docx_with_stories, with_zip_bomb

    bomb = with_zip_bomb(docx_with_stories(["关于印发2026年政务公开工作要点的通知"]))
    response = _upload(office_client, bomb, "要点.docx", zhaoqing, django_capture_on_commit_callbacks)
    assert response.status_code == 200 and "疑似压缩炸弹" in response.content.decode()
    assert not PlanImport.objects.exists()

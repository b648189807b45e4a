"""The privacy scan before review: the reviewer sees each hit in context and masks it with one
click; masking reaches the body and the attachments' text before publication; 文号, dates and
索引号 are not mistaken for personal data."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from gongkai.audit.models import AuditEntry
from gongkai.records import privacy, services
from gongkai.records.models import Attachment, EventKind, RecordStatus
from gongkai.search.models import SearchEntry
from tests.documents import docx_with_stories, pdf_with_pages, scanned_pdf

pytestmark = pytest.mark.django_db

ID_NUMBER = "440104199003071239"  # check character valid (GB 11643-1999)
BODY = f"<p>申请人张三，身份证号码{ID_NUMBER}，联系电话13812345678，已按规定发放补助。</p>"


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_finds_the_hits_in_context(make_draft):
    hits = privacy.scan_record(make_draft(body=BODY))
    kinds = {found.hit.kind for found in hits}
    assert {"id_card", "mobile"} <= kinds
    id_hit = next(found for found in hits if found.hit.kind == "id_card")
    assert id_hit.source == "body" and "身份证号码" in id_hit.before and id_hit.hit.masked == "4401**********1239"


def test_it_does_not_mistake_doc_numbers_dates_and_index_numbers(make_draft):
    record = make_draft(body=(
        "<p>根据肇府办〔2019〕168号文件，2019年6月21日起施行，索引号11441200MB0000002B/2019-13123，"
        "参照00817804-9/2019-13123办理。</p>"
    ), doc_number="肇府办〔2026〕12号")
    assert privacy.scan_record(record) == []


def test_it_masks_with_one_click_and_audits_no_personal_data(make_draft, clerk_a, reviewer_a, login):
    record = make_draft(body=BODY)
    services.submit_record(record, actor=clerk_a)
    client = login(reviewer_a)
    page = client.get(f"/console/records/{record.pk}/").content.decode()
    assert ID_NUMBER in page and "去标识化为 4401**********1239" in page
    found = next(f for f in privacy.scan_record(record) if f.hit.kind == "id_card")
    client.post(f"/console/records/{record.pk}/steps/mask/",
                {"source": found.source, "start": found.hit.start, "matched": found.hit.matched})
    record.refresh_from_db()
    assert ID_NUMBER not in record.body and "4401**********1239" in record.body
    assert record.events.filter(kind=EventKind.MASKED).exists()
    for entry in AuditEntry.objects.all():
        assert ID_NUMBER not in str(entry.before) + str(entry.after)


def test_it_blocks_publication_until_the_hits_are_handled(make_draft, clerk_a, reviewer_a):
    record = make_draft(body=BODY)
    services.submit_record(record, actor=clerk_a)
    with pytest.raises(ValidationError) as error:
        services.publish_record(record, actor=reviewer_a)
    assert "未去标识化" in str(error.value)
    assert services.mask_all_pii(record, actor=reviewer_a) >= 2
    services.publish_record(record, actor=reviewer_a)
    assert record.status == RecordStatus.PUBLISHED
    indexed = SearchEntry.objects.get(key=record.search_key)
    assert ID_NUMBER not in indexed.body and "138****5678" in indexed.body


def test_it_masks_the_text_of_attachments_and_serves_it_instead_of_the_file(
    make_draft, clerk_a, reviewer_a, client
):
    record = make_draft()
    attachment = services.add_attachment(record, "发放名单.docx", _docx(f"王五 {ID_NUMBER} 补助 300 元"), actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    hit = next(f for f in privacy.scan_record(record) if f.source == f"attachment:{attachment.pk}")
    services.mask_pii(record, hit.source, hit.hit.start, hit.hit.matched, actor=reviewer_a)
    services.publish_record(record, actor=reviewer_a, accept_remaining=True)
    attachment = Attachment.objects.get()
    assert ID_NUMBER not in attachment.text and attachment.serves_masked_text
    download = client.get(f"/xxgk/content/{record.pk}/files/{attachment.pk}/")
    body = b"".join(download.streaming_content) if download.streaming else download.content
    assert download.status_code == 200 and ID_NUMBER.encode() not in body
    assert b"4401**********1239" in body


def test_it_lets_the_reviewer_accept_a_public_office_number(make_draft, clerk_a, reviewer_a):
    record = make_draft(body="<p>咨询电话：0758-2260871（办公室）。</p>")
    services.submit_record(record, actor=clerk_a)
    services.publish_record(record, actor=reviewer_a, accept_remaining=True)
    assert record.status == RecordStatus.PUBLISHED


# --- issue 15: the scan catches what a clerk would miss, at publication as in the command ---------


def test_it_flags_a_docx_whose_only_id_number_is_in_its_footer_at_publication(make_draft, clerk_a, reviewer_a):
    record = make_draft()
    content = docx_with_stories(["补助发放情况说明，详见下表。"], footer=f"经办人身份证：{ID_NUMBER}")
    attachment = services.add_attachment(record, "说明.docx", content, actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    [found] = privacy.blocking_hits(record)
    assert (found.source, found.hit.kind, found.hit.matched) == (f"attachment:{attachment.pk}", "id_card", ID_NUMBER)
    with pytest.raises(ValidationError, match="未去标识化"):
        services.publish_record(record, actor=reviewer_a)
    services.mask_all_pii(record, actor=reviewer_a)
    services.publish_record(record, actor=reviewer_a)
    assert ID_NUMBER not in Attachment.objects.get().text


def test_it_holds_up_publication_for_a_probable_id_and_shows_it_as_probable(make_draft, clerk_a, reviewer_a, login):
    typo = ID_NUMBER[:17] + "0"  # wrong check digit: a typo still exposes the person
    record = make_draft(body=f"<p>申请人身份证号码 {typo}。</p>")
    services.submit_record(record, actor=clerk_a)
    [found] = privacy.blocking_hits(record)
    assert not found.hit.certain
    page = login(reviewer_a).get(f"/console/records/{record.pk}/").content.decode()
    assert "（疑似" in page and "去标识化为 4401**********1230" in page
    with pytest.raises(ValidationError, match="1 处疑似个人信息未去标识化"):
        services.publish_record(record, actor=reviewer_a)


def test_it_finds_and_masks_a_tel_link_inside_the_body(make_draft, clerk_a, reviewer_a):
    record = make_draft(body='<p>请联系<a href="tel:13812345678" title="经办人">经办人</a>。</p>')
    services.submit_record(record, actor=clerk_a)
    [found] = privacy.blocking_hits(record)
    assert (found.source, found.hit.matched) == (privacy.LINKS, "13812345678")
    services.mask_pii(record, found.source, found.hit.start, found.hit.matched, actor=reviewer_a)
    record.refresh_from_db()
    assert "13812345678" not in record.body and 'href="tel:138****5678"' in record.body
    assert ">经办人</a>" in record.body and privacy.blocking_hits(record) == []


def test_it_holds_up_publication_of_an_attachment_it_could_not_read(make_draft, clerk_a, reviewer_a):
    record = make_draft()
    services.add_attachment(record, "扫描件.pdf", scanned_pdf(), actor=clerk_a)
    services.submit_record(record, actor=clerk_a)
    assert privacy.blocking_hits(record) == [] and [a.name for a in privacy.unread_attachments(record)] == ["扫描件.pdf"]
    with pytest.raises(ValidationError, match="附件“扫描件.pdf”的文字未能完整读取"):
        services.publish_record(record, actor=reviewer_a)
    services.publish_record(record, actor=reviewer_a, accept_remaining=True)
    entry = AuditEntry.objects.filter(action="record_published").get()
    assert entry.after["unread_attachments"] == ["扫描件.pdf"]


def test_it_reads_the_pages_of_a_pdf_attachment(make_draft, clerk_a):
    record = make_draft()
    attachment = services.add_attachment(record, "名单.pdf", pdf_with_pages("List", f"Wang Wu {ID_NUMBER}"), actor=clerk_a)
    assert attachment.text_read
    assert [(f.source, f.hit.matched) for f in privacy.blocking_hits(record)] == [(f"attachment:{attachment.pk}", ID_NUMBER)]

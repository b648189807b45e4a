"""`gongkai privacy scan FILE [--json]` exactly as CONTRACTS.md §10 says, run as a script would run
it, on real files: the JSON, masking (never a finding unmasked), exit codes 0/1/2, one stderr line
for what cannot be read. Nothing here touches a database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.rules.pii import id_check_character
from tests.documents import (
    docx_with_stories,
    merged_pdf,
    pdf_with_pages,
    scanned_pdf,
    xlsx_with_sheets,
)

ID = "11010119900101012X"  # valid: check character X (GB 11643-1999)
TYPO = "110101199001010121"  # the same with a wrong check digit
MOBILE = "13800138000"
assert id_check_character(ID[:17]) == "X"


def _scan(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "privacy", "scan", str(path), *options],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "GONGKAI_VAR_DIR": str(path.parent / "var")},
    )  # fmt: skip
    for secret in (ID, TYPO, MOBILE, "zhangsan@163.com", "1101 0119 9001 0101 2X"):
        assert secret not in result.stdout + result.stderr  # never printed unmasked
    assert "Traceback" not in result.stderr
    return result


def test_it_prints_the_findings_of_a_word_document_as_the_contract_says(tmp_path):
    path = tmp_path / "通知.docx"
    path.write_bytes(docx_with_stories(
        ["关于公开征集意见的通知", "联系邮箱：zhangsan@163.com"],
        footer=f"经办人身份证 {TYPO}", first_page_header=f"手机 {MOBILE}",
    ))  # fmt: skip
    result = _scan(path, "--json")
    assert result.returncode == 1 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data == {
        "file": str(path),
        "findings": [
            {"kind": "电子邮箱", "certain": True, "where": "正文第2段", "masked": "z*******@163.com"},
            {"kind": "手机号", "certain": True, "where": "首页页眉第1段", "masked": "138****8000"},
            {"kind": "身份证号", "certain": False, "where": "页脚第1段", "masked": "1101**********0121"},
        ],
        "unreadable": [],
    }


def test_it_masks_an_id_as_the_contract_shows_and_says_grouped_numbers_are_probable(tmp_path):
    path = tmp_path / "名单.txt"
    path.write_bytes(f"身份证号：{ID}\n身份证号：1101 0119 9001 0101 2X\n手机 138-0013-8000\n".encode("gb18030"))
    data = json.loads(_scan(path, "--json").stdout)
    assert [(f["kind"], f["certain"], f["where"], f["masked"]) for f in data["findings"]] == [
        ("身份证号", True, "第1行", "1101**********012X"),
        ("身份证号", False, "第2行", "1101 **** **** **01 2X"),
        ("手机号", False, "第3行", "138-****-8000"),
    ]


def test_it_reads_workbook_cells_web_page_links_and_pdf_pages(tmp_path):
    files = {
        "名单.xlsx": xlsx_with_sheets({"名单": [["姓名", "身份证号"], ["王五", ID]]}),
        "页面.html": f'<p>请联系<a href="tel:{MOBILE}">经办人</a></p>'.encode(),
        "答复.pdf": pdf_with_pages("Reply", f"Applicant ID {ID}"),
    }
    where = {"名单.xlsx": "工作表“名单” B2", "页面.html": "<a href> 属性", "答复.pdf": "第2页"}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        result = _scan(tmp_path / name, "--json")
        assert result.returncode == 1, (name, result.stderr)
        [finding] = json.loads(result.stdout)["findings"]
        assert finding["where"] == where[name]


def test_it_exits_0_when_nothing_is_found(tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text("咨询电话：0758-2260871。根据肇府办〔2019〕168号文件办理。", encoding="utf-16")
    result = _scan(path, "--json")
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout) == {"file": str(path), "findings": [], "unreadable": []}
    plain = _scan(path)
    assert plain.returncode == 0 and "未发现" in plain.stdout


def test_it_exits_2_with_one_line_when_the_file_cannot_be_read(tmp_path):
    cases = {
        "扫描件.pdf": scanned_pdf(),
        "坏.docx": b"PK\x03\x04broken",
        "照片.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 20,
        "空.txt": b"",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    for name in [*cases, "不存在.txt"]:
        result = _scan(tmp_path / name, "--json")
        assert result.returncode == 2, name
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0], result.stderr
        data = json.loads(result.stdout)
        assert data["findings"] == [] and len(data["unreadable"]) == 1


def test_it_reports_findings_and_the_pages_it_could_not_read(tmp_path):
    path = tmp_path / "材料.pdf"
    path.write_bytes(merged_pdf(pdf_with_pages(f"ID {ID}"), scanned_pdf()))
    result = _scan(path, "--json")
    assert result.returncode == 1  # findings first; the unread page is still said
    data = json.loads(result.stdout)
    assert [f["where"] for f in data["findings"]] == ["第1页"]
    assert len(data["unreadable"]) == 1 and data["unreadable"][0].startswith("第2页")
    assert len(result.stderr.strip().splitlines()) == 1 and "第2页" in result.stderr


@pytest.mark.parametrize("args", [(), ("--json",)])
def test_a_part_left_unread_is_never_passed_as_clean(tmp_path, args):
    path = tmp_path / "材料.pdf"
    path.write_bytes(merged_pdf(pdf_with_pages("Notice"), scanned_pdf()))
    result = _scan(path, *args)
    assert result.returncode == 2 and "第2页" in result.stderr
    assert "未发现" not in result.stdout

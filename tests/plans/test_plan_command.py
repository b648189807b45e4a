"""`gongkai plan parse|schedule FILE --json` (CONTRACTS.md §1 and §4), run as a script would run it.

Each run is a subprocess with its own GONGKAI_VAR_DIR; nothing here touches a database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.seeds import seed_path


def _cli(*args: str, var: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "plan", *args], capture_output=True, text=True,
        timeout=120, env={**os.environ, "GONGKAI_VAR_DIR": str(var)},
    )  # fmt: skip


def _seed(prefix: str) -> Path:
    return seed_path(prefix)


def test_it_prints_the_plan_of_seed_000_as_json(tmp_path):
    result = _cli("parse", str(_seed("000")), "--json", var=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "肇庆市贯彻落实省府办公厅2016年政务公开工作要点分工方案"
    assert (data["issuer"], data["issued_on"], data["year"]) == ("肇庆市人民政府办公室", "2016-06-22", 2016)
    assert len(data["items"]) == 91
    first = data["items"][0]
    assert set(first) >= {"number", "section", "text", "lead_units", "units", "deadline"}
    assert first["deadline"] == {"raw": "2016年12月底前完成", "date": "2016-12-31", "recurrence": None,
                                 "inherited": False, "milestones": [], "workdays": None}  # fmt: skip
    assert not (tmp_path / "gongkai.sqlite3").exists()  # parsing touched no database


def test_it_takes_the_year_from_the_command_line(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("示范市政务公开工作要点分工方案\n序号 | 具体要求 | 责任单位 | 完成时限 |\n"
                      "1 | 公开预算。 | 市财政局 | 年底前 |\n", encoding="gb18030")  # fmt: skip
    data = json.loads(_cli("parse", str(notice), "--year", "2024", "--json", var=tmp_path).stdout)
    assert data["year"] == 2024 and data["items"][0]["deadline"]["date"] == "2024-12-31"


def test_it_prints_the_schedule_of_seed_000(tmp_path):
    result = _cli("schedule", str(_seed("000")), "--json", var=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["issued_on"], data["year"]) == ("2016-06-22", 2016)
    by_number = {item["number"]: item for item in data["items"]}
    assert by_number["1.1"]["due"] == ["2016-12-31"] and by_number["1.1"]["flags"] == ["holiday"]
    assert by_number["2.2"]["due"] == ["2016-06-30", "2016-12-31"]  # 全年工作: semiannual
    assert by_number["10.1"]["due"] == []  # 收到…后及时转发: an event
    assert by_number["20.3"]["due"] == ["2016-06-30"] and by_number["20.3"]["flags"] == []


def test_it_says_what_seed_001_is_and_succeeds(tmp_path):
    result = _cli("parse", str(_seed("001")), "--json", var=tmp_path)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["items"] == [] and data["kind"] == "not_a_plan" and data["warnings"]


def test_it_prints_a_summary_without_json(tmp_path):
    result = _cli("parse", str(_seed("002")), var=tmp_path)
    assert result.returncode == 0
    assert "海口市2019年政务公开工作要点" in result.stdout and "条目：16" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", b"", "为空"),
        ("scan.pdf", b"%PDF-1.4\n1 0 obj\n", "PDF"),
        ("blob.bin", bytes(range(256)) * 20, "编码"),
        ("photo.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "图片"),
    ],
)
def test_it_refuses_bad_input_with_one_line_and_exit_2(name, content, fragment, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    result = _cli("parse", str(path), "--json", var=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_it_refuses_an_oversized_file_a_missing_one_and_a_bad_year(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(20 * 1024 * 1024 + 1)
    for args, fragment in (((str(big),), "过大"), ((str(tmp_path / "none.txt"),), "不存在"),
                           ((str(big), "--year", "20x6"), "20x6")):  # fmt: skip
        result = _cli("schedule", *args, "--json", var=tmp_path)
        assert result.returncode == 2 and fragment in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1

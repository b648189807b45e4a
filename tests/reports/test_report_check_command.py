"""``gongkai report check FILE [--previous FILE] --json`` exactly as CONTRACTS.md §6 says, run as a
script would run it, on reports written here: the JSON, the rule and cell of each violation, exit
codes 0/1/2 and one stderr line for a file that cannot be read. No database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.documents import scanned_pdf
from tests.rules.annualreport_files import WRITERS, report_parts
from tests.rules.annualreport_tables import changed, tables


def _check(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "report", "check", str(path), *options],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "GONGKAI_VAR_DIR": str(path.parent / "var")},
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    return result


def _write(path: Path, kind: str = "docx", **written) -> Path:
    path.write_bytes(WRITERS[kind](report_parts(tables(**written))))
    return path


def test_it_prints_a_clean_reports_tables_as_the_contract_says(tmp_path):
    result = _check(_write(tmp_path / "2024年报.docx"), "--json")
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert (data["format"], data["year"], data["body"]) == ("2021", 2024, "某某市某某局")
    assert data["tables"]["proactive"] == {
        "规章": {"制发": 0, "废止": 0, "现行有效": 0},
        "行政规范性文件": {"制发": 3, "废止": 1, "现行有效": 12},
        "行政许可": 120, "行政处罚": 45, "行政强制": 0, "行政事业性收费": 1.25,
    }  # fmt: skip
    applications = data["tables"]["applications"]
    assert applications["columns"] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ]  # fmt: skip
    assert list(applications["rows"])[:5] == ["一", "二", "三(一)", "三(二)", "三(三)1"]
    assert list(applications["rows"])[-5:] == ["三(六)1", "三(六)2", "三(六)3", "三(七)", "四"]
    assert applications["rows"]["一"] == [5, 1, 0, 0, 1, 0, 7]
    assert data["tables"]["reviews"] == [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    assert data["violations"] == [] and data["warnings"] == []


def test_it_names_the_changed_cell_and_its_rule(tmp_path):
    path = _write(tmp_path / "年报.pdf", "pdf", rows=changed("三(七)", 1, 3))
    result = _check(path, "--json")
    assert result.returncode == 1
    violations = json.loads(result.stdout)["violations"]
    assert {(v["rule"], v["cell"]) for v in violations} == {
        ("E1", "商业企业"), ("D1", "三(七)"), ("D2", "商业企业"),
    }  # fmt: skip
    d2 = next(v for v in violations if v["rule"] == "D2")
    assert d2["message"].startswith("三(七)总计·法人或其他组织·商业企业：3 ≠ 1 + 0 + ")


def test_it_checks_the_carry_over_against_last_years_report(tmp_path):
    last_year = _write(tmp_path / "2023年报.xlsx", "xlsx", rows=changed("四", 0, 3))
    result = _check(_write(tmp_path / "2024年报.html", "html"), "--previous", str(last_year), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["violations"] == [
        {"rule": "D3", "cell": "自然人", "message": "自然人：本年 二、上年结转 1 ≠ 上年 四、结转下年度继续办理 3"},
    ]  # fmt: skip


def test_it_warns_about_a_table_it_did_not_find(tmp_path):
    path = tmp_path / "年报.txt"
    path.write_text("2024年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n")
    result = _check(path, "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["tables"]["proactive"] is None and data["tables"]["reviews"] is None
    assert "未找到第四部分表格（政府信息公开行政复议、行政诉讼情况）" in data["warnings"]


def test_it_prints_a_summary_for_a_clerk_without_json(tmp_path):
    result = _check(_write(tmp_path / "年报.docx", rows=changed("三(三)4", 0, 2)))
    assert result.returncode == 1
    assert "不符合 D1：三(三)4：总计 1 ≠ " in result.stdout
    assert result.stdout.rstrip().endswith("发现 2 处数据不一致。")


def test_it_exits_2_with_one_line_for_a_file_it_cannot_read(tmp_path):
    scanned = tmp_path / "扫描件.pdf"
    scanned.write_bytes(scanned_pdf())
    no_tables = tmp_path / "通知.txt"
    no_tables.write_text("关于做好政务公开工作的通知\n")
    for path, reason in [
        (scanned, "没有可读取的文字"),
        (no_tables, "未找到年度报告的表格"),
        (tmp_path / "不存在.docx", "文件不存在"),
    ]:
        result = _check(path, "--json")
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and reason in result.stderr, result.stderr
        assert result.stderr.startswith(f"gongkai: {path}：")

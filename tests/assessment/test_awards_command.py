"""`gongkai assess awards FILE.json --json` exactly as CONTRACTS.md §7 says, run as a script would
run it: the JSON, exit codes, one stderr line for bad input. No database."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _run(path, *options):
    result = subprocess.run(
        [sys.executable, "-m", "gongkai.cli", "assess", "awards", str(path), *options],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "GONGKAI_VAR_DIR": str(path.parent / "var")},
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    return result


def test_it_prints_the_contract_json(tmp_path):
    units = [
        {"unit": "金寨县", "cls": "county_gov", "parent": "", "parent_kind": "", "rate": 0.912, "key_rate": 0.85},
        {"unit": "霍山县", "cls": "county_gov", "parent": "", "parent_kind": "", "rate": 0.79, "key_rate": 0.95},
        {"unit": "青山乡", "cls": "township", "parent": "金寨县", "parent_kind": "县", "rate": 0.9, "key_rate": 0.9},
        {"unit": "市图书馆", "cls": "public_service", "parent": "", "parent_kind": "", "rate": 0.8, "key_rate": 0.8},
    ]
    path = tmp_path / "units.json"
    path.write_text(json.dumps(units, ensure_ascii=False), encoding="utf-8")
    result = _run(path, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "awarded": ["市图书馆", "金寨县", "青山乡"],
        "bonus": {"市图书馆": 3.0, "金寨县": 7.5},
        "ties": [],
    }
    summary = _run(path)
    assert "表彰 3 个单位" in summary.stdout and "霍山县：未达表彰标准" in summary.stdout


def test_it_refuses_bad_input_in_one_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"unit": "甲", "cls": "township", "rate": 0.9, "key_rate": 0.9}]', encoding="utf-8")
    result = _run(path, "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "所属县区" in result.stderr
    missing = _run(tmp_path / "none.json", "--json")
    assert missing.returncode == 2 and "文件不存在" in missing.stderr

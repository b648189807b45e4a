"""Role words and labels an annotation may use beyond 牵头/负责/配合, each read into units and
leads as CONTRACTS.md section 1 says (written while round 12 was studied, as the ways of saying a
unit's role that the corpus had not met yet)."""

from __future__ import annotations

import pytest

from gongkai.rules.planparse.annotations import parse_annotation

CASES = [
    ("(主责单位：市财政局)", ["市财政局"], ["市财政局"]),
    ("(负责单位：市财政局)", ["市财政局"], ["市财政局"]),
    ("(主管部门：市财政局)", ["市财政局"], ["市财政局"]),
    ("(实施主体：各县区政府)", ["各县区政府"], ["各县区政府"]),
    ("(牵头：市财政局；配合：市税务局)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(责任单位：市财政局(牵头)、市税务局)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局为牵头单位，市税务局为配合单位)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局主责，市税务局配合)", ["市财政局", "市税务局"], ["市财政局"]),
    ("(市财政局负总责)", ["市财政局"], ["市财政局"]),
    ("(市财政局统筹，各部门落实)", ["市财政局", "各部门"], ["市财政局"]),
    ("(市财政局牵头，各县区具体实施)", ["市财政局", "各县区"], ["市财政局"]),
    ("(市财政局、市税务局共同负责)", ["市财政局", "市税务局"], ["市财政局", "市税务局"]),
    ("(市政府办公室牵头，市政数局技术支撑)", ["市政府办公室", "市政数局"], ["市政府办公室"]),
]


@pytest.mark.parametrize(("annotation", "units", "leads"), CASES)
def test_an_annotation_names_its_units_and_leads(annotation, units, leads):
    found = parse_annotation(annotation)
    assert found is not None
    assert list(found.units) == units
    assert list(found.lead_units) == leads

"""Typed text kept to what a document can hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from gongkai.rules.textcodec import without_control_characters


def test_it_drops_control_characters_but_keeps_tabs_and_line_breaks():
    assert without_control_characters("申请\x00公开\x07预算\x1b\x0b\x0c\ufffe") == "申请公开预算"
    assert without_control_characters("第一行\r\n第二行\t完") == "第一行\r\n第二行\t完"
    assert without_control_characters("\x7f\x85中文") == "\x7f\x85中文"  # XML allows these


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_it_leaves_only_what_an_xml_document_can_hold(text):
    element = etree.Element("t")
    element.text = without_control_characters(text)  # lxml raises on any character XML refuses

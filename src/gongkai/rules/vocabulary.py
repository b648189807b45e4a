"""The words of task-division notices that more than one rule reads: what ends a unit's name and
which words give a unit its role. One list each, so that the notice parser, the unit resolver and
the metadata reader cannot drift apart (issue 14).

Pure: no Django.
"""

from __future__ import annotations

from typing import Final

# What a unit's name, or a group of units, ends with: 市财政局, 各县(市、区)政府, 市残联, 市科协, 海关…
UNIT_ENDINGS: Final = (
    "局", "办", "委", "室", "部", "中心", "政府", "会", "镇", "街道", "办事处", "院", "所", "站",
    "队", "厅", "处", "科", "馆", "公司", "单位", "部门", "机构", "机关", "联", "协", "区", "县",
    "市", "乡", "行", "社", "团体", "台", "校", "厂", "组", "署", "监狱", "集团", "州", "旗", "盟",
    "省", "街", "村", "海关", "园", "各地",
)  # fmt: skip

# Endings that are only a place, never an organisation: "市住房和城乡建设局" is one name, but
# "各县和市直部门" is two, and a place before 和 is a name's start more often than a whole unit.
PLACE_ENDINGS: Final = frozenset(
    {"区", "县", "市", "乡", "州", "旗", "盟", "省", "街", "村", "各地"}
)

# Endings that close an organisation's whole name, so that a conjunction after one separates two
# units ("市财政局和市审计局"); a name may end in its alias's bracket ("市政务服务中心(市大数据局)").
ORGAN_ENDINGS: Final = (
    *(ending for ending in UNIT_ENDINGS if ending not in PLACE_ENDINGS),
    ")",
    "）",
)

# The last character of every unit ending, for regular expressions ("[局办委…]").
UNIT_END_CHARS: Final = "".join(dict.fromkeys(ending[-1] for ending in UNIT_ENDINGS))

# Role words after a list of units, longest first so that "牵头落实" is one word.
ROLE_WORDS: Final = (
    "牵头落实",
    "牵头负责",
    "负责落实",
    "牵头",
    "主办",
    "协办",
    "负责",
    "落实",
    "配合",
    "参与",
)
ROLE_PATTERN: Final = "|".join(ROLE_WORDS)

"""Which unit a public message goes to, by the unit names it mentions and the office's keywords.

1. A unit named in the subject or text (its name or an alias, or a relative phrase such as
   "市教育局", resolved by :mod:`gongkai.rules.units`) decides, if exactly one unit is named. The
   jurisdiction itself (the 市长信箱's own government) and group phrases ("各县区政府") never do:
   they name no one unit to answer.
2. Otherwise the office's keyword rules ("学位" → 教育局): the unit with the most matching keywords,
   if one unit has more than every other.
3. Otherwise, or when several units are named, nothing is routed and the reason says why: the
   office routes the message by hand.

Pure Python: no Django.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from gongkai.rules.units import Registry, normalize_phrase, resolve

# What a unit's name ends with; a mention is looked for in the characters before each one.
_SUFFIX: Final = re.compile(
    r"(?:人民政府|政府|委员会|办公室|办事处|管委会|局|委|厅|办|中心|街道|镇|乡|院|队|所|站)"
)
_NOT_NAME: Final = re.compile(r"[^\u3400-\u9fff（）()A-Za-z0-9]")
MAX_NAME_CHARS: Final = 24  # the longest unit name we look back for
MIN_NAME_CHARS: Final = 2


@dataclass(frozen=True)
class KeywordRule:
    keyword: str
    unit_key: str


@dataclass(frozen=True)
class Routing:
    unit_key: str | None  # None: the office routes it by hand
    reason: str
    mentioned: tuple[str, ...] = ()  # unit keys named in the message, in order of first mention
    keywords: tuple[str, ...] = ()  # the keywords that decided, if they did

    @property
    def routed(self) -> bool:
        return self.unit_key is not None


def mentioned_units(text: str, registry: Registry, within: str | None = None) -> list[str]:
    """Keys of the units named in ``text``, in order of first mention, each once. At each place a
    unit suffix ends, the longest stretch before it that resolves to exactly one unit wins."""
    found: list[str] = []
    for stretch in _stretches(text):
        key = _longest_unit(stretch, registry, within)
        if key is not None and key not in found:
            found.append(key)
    return found


def _stretches(text: str) -> Iterator[str]:
    for match in _SUFFIX.finditer(text):
        start = max(0, match.end() - MAX_NAME_CHARS)
        stretch = text[start:match.end()]
        cut = [gap.end() for gap in _NOT_NAME.finditer(stretch)]
        yield stretch[cut[-1]:] if cut else stretch


def _longest_unit(stretch: str, registry: Registry, within: str | None) -> str | None:
    for begin in range(0, len(stretch) - MIN_NAME_CHARS + 1):
        resolution = resolve(stretch[begin:], registry, within)
        if resolution.ok and resolution.group is None and len(resolution.unit_keys) == 1:
            return resolution.unit_keys[0]
    return None


def route_message(
    text: str, registry: Registry, rules: Sequence[KeywordRule] = (), *,
    within: str | None = None, exclude: Sequence[str] = (),
) -> Routing:
    """Where ``text`` (the subject and the message together) should go; ``within`` is the
    jurisdiction's government, whose relative phrases ("市…") it resolves and which is never a
    target itself, nor is any unit in ``exclude`` (the office)."""
    skipped = {*exclude, *((within,) if within else ())}
    named = [key for key in mentioned_units(text, registry, within) if key not in skipped]
    if len(named) == 1:
        unit = registry.unit(named[0])
        return Routing(named[0], f"留言中提到“{unit.name}”", tuple(named))
    if len(named) > 1:
        names = "、".join(registry.unit(key).name for key in named)
        return Routing(None, f"留言提到多个单位（{names}），请公开办分办", tuple(named))
    return _by_keywords(text, registry, rules, skipped)


def _by_keywords(text: str, registry: Registry, rules: Sequence[KeywordRule], skipped: set[str]) -> Routing:
    compact = normalize_phrase(text)
    hits: dict[str, list[str]] = {}
    for rule in rules:
        keyword = normalize_phrase(rule.keyword)
        if keyword and keyword in compact and rule.unit_key in registry and rule.unit_key not in skipped:
            words = hits.setdefault(rule.unit_key, [])
            if keyword not in words:
                words.append(keyword)
    if not hits:
        return Routing(None, "留言中没有可识别的单位名称或关键词，请公开办分办")
    ranked = Counter({key: len(words) for key, words in hits.items()}).most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        tied = "、".join(registry.unit(key).name for key, count in ranked if count == ranked[0][1])
        return Routing(None, f"关键词同样多地指向多个单位（{tied}），请公开办分办")
    key = ranked[0][0]
    chosen = tuple(hits[key])
    return Routing(key, f"按关键词“{'、'.join(chosen)}”分办至“{registry.unit(key).name}”", keywords=chosen)

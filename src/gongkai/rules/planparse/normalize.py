"""Text as notices arrive in it, made comparable: one form of digits, spaces and characters.

Two levels:

- :func:`fold_line` runs on every line before anything looks at it: zero-width characters go,
  full-width digits and letters become ASCII ("２０１６" → "2016"), traditional characters fold
  to simplified ones, and the pinyin some pages inject after characters ("公開(kāi)") goes.
  Leading tabs stay: they are the layout of a flattened table.
- :func:`clean_text` makes the text we output: line wraps and the spaces that HTML-to-text
  conversion leaves inside Chinese ("2016 年 12 月", "市住房城乡 建设局") go, and ASCII commas,
  colons and semicolons between Chinese characters become the full-width ones Chinese text uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from gongkai.rules.planparse.traditional import FOLD_TRADITIONAL

_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\r\x0b\x0c"), None)
_SPACES: Final = dict.fromkeys(map(ord, "\u00a0\u3000\u2002\u2003\u2009\u202f"), " ")
# Full-width ASCII (digits, letters, the full stop of "１．") folds to ASCII; full-width brackets
# and commas stay as written, the text keeps them.
_FULL_WIDTH: Final = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0xFF0E: ord("."),
    0xFE5D: ord("〔"),  # small-form brackets some pages use: "﹝含南太湖新区管委会，下同﹞"
    0xFE5E: ord("〕"),
    0xFE52: ord("."),  # small-form stops: "1﹒紧紧围绕…"
    0xFE51: ord("、"),
    0xFE50: ord("，"),
    # a simplified-to-traditional converter writes 一 as 壹 ("(壹)根據…", "統壹管理"); a financial 壹
    # means the same
    ord("壹"): ord("一"),
}
# A table drawn with box-drawing characters ("│ 1 │ 厦船二期… │", "├───┼───┤"), as a text export
# draws it: its verticals and crossings are a pipe table's separators, its lines a rule line.
_BOX: Final = {
    code: ord("|" if re.search(r"VERTICAL|UP|DOWN", unicodedata.name(chr(code), "")) else "-")
    for code in range(0x2500, 0x2580)
}
# Numbers in one enclosing glyph, "㈠ 完善…" (U+3220-3229), "⑵抢抓合作机遇" (U+2474-2487) and
# "⒈" (U+2488-249B): the outline's "(一)", "(2)" and "1.".
_ENCLOSED: Final = {
    **{0x3220 + i: f"({digit})" for i, digit in enumerate("一二三四五六七八九十")},
    **{0x2474 + i: f"({i + 1})" for i in range(20)},
    **{0x2488 + i: f"{i + 1}." for i in range(20)},
}
# Radicals and compatibility ideographs a PDF's text layer writes for the ideographs they look like:
# "第⼀条为了保障未成年⼈合法权益" (U+2F00 ⼀, U+2F08 ⼈), "金(U+F90A)": the ideograph NFKC gives.
_LOOKALIKES: Final = {
    code: ord(folded)
    for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00))
    if len(folded := unicodedata.normalize("NFKC", chr(code))) == 1 and folded != chr(code)
}
_FOLD: Final = {**_INVISIBLE, **_SPACES, **_FULL_WIDTH, **_LOOKALIKES, **FOLD_TRADITIONAL, **_BOX, **_ENCLOSED}


# A reading in brackets right after a character, with a tone mark: "工作(zuò)", "人(rén)".
_PINYIN: Final = re.compile(
    r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]"
)

# The same reading cut by the end of the page: "各縣(市、區(q" ends the text.
_CUT_PINYIN: Final = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]{1,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]?(?=\s*$)")


# Readings without tone marks, on a page that injects them throughout ("第(di)二章 節約(yue)用水管理
# (li)"): a syllable in brackets after a character. Only where a page has many of them, so that one
# bracketed abbreviation ("(ppp)") stays.
_TONELESS_PINYIN: Final = re.compile(
    r"(?<=[\u3400-\u9fff])[(（](?:[bcdfghjklmnpqrstwxyz]|zh|ch|sh)?[aeiouv][a-z]{0,4}[)）]"
)
_TONELESS_MANY: Final = 5


def without_toneless_pinyin(text: str, at_least: int = _TONELESS_MANY) -> str:
    """A page's text without the toneless readings it injects after its characters, where it has
    ``at_least`` of them."""
    if at_least and len(_TONELESS_PINYIN.findall(text, 0, 20000)) < at_least:
        return text
    return _TONELESS_PINYIN.sub("", text)


# A line set letter-spaced, as a PDF's text layer gives a spaced heading or cell: "持 续 做 好 政 务
# 公 开" (a wider gap between words stays one space)
_LETTER_SPACED: Final = re.compile(r"^\s*(?:\S {1,2}){3,}\S\s*$")


# Full-width spaces a non-Unicode copy turned into "?" (or "？"): at the start of a line ("?? 第二條?
# 本辦法…"; one "?" before the text, "?2019年建成…", was a bullet) and after an article's number.
_LOST_LEADING_SPACE: Final = re.compile(r"^[\t ]*[?？](?=[?？ ])[?？ ]*")
# ("第一条 ?为了…", "第三条??土壤…", "第一章 ?总 则": the space, or a space beside it, a .doc lost)
_LOST_ARTICLE_SPACE: Final = re.compile(r"^(\s*第[一二三四五六七八九十百零〇两]{1,6}[条章节])\s*[?？]+")
_LOST_TRAILING_SPACE: Final = re.compile(r"(?<=[。；;：:])[?？]+\s*$")  # "…实施统一监督管理。?"


# A star marking a key item before its number ("*3. 农产品质量安全监管工作…(2分)。"): the number opens it
_STARRED_NUMBER: Final = re.compile(r"^(\s*)[*★☆]+\s*(?=\d{1,2}\s*[.、])")


def fold_line(text: str) -> str:
    """One line in the form the parser reads: see the module docstring."""
    text = text.translate(_FOLD)
    if "*" in text or "★" in text or "☆" in text:
        text = _STARRED_NUMBER.sub(r"\1", text)
    if "?" in text or "？" in text:
        text = _LOST_LEADING_SPACE.sub(lambda lost: re.sub("[?？]", " ", lost[0]), text)
        text = _LOST_TRAILING_SPACE.sub("", _LOST_ARTICLE_SPACE.sub(r"\1 ", text))
    # the letter spacing first: a spaced line spaces an injected reading too ("市 场 ( c h ǎ n g )")
    if " " in text and _LETTER_SPACED.match(text) and any(is_wide(char) for char in text):
        text = re.sub(r"(?<=\S) (?=\S)", "", text).replace("  ", " ")
    if "(" in text or "（" in text:
        text = _CUT_PINYIN.sub("", _PINYIN.sub("", text))
    return text


def is_wide(char: str) -> bool:
    """Chinese characters and the punctuation set with them (full-width forms, quotes, 、。《》)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2018 <= code <= 0x201F
        or 0x2460 <= code <= 0x24FF  # ①②③
    )


_WHITESPACE: Final = re.compile(r"\s+")
_SPACE_NEAR_WIDE: Final = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f]) "
    r"| (?=[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f])"
)
_ASCII_PUNCTUATION: Final = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_WIDE: Final = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f"
_PUNCTUATION_NEAR_WIDE: Final = re.compile(f"(?<=[{_WIDE}])[,;:?!]|[,;:?!](?=[{_WIDE}])")


def clean_text(text: str) -> str:
    """Output form of a piece of text: one line, no stray spaces, Chinese punctuation."""
    text = _WHITESPACE.sub(" ", fold_line(text)).strip()
    text = _SPACE_NEAR_WIDE.sub("", text)
    return _PUNCTUATION_NEAR_WIDE.sub(lambda match: _ASCII_PUNCTUATION[match[0]], text)


def compact(text: str) -> str:
    """The text without any whitespace, for matching ("2016 年 12 月底" → "2016年12月底")."""
    return _WHITESPACE.sub("", text)


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one cell or paragraph joined: no space inside Chinese, one between ASCII words."""
    joined = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if joined and joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii():
            joined += " "
        joined += line
    return joined


# Opening and closing brackets in both widths, as regex character classes.
OPEN: Final = "[(（]"
CLOSE: Final = "[)）]"
CN_DIGITS: Final = "一二三四五六七八九十百零〇两"
_CN_VALUES: Final = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def chinese_number(text: str) -> int | None:
    """ "一" → 1, "十二" → 12, "二十三" → 23, "12" → 12; None when it is neither."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in CN_DIGITS for c in text):
        return None
    if "百" in text:
        hundreds, _, rest = text.partition("百")
        return (_CN_VALUES.get(hundreds, 1) * 100) + (chinese_number(rest) or 0)
    if "十" in text:
        tens, _, units = text.partition("十")
        return _CN_VALUES.get(tens, 1) * 10 + (_CN_VALUES.get(units, 0) if units else 0)
    value = 0
    for char in text:
        value = value * 10 + _CN_VALUES.get(char, 0)
    return value

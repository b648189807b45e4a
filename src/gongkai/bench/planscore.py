"""How well the notice parser reads real notices of other governments, against gold written by hand.

The corpus is ``tests/fixtures/notices/real/``: ``NN.txt`` (the source URL on line 1, then the page as
found) and ``NN.gold.json`` (the rules are in that folder's README). The documents its ``HELDOUT``
file lists are held out (never studied while the parser changes) and scored apart.

Items are matched as CONTRACTS.md section 1 says: by the first characters of their text, compared
without spaces, punctuation or number markers and with traditional characters folded. A gold item
matches the first unmatched parsed item whose text starts with the gold item's first characters
(or the other way round, or either starts within the other's opening, or the parsed item's last
section entry followed by its text starts with them: a lead-in sentence kept as a section). Recall and precision count
matched items; units and deadlines are the share of matched items whose unit set (and lead set,
reported apart) or whose deadline date and recurrence equal the gold's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import gongkai
from gongkai.rules.planparse import Item, parse_text
from gongkai.rules.planparse.normalize import fold_line, without_toneless_pinyin

KEY_CHARS: Final = 12  # the first characters that identify an item
_SLACK: Final = 45  # how far into the other text a key may start (a heading sentence before it)


def corpus_dir() -> Path:
    return Path(gongkai.__file__).resolve().parents[2] / "tests" / "fixtures" / "notices" / "real"


_MARKER: Final = re.compile(
    r"^\s*(?:[(（]?[一二三四五六七八九十百]+[)）、.．]|[(（]\d+[)）]|\d+(?:\.\d+)*[.、．]?(?!\d)|[①-⑳])"
)
_NOT_TEXT: Final = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    """Text folded, NFKC; a page's injected readings, toneless ones too, are no part of it on
    either side."""
    return unicodedata.normalize("NFKC", fold_line(without_toneless_pinyin(text, at_least=0)))


def _norm(text: str) -> str:
    """Text as compared: folded, NFKC, no marker, no spaces or punctuation."""
    return _NOT_TEXT.sub("", _MARKER.sub("", _folded(text)))


def _unit(text: str) -> str:
    return re.sub(r"\s+", "", _folded(text))


def _units(units: Iterable[str]) -> frozenset[str]:
    return frozenset(_unit(unit) for unit in units if _unit(unit))


@dataclass
class Tally:
    gold: int = 0
    parsed: int = 0
    matched: int = 0
    units: int = 0
    leads: int = 0
    deadlines: int = 0
    docs: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "parsed", "matched", "units", "leads", "deadlines", "docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def figures(self) -> dict[str, float | None]:
        recall = self.matched / self.gold if self.gold else 1.0
        precision = self.matched / self.parsed if self.parsed else (1.0 if not self.gold else 0.0)
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0

        def share(count: int) -> float | None:
            return round(count / self.matched, 4) if self.matched else None

        return {
            "recall": round(recall, 4),
            "precision": round(precision, 4),
            "f1": round(f1, 4),
            "units": share(self.units),
            "lead_units": share(self.leads),
            "deadlines": share(self.deadlines),
        }


def _matches(gold: str, parsed: str) -> bool:
    if not gold or not parsed:
        return False
    key, other = gold[:KEY_CHARS], parsed[:KEY_CHARS]
    return key in parsed[: len(key) + _SLACK] or other in gold[: len(other) + _SLACK]


def _deadline(item: dict[str, Any]) -> tuple[Any, Any]:
    deadline = item.get("deadline") or {}
    return deadline.get("date"), deadline.get("recurrence")


def score_document(gold: dict[str, Any], items: Sequence[Item], name: str = "") -> Tally:
    """Match the parsed items of one document against its gold items."""
    tally = Tally(gold=len(gold["items"]), parsed=len(items), docs=1)
    parsed = [_norm(item.text) for item in items]
    # CONTRACTS.md: a prose item's lead-in sentence may be both its last section entry and the
    # start of its text; the parser keeps it in the section, the gold at the start of the text.
    led = [_norm(item.section[-1]) + text if item.section else text for item, text in zip(items, parsed, strict=True)]
    taken = [False] * len(items)
    for expected in gold["items"]:
        text = _norm(expected["text"])
        found = next(
            (
                i
                for i, other in enumerate(parsed)
                if not taken[i] and (_matches(text, other) or led[i].startswith(text[:KEY_CHARS]))
            ),
            None,
        )
        if found is None:
            tally.misses.append(f"{name} 漏：{expected['text'][:24]}")
            continue
        taken[found] = True
        tally.matched += 1
        item = items[found]
        units_right = _units(item.units) == _units(expected["units"])
        tally.units += units_right
        tally.leads += _units(item.lead_units) == _units(expected.get("lead_units", []))
        date = item.deadline.date.isoformat() if item.deadline.date else None
        recurrence = item.deadline.recurrence.value if item.deadline.recurrence else None
        deadline_right = (date, recurrence) == _deadline(expected)
        tally.deadlines += deadline_right
        if not units_right:
            tally.misses.append(f"{name} 单位：{list(item.units)} ≠ {expected['units']}")
        if not deadline_right:
            tally.misses.append(
                f"{name} 时限：{(date, recurrence)} ≠ {_deadline(expected)} «{item.deadline.raw}»"
            )
    tally.misses += [f"{name} 多：{items[i].text[:24]}" for i, hit in enumerate(taken) if not hit]
    return tally


def held_out(path: Path) -> bool:
    """Whether ``NN.txt`` is in the held-out set its folder's ``HELDOUT`` file lists."""
    return path.stem.split(".")[0] in _held_out_numbers(path.parent)


@lru_cache(maxsize=4)
def _held_out_numbers(directory: Path) -> frozenset[str]:
    listing = directory / "HELDOUT"
    if not listing.is_file():
        return frozenset()
    lines = listing.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def load(path: Path) -> tuple[str, dict[str, Any]]:
    """The page text (without the URL line) and the gold of ``NN.txt``."""
    text = path.read_text(encoding="utf-8")
    page = text.split("\n", 1)[1] if "\n" in text else ""
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return page, gold


def score_path(path: Path) -> Tally:
    """One corpus document parsed and scored against its gold."""
    page, gold = load(path)
    return score_document(gold, parse_text(page).items, path.stem)


def documents(directory: Path | None = None) -> list[Path]:
    """The corpus's ``NN.txt`` files that have their gold file."""
    directory = directory or corpus_dir()
    return [
        path
        for path in sorted(directory.glob("[0-9]*.txt"))
        if path.with_suffix(".gold.json").is_file()
    ]


def run(directory: Path | None = None) -> dict[str, Any]:
    corpus, heldout = Tally(), Tally()
    provinces: set[str] = set()
    levels: set[str] = set()
    for path in documents(directory):
        page, gold = load(path)
        provinces.add(gold.get("province", ""))
        levels.add(gold.get("level", ""))
        tally = score_document(gold, parse_text(page).items, path.stem)
        (heldout if held_out(path) else corpus).add(tally)
    figures = {
        "corpus_docs": corpus.docs,
        **{f"corpus_{key}": value for key, value in corpus.figures().items()},
        "heldout_docs": heldout.docs,
        # between two rounds nothing is held out: no figure rather than a perfect one
        **{
            f"heldout_{key}": value if heldout.docs else None
            for key, value in heldout.figures().items()
        },
        "provinces": len(provinces - {""}),
        "levels": sorted(levels - {""}),
    }
    return figures


def misses(directory: Path | None = None, include_heldout: bool = False) -> list[str]:
    """What the parser missed or added, document by document (for development, not the JSON)."""
    found: list[str] = []
    for path in documents(directory):
        if held_out(path) and not include_heldout:
            continue
        found += score_path(path).misses
    return found


if __name__ == "__main__":  # python -m gongkai.bench.planscore: the development set's misses
    print("\n".join(misses()))

"""Numbers and dates from a request: the one way views read them (issue 15, point 6).

``str.isdigit()`` accepts "²" and "١", which ``int()`` refuses; ``int()`` accepts
"99999999999999999999", which no database column holds; ``date.fromisoformat`` accepts
"9999-12-31", from which no working day can be counted. Each such value used to answer 500. Here
every number and date is parsed with bounds:

- :func:`int_param` reads a query string or form value and raises :class:`BadParameter` (a
  ``BadRequest``: the 400 page says in Chinese what was wrong) for a value that is present but not
  acceptable; an absent or empty value gives the default;
- :func:`int_field` and :func:`date_field` read the same way for a view that reports errors on the
  form it shows again (a ``ValidationError``); :func:`parse_int` is the rule itself;
- :class:`LawDateField` is the form field of a date that carries law (成文日期, 废止日期, …): a
  real date within the range of ``rules.lawdates``, refused with the field's name otherwise.

The FOI forms and services can use :class:`LawDateField` and ``rules.lawdates.law_date_problem``
for their own law dates (receipt, notice, service).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.utils import timezone

from gongkai.rules.lawdates import EARLIEST, YEARS_AHEAD, latest, law_date_problem

# The largest id a URL may carry: SQLite's and PostgreSQL's bigint.
MAX_ID = 2**63 - 1
MAX_SORT_ORDER = 100_000  # a position in a list of units or columns: far beyond any real list


class BadParameter(BadRequest):
    """A query or form value that cannot be what its name says; the message is for the user."""


def parse_int(raw: str, low: int, high: int, label: str) -> int:
    """``raw`` as an integer from ``low`` to ``high``; ``ValueError`` naming ``label`` otherwise.
    Only ASCII digits count (with an optional minus sign)."""
    text = raw.strip()
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(max(abs(low), abs(high)))):
        raise ValueError(f"“{label}”应为 {low} 至 {high} 之间的整数，而不是“{raw}”。")
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"“{label}”应为 {low} 至 {high} 之间的整数，而不是“{raw}”。")
    return value


def _read_int(params: Mapping[str, Any], name: str, low: int, high: int, default: int | None, label: str) -> int | None:
    raw = params.get(name)
    if raw is None or not str(raw).strip():
        return default
    return parse_int(str(raw), low, high, label)


def int_param(
    params: Mapping[str, Any], name: str, *, low: int = 1, high: int = MAX_ID, default: int | None = None,
    label: str | None = None,
) -> int | None:
    """The integer ``params[name]`` (``request.GET`` or ``request.POST``), ``default`` when it is
    absent or empty; :class:`BadParameter` when it is not an integer from ``low`` to ``high``."""
    try:
        return _read_int(params, name, low, high, default, label or name)
    except ValueError as error:
        raise BadParameter(str(error)) from None


def int_field(
    params: Mapping[str, Any], name: str, *, low: int = 1, high: int = MAX_ID, default: int | None = None,
    label: str | None = None,
) -> int | None:
    """As :func:`int_param`, with a ``ValidationError`` for the form the view shows again."""
    try:
        return _read_int(params, name, low, high, default, label or name)
    except ValueError as error:
        raise ValidationError(str(error)) from None


def date_field(
    params: Mapping[str, Any], name: str, *, default: date | None = None, label: str | None = None
) -> date | None:
    """The date ``params[name]`` (YYYY-MM-DD) within the range of law dates, ``default`` when it
    is absent or empty; a ``ValidationError`` naming ``label`` otherwise."""
    raw = params.get(name)
    if raw is None or not str(raw).strip():
        return default
    try:
        value = date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValidationError(f"“{label or name}”应为日期（如 2026-05-20），而不是“{raw}”。") from None
    if problem := law_date_problem(label or name, value, timezone.localdate()):
        raise ValidationError(problem)
    return value


def year_bounds(today: date | None = None) -> tuple[int, int]:
    """The years a law date can fall in: from 1949 to next year."""
    return EARLIEST.year, latest(today or timezone.localdate()).year


def is_id(value: Any) -> bool:
    """Whether ``value`` can be the primary key of a row (ASCII digits, inside bigint)."""
    text = str(value).strip()
    return text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_ID


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A model multiple choice whose ids are checked before they reach the database (which
    answers an id beyond its integer with an OverflowError, not with "not found")."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not is_id(pk):
                raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)


class LawDateField(forms.DateField):
    """A date that carries law: refused, naming the field, outside 1949-10-01 … the end of next
    year (``years_ahead`` years on for an expiry)."""

    def __init__(self, *args: Any, years_ahead: int = YEARS_AHEAD, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.years_ahead = years_ahead

    def validate(self, value: Any) -> None:
        super().validate(value)
        if isinstance(value, date):
            problem = law_date_problem(str(self.label or "日期"), value, timezone.localdate(), self.years_ahead)
            if problem:
                raise forms.ValidationError(problem, code="out_of_range")
